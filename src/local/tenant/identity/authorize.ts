import type { TenantApp, TenantCtx } from '../http/context';
import { RAPPORT_CLIENT_ID, TENANT_ID } from '../seed/directory';
import { clientInfo, findPerson, isAllowedRedirectUri, randomToken } from './oauth';
import { resolveScopes } from './scopes';
import { errorPage, pageSecurityHeaders, signInPage, signedOutPage } from './sign-in-page';

/** Entra's authorization codes live 10 minutes; so do ours, by the tenant's clock. */
export const CODE_LIFETIME_MS = 10 * 60 * 1000;

export interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  oid: string;
  scope: string;
  nonce?: string;
  codeChallenge: string;
  expiresAt: number;
}

export type TakenCode =
  | { status: 'ok'; code: AuthorizationCode }
  | { status: 'unknown' }
  | { status: 'redeemed' }
  | { status: 'expired' };

/**
 * Issued codes, in memory: they are single use and short-lived, so a restart losing them only
 * asks someone to sign in again. Spent codes are remembered until they expire so a replay gets
 * Entra's "already redeemed" rather than "unknown".
 */
export class CodeStore {
  private readonly codes = new Map<string, { grant: AuthorizationCode; spent: boolean }>();

  constructor(private readonly nowMs: () => number) {}

  issue(grant: Omit<AuthorizationCode, 'expiresAt'>): string {
    const now = this.nowMs();
    for (const [key, entry] of this.codes) {
      if (entry.grant.expiresAt <= now) this.codes.delete(key);
    }
    const code = randomToken(48);
    this.codes.set(code, { grant: { ...grant, expiresAt: now + CODE_LIFETIME_MS }, spent: false });
    return code;
  }

  /** Spends the code whatever happens next, so a wrong verifier cannot be retried against it. */
  take(code: string): TakenCode {
    const entry = this.codes.get(code);
    if (!entry) return { status: 'unknown' };
    if (entry.spent) return { status: 'redeemed' };
    entry.spent = true;
    if (entry.grant.expiresAt <= this.nowMs()) return { status: 'expired' };
    return { status: 'ok', code: entry.grant };
  }
}

const PROMPTS = new Set(['none', 'login', 'select_account', 'consent']);
/** Carried through the sign-in form; other parameters MSAL adds (telemetry, pocd) are dropped. */
const CARRIED = [
  'client_id',
  'redirect_uri',
  'response_type',
  'response_mode',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
] as const;

/** `/authorize` as Entra's v2 endpoint answers a single-page app: code flow with PKCE only. */
export function registerAuthorizeRoutes(app: TenantApp, codes: CodeStore): void {
  const path = `/${TENANT_ID}/oauth2/v2.0/authorize`;

  app.get(path, (c) => authorize(c, codes, path, c.req.query()));
  // Entra takes the same parameters as a form post; the sign-in page posts its choice this way.
  app.post(path, async (c) => {
    const form: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(await c.req.text())) form[k] = v;
    return authorize(c, codes, path, form);
  });

  app.get(`/${TENANT_ID}/oauth2/v2.0/logout`, (c) => {
    const back = c.req.query('post_logout_redirect_uri');
    if (back && isAllowedRedirectUri(back) && !back.startsWith('brk-multihub:')) {
      return c.redirect(back, 302);
    }
    return c.body(signedOutPage(), 200, pageSecurityHeaders([]));
  });
}

function authorize(
  c: TenantCtx,
  codes: CodeStore,
  path: string,
  params: Record<string, string>,
): Response {
  const fail = (code: string, message: string) =>
    c.body(errorPage(code, message), 400, pageSecurityHeaders([]));

  const clientId = params.client_id;
  if (!clientId) {
    return fail(
      'AADSTS900144',
      "The request body must contain the following parameter: 'client_id'.",
    );
  }
  if (clientId !== RAPPORT_CLIENT_ID) {
    return fail(
      'AADSTS700016',
      `Application with identifier '${clientId}' was not found in the directory 'Rapport demo'. The local tenant signs people in to Rapport (${RAPPORT_CLIENT_ID}) only.`,
    );
  }
  const redirectUri = params.redirect_uri;
  if (!redirectUri || !isAllowedRedirectUri(redirectUri)) {
    return fail(
      'AADSTS50011',
      `The redirect URI '${redirectUri ?? ''}' specified in the request does not match the redirect URIs configured for the application. The local tenant accepts http(s)://localhost or 127.0.0.1 on any port, and brk-multihub:// URIs.`,
    );
  }

  const responseMode = params.response_mode ?? 'query';
  const respond = (fields: Record<string, string>): Response => {
    const all = { ...fields, ...(params.state === undefined ? {} : { state: params.state }) };
    const url = new URL(redirectUri);
    if (responseMode === 'fragment') {
      url.hash = new URLSearchParams(all).toString();
    } else {
      for (const [k, v] of Object.entries(all)) url.searchParams.append(k, v);
    }
    c.header('Cache-Control', 'no-store');
    return c.redirect(url.toString(), 302);
  };
  const refuse = (error: string, description: string) =>
    respond({ error, error_description: description });

  if (responseMode !== 'query' && responseMode !== 'fragment') {
    // Answered in the query, the one mode every client reads.
    const url = new URL(redirectUri);
    url.searchParams.set('error', 'invalid_request');
    url.searchParams.set(
      'error_description',
      `AADSTS900352: response_mode '${responseMode}' is not served by the local tenant; use query or fragment.`,
    );
    if (params.state !== undefined) url.searchParams.set('state', params.state);
    return c.redirect(url.toString(), 302);
  }
  if (params.response_type !== 'code') {
    return refuse(
      'unsupported_response_type',
      `AADSTS700054: response_type '${params.response_type ?? ''}' is not enabled for the application. The local tenant issues authorization codes (response_type=code) only.`,
    );
  }
  const challenge = params.code_challenge;
  if (!challenge) {
    return refuse(
      'invalid_request',
      'AADSTS9002325: Proof Key for Code Exchange is required for cross-origin authorization code redemption.',
    );
  }
  if (params.code_challenge_method !== 'S256') {
    return refuse(
      'invalid_request',
      "AADSTS501491: Invalid code_challenge_method. The local tenant accepts 'S256' only.",
    );
  }
  if (!/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
    return refuse(
      'invalid_request',
      'AADSTS501481: The code_challenge is not a base64url SHA-256 hash.',
    );
  }
  const scopes = resolveScopes(params.scope);
  if (!scopes.ok) return refuse(scopes.error, scopes.description);
  const prompt = params.prompt;
  if (prompt !== undefined && !PROMPTS.has(prompt)) {
    return refuse('invalid_request', `AADSTS90023: Invalid prompt value '${prompt}'.`);
  }

  const person = findPerson(params.login_hint);
  // `login` asks for credentials again: here, that means choosing again.
  const mustChoose = prompt === 'select_account' || prompt === 'login';
  if (person && !mustChoose) {
    const code = codes.issue({
      clientId,
      redirectUri,
      oid: person.id,
      scope: params.scope ?? '',
      codeChallenge: challenge,
      ...(params.nonce === undefined ? {} : { nonce: params.nonce }),
    });
    return respond({ code, client_info: clientInfo(person.id) });
  }
  if (prompt === 'none') {
    return refuse(
      'login_required',
      'AADSTS50058: A silent sign-in request was sent but no user is signed in. The demo tenant keeps no session; pass a login_hint naming a demo person.',
    );
  }

  const carried: Record<string, string> = {};
  for (const name of CARRIED) {
    const value = params[name];
    if (value !== undefined) carried[name] = value;
  }
  const target = new URL(redirectUri);
  const formTargets = target.protocol === 'brk-multihub:' ? ['brk-multihub:'] : [target.origin];
  return c.body(
    signInPage({
      action: path,
      params: carried,
      redirectOrigin: target.protocol === 'brk-multihub:' ? redirectUri : target.origin,
      ...(params.login_hint && !person ? { unknownHint: params.login_hint } : {}),
    }),
    200,
    pageSecurityHeaders(formTargets),
  );
}
