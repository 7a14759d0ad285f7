import { createHash, timingSafeEqual } from 'node:crypto';
import type { Tenant, TenantApp, TenantCtx } from '../http/context';
import { PROVISIONING_PERMISSIONS } from '../../../graph/storage/provision-rapport';
import {
  GRAPH_AUDIENCE,
  PROVISIONING_APP_ID,
  PROVISIONING_LOCAL_SECRET,
  RAPPORT_CLIENT_ID,
  RELAY_APP_ID,
  RELAY_LOCAL_SECRET,
  TENANT_ID,
  upnOf,
  type SeedPerson,
} from '../seed/directory';
import type { CodeStore } from './authorize';
import { clientInfo, displayName, findPerson, oauthErrorBody } from './oauth';
import { RESOURCE_AUDIENCE, resolveScopes } from './scopes';
import { SPA_REFRESH_LIFETIME_SECONDS, TOKEN_LIFETIME_SECONDS } from './tokens';

/** What the relay may do with an app-only token: only the sites it is granted (Sites.Selected). */
export const RELAY_APP_ROLES = ['Sites.Selected'] as const;

/**
 * The apps that may use client credentials here, with their secret and the application
 * permissions an admin consented to: the relay, and the admin's provisioning app.
 */
const CONFIDENTIAL_CLIENTS: Readonly<Record<string, { secret: string; roles: readonly string[] }>> =
  {
    [RELAY_APP_ID]: { secret: RELAY_LOCAL_SECRET, roles: RELAY_APP_ROLES },
    [PROVISIONING_APP_ID]: { secret: PROVISIONING_LOCAL_SECRET, roles: PROVISIONING_PERMISSIONS },
  };

type Form = Record<string, string | undefined>;

/**
 * The v2 token endpoint: client credentials for the relay and the admin's provisioning app, and for Rapport (a public SPA client)
 * the authorization-code (PKCE) and refresh-token grants.
 */
export function registerTokenEndpoint(app: TenantApp, tenant: Tenant, codes: CodeStore): void {
  app.post(`/${TENANT_ID}/oauth2/v2.0/token`, async (c) => {
    const form: Form = {};
    for (const [k, v] of new URLSearchParams(await c.req.text())) form[k] = v;
    c.header('Cache-Control', 'no-store');
    c.header('Pragma', 'no-cache');
    switch (form.grant_type) {
      case 'client_credentials':
        return clientCredentials(c, tenant, form);
      case 'authorization_code':
        return authorizationCode(c, tenant, codes, form);
      case 'refresh_token':
        return refreshToken(c, tenant, form);
      default:
        return oauthError(
          c,
          tenant,
          'unsupported_grant_type',
          `AADSTS70003: The app requested an unsupported grant type '${form.grant_type ?? ''}'. The local tenant serves client_credentials, authorization_code and refresh_token.`,
        );
    }
  });
}

function oauthError(
  c: TenantCtx,
  tenant: Tenant,
  error: string,
  description: string,
  status: 400 | 401 = 400,
): Response {
  return c.json(
    oauthErrorBody(error, description, c.var.requestId, new Date(tenant.clock.now())),
    status,
  );
}

async function clientCredentials(c: TenantCtx, tenant: Tenant, form: Form): Promise<Response> {
  const { client_id, client_secret, scope } = form;
  if (!client_id || !client_secret || !scope) {
    return oauthError(
      c,
      tenant,
      'invalid_request',
      "AADSTS900144: The request body must contain the parameters 'client_id', 'client_secret' and 'scope'.",
    );
  }
  const client = CONFIDENTIAL_CLIENTS[client_id];
  if (!client || client.secret !== client_secret) {
    return oauthError(
      c,
      tenant,
      'invalid_client',
      'AADSTS7000215: Invalid client secret provided.',
      401,
    );
  }
  if (scope !== `${GRAPH_AUDIENCE}/.default`) {
    return oauthError(
      c,
      tenant,
      'invalid_scope',
      `AADSTS1002012: The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.`,
    );
  }
  const token = await tenant.issuer.app({
    appId: client_id,
    roles: client.roles,
    audience: GRAPH_AUDIENCE,
  });
  return c.json({
    token_type: 'Bearer',
    expires_in: TOKEN_LIFETIME_SECONDS,
    ext_expires_in: TOKEN_LIFETIME_SECONDS,
    access_token: token,
  });
}

/** Rapport is a public client: it proves itself with PKCE, never with a secret. */
function checkPublicClient(c: TenantCtx, tenant: Tenant, form: Form): Response | undefined {
  if (form.client_id !== RAPPORT_CLIENT_ID) {
    return oauthError(
      c,
      tenant,
      'unauthorized_client',
      `AADSTS700016: Application with identifier '${form.client_id ?? ''}' was not found in the directory 'Rapport demo'.`,
    );
  }
  if (form.client_secret !== undefined || form.client_assertion !== undefined) {
    return oauthError(
      c,
      tenant,
      'invalid_request',
      "AADSTS700025: Client is public so neither 'client_assertion' nor 'client_secret' should be presented.",
    );
  }
  return undefined;
}

async function authorizationCode(
  c: TenantCtx,
  tenant: Tenant,
  codes: CodeStore,
  form: Form,
): Promise<Response> {
  const refused = checkPublicClient(c, tenant, form);
  if (refused) return refused;
  if (!form.code) {
    return oauthError(
      c,
      tenant,
      'invalid_request',
      "AADSTS900144: The request body must contain the following parameter: 'code'.",
    );
  }
  const taken = codes.take(form.code);
  if (taken.status === 'redeemed') {
    return oauthError(
      c,
      tenant,
      'invalid_grant',
      'AADSTS54005: OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
    );
  }
  if (taken.status === 'expired') {
    return oauthError(
      c,
      tenant,
      'invalid_grant',
      'AADSTS70008: The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
    );
  }
  if (taken.status === 'unknown') {
    return oauthError(
      c,
      tenant,
      'invalid_grant',
      'AADSTS9002313: Invalid request. Request is malformed or invalid: the authorization code is not one this tenant issued.',
    );
  }
  const grant = taken.code;
  if (grant.clientId !== form.client_id) {
    return oauthError(
      c,
      tenant,
      'invalid_grant',
      'AADSTS70000: The provided authorization code was issued to another client.',
    );
  }
  if (form.redirect_uri !== grant.redirectUri) {
    return oauthError(
      c,
      tenant,
      'invalid_grant',
      'AADSTS500117: The reply uri specified in the request does not match the reply uri used to obtain the authorization code.',
    );
  }
  if (!verifierMatches(form.code_verifier, grant.codeChallenge)) {
    return oauthError(
      c,
      tenant,
      'invalid_grant',
      'AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.',
    );
  }
  const person = findPerson(grant.oid);
  if (!person) {
    return oauthError(c, tenant, 'invalid_grant', 'AADSTS50034: The user account does not exist.');
  }
  // The redemption may name the scopes again (MSAL does); without them the authorized ones apply.
  return issueTokens(c, tenant, person, form.scope ?? grant.scope, {
    ...(grant.nonce === undefined ? {} : { nonce: grant.nonce }),
    sessionExpiresAt: Math.floor(tenant.clock.now() / 1000) + SPA_REFRESH_LIFETIME_SECONDS,
  });
}

async function refreshToken(c: TenantCtx, tenant: Tenant, form: Form): Promise<Response> {
  const refused = checkPublicClient(c, tenant, form);
  if (refused) return refused;
  if (!form.refresh_token) {
    return oauthError(
      c,
      tenant,
      'invalid_request',
      "AADSTS900144: The request body must contain the following parameter: 'refresh_token'.",
    );
  }
  let session;
  try {
    session = await tenant.issuer.verifyRefreshToken(form.refresh_token);
  } catch (err) {
    const reason = err instanceof Error ? err.message : '';
    return oauthError(
      c,
      tenant,
      'invalid_grant',
      /exp/.test(reason)
        ? 'AADSTS700084: The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended. It is now expired and a new sign in request must be sent by the SPA to the sign in page.'
        : 'AADSTS9002313: Invalid request. The refresh token is malformed or was not issued by this tenant.',
    );
  }
  if (session.clientId !== form.client_id) {
    return oauthError(
      c,
      tenant,
      'invalid_grant',
      'AADSTS700005: The provided refresh token was issued to another client.',
    );
  }
  const person = findPerson(session.oid);
  if (!person) {
    return oauthError(c, tenant, 'invalid_grant', 'AADSTS50034: The user account does not exist.');
  }
  // A refresh token serves any resource the app is consented to, as Entra's do.
  return issueTokens(c, tenant, person, form.scope, { sessionExpiresAt: session.sessionExpiresAt });
}

async function issueTokens(
  c: TenantCtx,
  tenant: Tenant,
  person: SeedPerson,
  scope: string | undefined,
  session: { nonce?: string; sessionExpiresAt: number },
): Promise<Response> {
  const scopes = resolveScopes(scope);
  if (!scopes.ok) return oauthError(c, tenant, scopes.error, scopes.description);
  const { grant } = scopes;
  const claims = { oid: person.id, name: displayName(person), upn: upnOf(person) };
  const accessToken = await tenant.issuer.delegated({
    ...claims,
    scopes: grant.granted,
    audience: RESOURCE_AUDIENCE[grant.resource],
    clientId: RAPPORT_CLIENT_ID,
  });
  const idToken = grant.openid
    ? await tenant.issuer.idToken({
        ...claims,
        clientId: RAPPORT_CLIENT_ID,
        ...(session.nonce === undefined ? {} : { nonce: session.nonce }),
      })
    : undefined;
  const refresh = grant.offlineAccess
    ? await tenant.issuer.refreshToken({
        oid: person.id,
        clientId: RAPPORT_CLIENT_ID,
        sessionExpiresAt: session.sessionExpiresAt,
      })
    : undefined;
  return c.json({
    token_type: 'Bearer',
    scope: grant.responseScope,
    expires_in: TOKEN_LIFETIME_SECONDS,
    ext_expires_in: TOKEN_LIFETIME_SECONDS,
    access_token: accessToken,
    ...(refresh === undefined ? {} : { refresh_token: refresh }),
    ...(idToken === undefined ? {} : { id_token: idToken }),
    client_info: clientInfo(person.id),
  });
}

function verifierMatches(verifier: string | undefined, challenge: string): boolean {
  // RFC 7636: 43 to 128 characters from the unreserved set.
  if (!verifier || !/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return false;
  const computed = Buffer.from(createHash('sha256').update(verifier).digest('base64url'));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}
