import { createHash } from 'node:crypto';
import { SignJWT, createLocalJWKSet, importJWK, jwtVerify, type JWTPayload } from 'jose';
import type { TenantState } from '../store/state';
import { GRAPH_AUDIENCE, RAPPORT_CLIENT_ID, TENANT_ID } from '../seed/directory';

export const TOKEN_LIFETIME_SECONDS = 3600;
/** Entra gives single-page apps refresh tokens with a fixed 24-hour lifetime that redeeming never extends. */
export const SPA_REFRESH_LIFETIME_SECONDS = 24 * 3600;
/**
 * Refresh tokens are signed like access tokens (so they survive a restart without storage) but
 * carry an audience no API accepts, so one can never be spent as an access token.
 */
export const REFRESH_TOKEN_AUDIENCE = 'urn:rapport-local:refresh-token';

export interface DelegatedClaims {
  oid: string;
  name: string;
  upn: string;
  scopes: readonly string[];
  audience: string;
  clientId?: string;
}

export interface AppClaims {
  appId: string;
  roles: readonly string[];
  audience: string;
}

export interface IdTokenClaims {
  oid: string;
  name: string;
  upn: string;
  clientId: string;
  nonce?: string;
}

export interface RefreshGrant {
  oid: string;
  clientId: string;
  /** When the sign-in session ends (epoch seconds); redeeming the token never moves it. */
  sessionExpiresAt: number;
}

/** Signs tokens as Entra would: per person and per audience, `scp` for delegated, `roles` for apps. */
export class TokenIssuer {
  constructor(
    private readonly keys: TenantState['keys'],
    readonly issuer: string,
    private readonly nowMs: () => number,
  ) {}

  async delegated(c: DelegatedClaims): Promise<string> {
    return this.sign(
      {
        scp: c.scopes.join(' '),
        tid: TENANT_ID,
        oid: c.oid,
        sub: c.oid,
        azp: c.clientId ?? RAPPORT_CLIENT_ID,
        name: c.name,
        preferred_username: c.upn,
        upn: c.upn,
        ver: '2.0',
      },
      c.audience,
    );
  }

  async app(c: AppClaims): Promise<string> {
    return this.sign(
      {
        roles: [...c.roles],
        tid: TENANT_ID,
        oid: c.appId,
        sub: c.appId,
        azp: c.appId,
        idtyp: 'app',
        ver: '2.0',
      },
      c.audience,
    );
  }

  /** The OpenID Connect id token: for the client itself (`aud` = client id), never for an API. */
  async idToken(c: IdTokenClaims): Promise<string> {
    return this.sign(
      {
        tid: TENANT_ID,
        oid: c.oid,
        // Entra's `sub` is pairwise (per person and app), which keeps apps keying people by `oid`.
        sub: pairwiseSubject(c.oid, c.clientId),
        name: c.name,
        preferred_username: c.upn,
        ver: '2.0',
        ...(c.nonce === undefined ? {} : { nonce: c.nonce }),
      },
      c.clientId,
    );
  }

  async refreshToken(grant: RefreshGrant): Promise<string> {
    const iat = Math.floor(this.nowMs() / 1000);
    return this.sign(
      { oid: grant.oid, azp: grant.clientId, tid: TENANT_ID, typ: 'refresh' },
      REFRESH_TOKEN_AUDIENCE,
      grant.sessionExpiresAt - iat,
    );
  }

  /** Reads a refresh token back; throws with a readable reason when it is not one of ours or expired. */
  async verifyRefreshToken(token: string): Promise<RefreshGrant> {
    const payload = await this.verify(token, REFRESH_TOKEN_AUDIENCE);
    if (
      payload.typ !== 'refresh' ||
      typeof payload.oid !== 'string' ||
      typeof payload.azp !== 'string' ||
      typeof payload.exp !== 'number'
    ) {
      throw new Error('not a refresh token');
    }
    return { oid: payload.oid, clientId: payload.azp, sessionExpiresAt: payload.exp };
  }

  private async sign(
    claims: JWTPayload,
    audience: string,
    lifetimeSeconds: number = TOKEN_LIFETIME_SECONDS,
  ): Promise<string> {
    const key = await importJWK(this.keys.privateJwk, 'RS256');
    const iat = Math.floor(this.nowMs() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: this.keys.kid, typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(audience)
      .setIssuedAt(iat)
      .setNotBefore(iat - 60)
      .setExpirationTime(iat + lifetimeSeconds)
      .sign(key);
  }

  /** Verifies a token for the given audience; throws with a readable reason otherwise. */
  async verify(token: string, audience: string = GRAPH_AUDIENCE): Promise<JWTPayload> {
    const jwks = createLocalJWKSet({ keys: [this.keys.publicJwk] });
    const { payload } = await jwtVerify(token, jwks, {
      issuer: this.issuer,
      audience,
      currentDate: new Date(this.nowMs()),
    });
    return payload;
  }
}

const pairwiseSubject = (oid: string, clientId: string): string =>
  createHash('sha256').update(`${oid}:${clientId}`).digest('base64url').slice(0, 43);
