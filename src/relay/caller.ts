import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { RelayConfig } from './config';

/**
 * Who is calling, from a validated token: the object id, and the display name for the one place
 * a person is named on purpose (the weekly check-in, which the lead reads by name).
 */
export interface Caller {
  oid: string;
  /** The token's `name` (else `preferred_username`), '' when it has neither. */
  name: string;
}

export type CallerResult = { ok: true; caller: Caller } | { ok: false; reason: string };

type TokenChecks = Pick<
  RelayConfig,
  'issuer' | 'jwksUrl' | 'audience' | 'scope' | 'tenantId' | 'allowedClientId'
>;

/**
 * Validates a bearer token for the relay's API: signature against the pinned JWKS, `iss`, `aud`,
 * expiry (by the relay's clock), then `scp`, `tid` and `azp`. The reasons are for the 401 body and
 * say which check failed, never echo the token.
 */
export function tokenValidator(
  config: TokenChecks,
  now: () => number,
  keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(config.jwksUrl)),
): (authorization: string | undefined) => Promise<CallerResult> {
  return async (authorization) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match?.[1]) return { ok: false, reason: 'A bearer token is required.' };
    let payload;
    try {
      ({ payload } = await jwtVerify(match[1], keys, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: ['RS256'],
        currentDate: new Date(now()),
        requiredClaims: ['exp'],
      }));
    } catch (err) {
      return { ok: false, reason: reasonOf(err) };
    }
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(config.scope)) {
      return { ok: false, reason: `The token does not carry the scope ${config.scope}.` };
    }
    if (payload.tid !== config.tenantId)
      return { ok: false, reason: 'The token is for another tenant.' };
    if (payload.azp !== config.allowedClientId) {
      return { ok: false, reason: 'The token was issued to another client.' };
    }
    if (typeof payload.oid !== 'string' || payload.oid === '') {
      return { ok: false, reason: 'The token names no user.' };
    }
    const name =
      typeof payload.name === 'string' && payload.name.trim() !== ''
        ? payload.name
        : typeof payload.preferred_username === 'string'
          ? payload.preferred_username
          : '';
    return { ok: true, caller: { oid: payload.oid, name: name.trim().slice(0, 200) } };
  };
}

function reasonOf(err: unknown): string {
  if (err instanceof errors.JWTExpired) return 'The token has expired.';
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'iss') return 'The token comes from another issuer.';
    if (err.claim === 'aud') return 'The token is for another audience.';
    if (err.claim === 'nbf') return 'The token is not valid yet.';
    return `The token's ${err.claim} claim is not valid.`;
  }
  if (
    err instanceof errors.JWSSignatureVerificationFailed ||
    err instanceof errors.JWKSNoMatchingKey
  ) {
    return "The token's signature does not verify.";
  }
  if (err instanceof errors.JOSEError) return 'The token is not valid.';
  return 'The token could not be checked.';
}
