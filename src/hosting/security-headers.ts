/**
 * The security headers of every response the tab's host sends: one module, read by the Node
 * server (`npm run serve:tab`) and written into the build as `staticwebapp.config.json` for hosts
 * that serve dist/ themselves (Azure Static Web Apps), so both send the same values.
 */

/**
 * Who may frame the tab: Microsoft's documented frame-ancestors for Teams apps (Microsoft Learn,
 * "Prerequisites for tabs",
 * https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements): all hosts
 * `*.cloud.microsoft`; Teams `teams.microsoft.com`, `*.teams.microsoft.com`; the Microsoft 365
 * app `*.microsoft365.com`, `*.office.com`; Outlook `outlook.office.com`, `outlook.office365.com`.
 * `*.cloud.microsoft` covers teams.cloud.microsoft, outlook.cloud.microsoft and
 * m365.cloud.microsoft, the hosts' new home. Left out on purpose: the page's `outlook-sdf.*`
 * hosts (Microsoft's own pre-release ring, not a customer's client), consumer Outlook
 * (`outlook.live.com`, which an older copy of the page listed: Rapport is a work-account app),
 * and `'self'` (nothing of Rapport's frames its own pages in production; the local Teams host is
 * a dev-server page and never built).
 */
export const FRAME_ANCESTORS: readonly string[] = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
];

/**
 * teams-js fetches its list of trusted host origins from this CDN when it loads (and falls back
 * to the list it ships when it cannot).
 */
export const TEAMS_JS_CDN = 'https://res.cdn.office.net';

/**
 * The SHA-256 of the empty string, as a CSP source. Fluent UI's styles (Griffel) and its theme
 * variables are written by creating an empty `<style>` element and filling it through the CSSOM
 * (`sheet.insertRule`), which CSP does not govern; the element itself is inline style, and an
 * empty one matches this hash. Measured in Chromium (tests/e2e/hosting.e2e.test.ts): without it
 * every Griffel bucket is refused and the page renders unstyled; with it nothing is refused, so
 * `style-src` needs neither `'unsafe-inline'` nor a per-response nonce (which a static host could
 * not send). Any other `<style>` with text in it (but the pages' own, hashed by the build) is
 * still refused.
 */
export const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/** The origins the built tab talks to, from its environment's settings. */
export interface HostingOrigins {
  /** Microsoft Graph (RAPPORT_GRAPH_BASE_URL). */
  graph: string;
  /** The sign-in authority (RAPPORT_AUTHORITY): MSAL's token calls and its hidden renewal frame. */
  authority: string;
  /** The feedback relay (RAPPORT_RELAY_URL). */
  relay: string;
}

const originOf = (name: string, value: string | undefined): string => {
  if (!value) throw new Error(`${name} is missing: the security headers need it.`);
  if (!URL.canParse(value)) throw new Error(`${name} must be a URL, not '${value}'.`);
  return new URL(value).origin;
};

/** The origins from an environment's RAPPORT_* settings (env/.env.<name>). */
export function hostingOriginsFromEnv(env: Record<string, string | undefined>): HostingOrigins {
  return {
    graph: originOf('RAPPORT_GRAPH_BASE_URL', env.RAPPORT_GRAPH_BASE_URL),
    authority: originOf('RAPPORT_AUTHORITY', env.RAPPORT_AUTHORITY),
    relay: originOf('RAPPORT_RELAY_URL', env.RAPPORT_RELAY_URL),
  };
}

export interface PolicyOptions {
  /** Hashes of the inline `<style>` blocks of the built pages ('sha256-…', quoted). */
  styleHashes?: readonly string[];
}

const unique = (values: readonly string[]): string[] => [...new Set(values)];

/**
 * The Content-Security-Policy: only the app's own scripts (no inline script, no eval), connections
 * to Graph, the authority, the relay and teams-js's CDN, and framing only by the Microsoft hosts.
 */
export function contentSecurityPolicy(
  origins: HostingOrigins,
  options: PolicyOptions = {},
): string {
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', unique(["'self'", EMPTY_STYLE_HASH, ...(options.styleHashes ?? [])])],
    // The favicon is a data: URL; nothing else loads images from elsewhere.
    ['img-src', ["'self'", 'data:']],
    ['font-src', ["'self'"]],
    [
      'connect-src',
      unique(["'self'", origins.graph, origins.authority, origins.relay, TEAMS_JS_CDN]),
    ],
    // MSAL renews tokens silently in a hidden frame on the authority when it must.
    ['frame-src', [origins.authority]],
    ['frame-ancestors', [...FRAME_ANCESTORS]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/**
 * Every header, for every response. No X-Frame-Options (it cannot name several framers;
 * frame-ancestors replaces it) and no Cross-Origin-Opener-Policy (it would cut the sign-in
 * popups off from the window that opened them).
 */
export function securityHeaders(
  origins: HostingOrigins,
  options: PolicyOptions = {},
): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(origins, options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
    'Permissions-Policy':
      'accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  };
}
