import { PEOPLE, upnOf } from '../seed/directory';

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (ch) => `&#${String(ch.charCodeAt(0))};`);

const STYLE = `
:root { color-scheme: light dark; --bg: #f5f5f5; --card: #ffffff; --text: #242424; --muted: #424242;
  --accent: #0f6cbd; --border: #d1d1d1; --focus: #000000; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #1f1f1f; --card: #292929; --text: #ffffff; --muted: #d6d6d6; --accent: #479ef5;
    --border: #666666; --focus: #ffffff; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text);
  font: 16px/1.5 "Segoe UI", system-ui, -apple-system, sans-serif; }
main { max-width: 40rem; margin: 2rem auto; padding: 1.5rem; background: var(--card);
  border: 1px solid var(--border); border-radius: 8px; }
h1 { font-size: 1.5rem; margin: 0 0 0.5rem; }
p { margin: 0 0 1rem; color: var(--muted); }
.notice { color: var(--text); border-left: 4px solid var(--accent); padding-left: 0.75rem; }
ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
button { width: 100%; text-align: left; display: grid; gap: 0.1rem; padding: 0.6rem 0.9rem;
  font: inherit; color: var(--text); background: transparent; border: 1px solid var(--border);
  border-radius: 6px; cursor: pointer; }
button:hover { border-color: var(--accent); }
button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.name { font-weight: 600; }
.detail { color: var(--muted); font-size: 0.875rem; }
code { font-size: 0.875rem; word-break: break-all; }
@media (forced-colors: active) { button { border: 1px solid ButtonText; } }
`;

/** Tight enough that the page can do nothing but post its own form and follow the redirect. */
export function pageSecurityHeaders(formTargets: readonly string[]): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': [
      "default-src 'none'",
      "style-src 'unsafe-inline'",
      'img-src data:',
      // Chromium checks form-action against the redirect that follows the post, too.
      `form-action 'self' ${formTargets.join(' ')}`.trim(),
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join('; '),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  };
}

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export interface SignInPageInput {
  /** Where the form posts: the authorize endpoint's path. */
  action: string;
  /** The authorize request's parameters, carried through the form unchanged. */
  params: Record<string, string>;
  /** Where the person goes back to, shown so they know which app asked. */
  redirectOrigin: string;
  /** Shown when the request named someone the tenant does not know. */
  unknownHint?: string;
}

/** "Sign in to the Rapport demo tenant": one button per demo person, no passwords. */
export function signInPage(input: SignInPageInput): string {
  const hidden = Object.entries(input.params)
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
    )
    .join('\n');
  const people = PEOPLE.map((p) => {
    const upn = upnOf(p);
    return `<li><button type="submit" name="login_hint" value="${escapeHtml(upn)}">
<span class="name">${escapeHtml(`${p.givenName} ${p.surname}`)}</span>
<span class="detail">${escapeHtml(`${p.jobTitle}, ${p.officeLocation}`)} · ${escapeHtml(upn)}</span>
</button></li>`;
  }).join('\n');
  const notice = input.unknownHint
    ? `<p class="notice" role="status">Nobody in the demo tenant is called <code>${escapeHtml(input.unknownHint)}</code>. Choose someone below.</p>`
    : '';
  return layout(
    'Sign in to the Rapport demo tenant',
    `<h1>Sign in to the Rapport demo tenant</h1>
<p>This is Rapport's local demo tenant: nobody has a password here. Choose who you want to be, and
<code>${escapeHtml(input.redirectOrigin)}</code> is signed in as that person.</p>
${notice}
<form method="post" action="${escapeHtml(input.action)}">
${hidden}
<ul aria-label="Demo people">
${people}
</ul>
</form>`,
  );
}

/** Shown instead of redirecting when the request cannot be trusted to go back where it says. */
export function errorPage(code: string, message: string): string {
  return layout(
    'Sign-in failed',
    `<h1>Sign-in failed</h1>
<p>The demo tenant cannot send you back to the app that asked, so it stops here.</p>
<p class="notice"><code>${escapeHtml(code)}</code>: ${escapeHtml(message)}</p>`,
  );
}

/** The end-session endpoint's page when no return address was given. */
export function signedOutPage(): string {
  return layout(
    'Signed out',
    `<h1>You are signed out</h1>
<p>The Rapport demo tenant keeps no session, so there is nothing else to clear. You can close this window.</p>`,
  );
}

/**
 * The HTTPS origin's front page. A browser that has never seen the self-signed certificate
 * refuses MSAL's background requests without asking; opening this page once lets the person
 * accept the certificate, and says what happened.
 */
export function frontPage(input: { viaTls: boolean; authority: string; graph: string }): string {
  const trust = input.viaTls
    ? `<p class="notice" role="status">This browser accepts the local tenant's certificate now, so
Rapport can sign in here. You can close this tab and go back to Rapport.</p>`
    : `<p>Browsers sign in over HTTPS: <code>${escapeHtml(input.authority)}</code>.</p>`;
  return layout(
    'Rapport local tenant',
    `<h1>Rapport local tenant</h1>
<p>A stand-in for Microsoft 365 on this machine: Microsoft Graph at <code>${escapeHtml(input.graph)}</code>
and the sign-in authority at <code>${escapeHtml(input.authority)}</code>.</p>
${trust}`,
  );
}
