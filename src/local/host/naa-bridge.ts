import type { HostPerson } from './context';
import { resolveScopes, type Audience } from './scopes';
import { TenantError, type MintedToken } from './tenant-client';

/**
 * The host's side of MSAL's nested app auth bridge (HOST-PROTOCOL.md §8): teams-js relays MSAL's
 * request envelope as a string, and the host answers with a response envelope MSAL accepts.
 */

export const NAA_SDK_NAME = 'rapport-local-teams-host';
export const NAA_SDK_VERSION = '1.0.0';
/** MSAL 5 refuses an account without an environment; this is Entra's public cloud. */
export const ACCOUNT_ENVIRONMENT = 'login.microsoftonline.com';

export interface NaaTokenParams {
  clientId?: string;
  scope?: string;
  correlationId?: string;
  authenticationScheme?: string;
  authority?: string;
  claims?: string;
}

const TOKEN_PARAM_KEYS = [
  'clientId',
  'scope',
  'correlationId',
  'authenticationScheme',
  'authority',
  'claims',
] as const;

export interface NaaRequest {
  messageType: 'NestedAppAuthRequest';
  method: string;
  requestId: string;
  tokenParams?: NaaTokenParams;
}

export interface NaaAccount {
  homeAccountId: string;
  environment: string;
  tenantId: string;
  username: string;
  localAccountId: string;
  name: string;
  idTokenClaims: IdTokenClaims;
}

export interface IdTokenClaims {
  aud: string;
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  name: string;
  oid: string;
  preferred_username: string;
  sub: string;
  tid: string;
  ver: '2.0';
}

export interface NaaError {
  status: string;
  code?: string;
  subError?: string;
  description?: string;
}

export interface NaaToken {
  access_token: string;
  expires_in: number;
  id_token: string;
  properties: null;
  scope: string;
}

export type NaaResponse =
  | {
      messageType: 'NestedAppAuthResponse';
      requestId: string;
      success: true;
      initContext?: {
        sdkName: string;
        sdkVersion: string;
        capabilities: { queryAccount: boolean };
        accountContext: { homeAccountId: string; environment: string; tenantId: string };
      };
      token?: NaaToken;
      account?: NaaAccount;
    }
  | { messageType: 'NestedAppAuthResponse'; requestId: string; success: false; error: NaaError };

export interface NaaDeps {
  person: HostPerson;
  tenantId: string;
  issuer: string;
  nowSeconds: () => number;
  mintToken: (user: string, audience: Audience, scopes?: string[]) => Promise<MintedToken>;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseNaaRequest(data: string | undefined): NaaRequest | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data ?? '');
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || parsed.messageType !== 'NestedAppAuthRequest') return undefined;
  if (typeof parsed.method !== 'string' || typeof parsed.requestId !== 'string') return undefined;
  const request: NaaRequest = {
    messageType: 'NestedAppAuthRequest',
    method: parsed.method,
    requestId: parsed.requestId,
  };
  if (isRecord(parsed.tokenParams)) {
    const given = parsed.tokenParams;
    const params: NaaTokenParams = {};
    for (const key of TOKEN_PARAM_KEYS) {
      const v = given[key];
      if (typeof v === 'string') params[key] = v;
    }
    request.tokenParams = params;
  }
  return request;
}

export const homeAccountIdOf = (person: HostPerson, tenantId: string): string =>
  `${person.id}.${tenantId}`;

export function idTokenClaims(
  person: HostPerson,
  tenantId: string,
  issuer: string,
  clientId: string,
  nowSeconds: number,
): IdTokenClaims {
  return {
    aud: clientId,
    iss: issuer,
    iat: nowSeconds,
    nbf: nowSeconds,
    exp: nowSeconds + 3600,
    name: person.displayName,
    oid: person.id,
    preferred_username: person.userPrincipalName,
    sub: person.id,
    tid: tenantId,
    ver: '2.0',
  };
}

const base64Url = (text: string): string => {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const fromBase64Url = (segment: string): string => {
  const binary = atob(segment.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
};

/**
 * MSAL only parses the id token's claims, so an unsigned one (`alg: none`, empty signature) is
 * enough; the access token is the tenant's real, signed one.
 */
export const unsignedIdToken = (claims: IdTokenClaims): string =>
  `${base64Url(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${base64Url(JSON.stringify(claims))}.`;

/** Reads a JWT's claims without checking it: the host only needs the scopes it was given. */
export function jwtClaims(token: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(fromBase64Url(token.split('.')[1] ?? ''));
    return isRecord(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

export function naaAccount(
  person: HostPerson,
  tenantId: string,
  claims: IdTokenClaims,
): NaaAccount {
  return {
    homeAccountId: homeAccountIdOf(person, tenantId),
    environment: ACCOUNT_ENVIRONMENT,
    tenantId,
    username: person.userPrincipalName,
    localAccountId: person.id,
    name: person.displayName,
    idTokenClaims: claims,
  };
}

export const naaFailure = (requestId: string, error: NaaError): NaaResponse => ({
  messageType: 'NestedAppAuthResponse',
  requestId,
  success: false,
  error,
});

async function tokenResponse(request: NaaRequest, deps: NaaDeps): Promise<NaaResponse> {
  const params = request.tokenParams ?? {};
  const fail = (error: NaaError) => naaFailure(request.requestId, error);
  if (!params.clientId) {
    return fail({
      status: 'PERSISTENT_ERROR',
      code: 'invalid_request',
      description: 'tokenParams.clientId is missing.',
    });
  }
  if (params.authenticationScheme && params.authenticationScheme !== 'Bearer') {
    return fail({
      status: 'PERSISTENT_ERROR',
      code: 'unsupported_scheme',
      description: `The local host issues Bearer tokens only, not ${params.authenticationScheme}.`,
    });
  }
  const resolved = resolveScopes(params.scope);
  if (!resolved.ok) {
    return fail({
      status: 'PERSISTENT_ERROR',
      code: resolved.code,
      description: resolved.description,
    });
  }

  let minted: MintedToken;
  try {
    minted = await deps.mintToken(deps.person.id, resolved.audience, resolved.scopes);
  } catch (err) {
    const unreachable = err instanceof TenantError && err.unreachable;
    return fail({
      status: unreachable ? 'NO_NETWORK' : 'PERSISTENT_ERROR',
      code: unreachable ? 'no_network_connectivity' : 'token_request_failed',
      description: err instanceof Error ? err.message : String(err),
    });
  }

  const granted = jwtClaims(minted.access_token).scp;
  const scope =
    resolved.requested.length > 0
      ? resolved.requested.join(' ')
      : typeof granted === 'string'
        ? granted
        : '';
  const claims = idTokenClaims(
    deps.person,
    deps.tenantId,
    deps.issuer,
    params.clientId,
    deps.nowSeconds(),
  );
  return {
    messageType: 'NestedAppAuthResponse',
    requestId: request.requestId,
    success: true,
    token: {
      access_token: minted.access_token,
      expires_in: minted.expires_in,
      id_token: unsignedIdToken(claims),
      properties: null,
      scope,
    },
    account: naaAccount(deps.person, deps.tenantId, claims),
  };
}

/** Answers one bridge request; every request gets an answer, since MSAL never times out. */
export async function answerNaaRequest(
  data: string | undefined,
  deps: NaaDeps,
): Promise<NaaResponse> {
  const request = parseNaaRequest(data);
  if (!request) {
    return naaFailure('', {
      status: 'PERSISTENT_ERROR',
      code: 'invalid_request',
      description: 'Not a NestedAppAuthRequest envelope.',
    });
  }
  const { person, tenantId } = deps;
  switch (request.method) {
    case 'GetInitContext':
      return {
        messageType: 'NestedAppAuthResponse',
        requestId: request.requestId,
        success: true,
        initContext: {
          sdkName: NAA_SDK_NAME,
          sdkVersion: NAA_SDK_VERSION,
          capabilities: { queryAccount: false },
          accountContext: {
            homeAccountId: homeAccountIdOf(person, tenantId),
            environment: ACCOUNT_ENVIRONMENT,
            tenantId,
          },
        },
      };
    // Sent by msal-browser 3.7–3.14 only; answered for older apps.
    case 'GetActiveAccount':
    case 'GetAccountByHomeId':
    case 'GetAccountByLocalId': {
      const clientId = request.tokenParams?.clientId ?? '';
      const claims = idTokenClaims(person, tenantId, deps.issuer, clientId, deps.nowSeconds());
      return {
        messageType: 'NestedAppAuthResponse',
        requestId: request.requestId,
        success: true,
        account: naaAccount(person, tenantId, claims),
      };
    }
    case 'GetToken':
    case 'GetTokenPopup':
      return tokenResponse(request, deps);
    default:
      return naaFailure(request.requestId, {
        status: 'PERSISTENT_ERROR',
        code: 'unsupported_method',
        description: `The local Teams host does not support the bridge method '${request.method}'.`,
      });
  }
}

/** What teams-js relays back: the envelope as a string in args[1]; args[0] is ignored. */
export const naaReplyArgs = (response: NaaResponse): [false, string] => [
  false,
  JSON.stringify(response),
];
