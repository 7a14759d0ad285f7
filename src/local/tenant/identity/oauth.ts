import type { HttpBindings } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import type { TenantCtx } from '../http/context';
import { PEOPLE, TENANT_ID, upnOf, type SeedPerson } from '../seed/directory';

/** A demo person named by UPN (as a login hint or MSAL's account username) or by object id. */
export function findPerson(hint: string | undefined): SeedPerson | undefined {
  if (!hint) return undefined;
  const wanted = hint.trim().toLowerCase();
  return PEOPLE.find((p) => upnOf(p) === wanted || p.id === wanted);
}

export const displayName = (p: SeedPerson): string => `${p.givenName} ${p.surname}`;

/** What MSAL reads to key its cache by account (`uid.utid`) on AAD-style authorities. */
export const clientInfo = (oid: string): string =>
  Buffer.from(JSON.stringify({ uid: oid, utid: TENANT_ID })).toString('base64url');

export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Whether the request came in on the HTTPS listener (the one browsers sign in through). */
export function viaTls(c: TenantCtx): boolean {
  const env = c.env as HttpBindings | undefined;
  const socket = env?.incoming.socket as { encrypted?: boolean } | undefined;
  return socket?.encrypted === true;
}

/** Entra's error body for the token endpoint, with the codes MSAL logs. */
export function oauthErrorBody(
  error: string,
  description: string,
  correlationId: string,
  now: Date,
): Record<string, unknown> {
  const code = /^AADSTS(\d+)/.exec(description)?.[1];
  return {
    error,
    error_description: `${description}\r\nTrace ID: ${correlationId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${now.toISOString()}`,
    error_codes: code ? [Number(code)] : [],
    timestamp: now.toISOString(),
    trace_id: correlationId,
    correlation_id: correlationId,
  };
}

/**
 * Where the tenant may send a person back with a code: loopback web origins on any port (the dev
 * server, the local Teams host, test pages) and the Teams broker's `brk-multihub://` scheme.
 */
export function isAllowedRedirectUri(uri: string): boolean {
  if (uri.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  if (url.hash || url.username || url.password) return false;
  if (url.protocol === 'brk-multihub:') return url.host !== '';
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return url.hostname === 'localhost' || url.hostname === '127.0.0.1';
}
