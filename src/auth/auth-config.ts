import { z } from 'zod';

/** Entra's own sign-in hosts: MSAL knows them, so they need no `knownAuthorities`. */
const MICROSOFT_LOGIN_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.windows.net',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
]);

export const authConfigSchema = z.object({
  clientId: z.guid({ error: "must be the app registration's client id (a GUID)" }),
  authority: z.url({
    protocol: /^https$/,
    error:
      'must be an https URL such as https://login.microsoftonline.com/<tenant id> (MSAL refuses http authorities; the local tenant serves https://localhost:4443/<tenant id>)',
  }),
  /** Hosts (host:port) MSAL may trust without asking Microsoft's instance discovery. */
  knownAuthorities: z.array(z.string().min(1)).optional(),
  redirectUri: z.url({
    protocol: /^https?$/,
    error: 'must be an http(s) URL of a page of this app',
  }),
  graphScopes: z.array(z.string().min(1)).min(1, { error: 'must name at least one scope' }),
});

export type AuthConfig = z.infer<typeof authConfigSchema>;

const ENV_NAMES: Record<keyof AuthConfig, string> = {
  clientId: 'RAPPORT_CLIENT_ID',
  authority: 'RAPPORT_AUTHORITY',
  knownAuthorities: 'RAPPORT_KNOWN_AUTHORITIES',
  redirectUri: 'RAPPORT_REDIRECT_URI',
  graphScopes: 'RAPPORT_GRAPH_SCOPES',
};

const list = (value: string | undefined): string[] | undefined => {
  const items = value
    ?.split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return items && items.length > 0 ? items : undefined;
};

/**
 * A custom authority (the local tenant, a CIAM or B2C domain) must be listed in
 * `knownAuthorities`, or MSAL asks Microsoft's instance discovery about it and fails offline.
 */
function derivedKnownAuthorities(authority: string | undefined): string[] | undefined {
  if (!authority || !URL.canParse(authority)) return undefined;
  const { host, hostname } = new URL(authority);
  return MICROSOFT_LOGIN_HOSTS.has(hostname.toLowerCase()) ? undefined : [host];
}

/**
 * Reads the sign-in settings from `RAPPORT_*` variables. What is code rather than setting (the
 * scope table, the page's own redirect URI) comes in `defaults`; a variable overrides it.
 * Throws one readable message naming every variable that is missing or wrong.
 */
export function readAuthConfig(
  env: Record<string, string | undefined>,
  defaults: { redirectUri?: string; graphScopes?: readonly string[] } = {},
): AuthConfig {
  const authority = env.RAPPORT_AUTHORITY?.trim() || undefined;
  const raw = {
    clientId: env.RAPPORT_CLIENT_ID?.trim() || undefined,
    authority,
    knownAuthorities: list(env.RAPPORT_KNOWN_AUTHORITIES) ?? derivedKnownAuthorities(authority),
    redirectUri: env.RAPPORT_REDIRECT_URI?.trim() || defaults.redirectUri,
    graphScopes:
      list(env.RAPPORT_GRAPH_SCOPES) ??
      (defaults.graphScopes ? [...defaults.graphScopes] : undefined),
  };
  const parsed = authConfigSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const key = issue.path[0] as keyof AuthConfig | undefined;
    const name = key ? ENV_NAMES[key] : 'settings';
    const value = key ? raw[key] : undefined;
    if (value !== undefined) return `${name} ${issue.message}`;
    return key === 'graphScopes'
      ? `${name} is not set (the app passes its scope table: readAuthConfig(env, { graphScopes: graphScopeUris() }))`
      : `${name} is not set`;
  });
  throw new Error(`Sign-in is not configured: ${[...new Set(problems)].join('; ')}.`);
}
