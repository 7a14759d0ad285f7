import type { TokenProvider } from '../domain/ports/token-provider';

export type SignedInAccount = NonNullable<Awaited<ReturnType<TokenProvider['account']>>>;

/**
 * Who a token is for, from its id-token claims: `oid` and `tid` identify the person (never the
 * pairwise `sub`, and never the host's context, which is only a hint).
 */
export function accountFromClaims(
  claims: Record<string, unknown> | undefined,
): SignedInAccount | undefined {
  if (!claims) return undefined;
  const str = (key: string): string | undefined => {
    const value = claims[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const id = str('oid');
  const tenantId = str('tid');
  if (!id || !tenantId) return undefined;
  const username = str('preferred_username') ?? str('upn') ?? str('email') ?? '';
  return { id, tenantId, username, name: str('name') ?? username };
}

/** One cache key per set of scopes, whatever their order or case. */
export const scopeKey = (scopes: readonly string[]): string =>
  [...new Set(scopes.map((s) => s.trim().toLowerCase()).filter(Boolean))].sort().join(' ');

/** A URL that carries an OAuth response back to the app (code or error, with MSAL's state). */
export function hasAuthResponse(href: string): boolean {
  if (!URL.canParse(href)) return false;
  const url = new URL(href);
  const carries = (params: URLSearchParams) =>
    params.has('state') && (params.has('code') || params.has('error'));
  return carries(new URLSearchParams(url.hash.replace(/^#/, ''))) || carries(url.searchParams);
}
