import { SignJWT, createLocalJWKSet, importJWK, jwtVerify, type JWTPayload } from 'jose';
import type { TenantState } from '../store/state';
import { GRAPH_AUDIENCE, RAPPORT_CLIENT_ID, TENANT_ID } from '../seed/directory';

export const TOKEN_LIFETIME_SECONDS = 3600;

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

  private async sign(claims: JWTPayload, audience: string): Promise<string> {
    const key = await importJWK(this.keys.privateJwk, 'RS256');
    const iat = Math.floor(this.nowMs() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: this.keys.kid, typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(audience)
      .setIssuedAt(iat)
      .setNotBefore(iat - 60)
      .setExpirationTime(iat + TOKEN_LIFETIME_SECONDS)
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
