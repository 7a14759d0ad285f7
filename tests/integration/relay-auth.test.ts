import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWTPayload } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  RAPPORT_CLIENT_ID,
  RELAY_API_AUDIENCE,
  TENANT_ID,
} from '../../src/local/tenant/seed/directory';
import { TEST_NOW } from '../support/local-tenant';
import { personId } from '../support/relay-polls';
import { useTestRelay } from '../support/use-test-relay';

const t = useTestRelay();
const now = Math.floor(Date.parse(TEST_NOW) / 1000);

const claims = (overrides: JWTPayload = {}): JWTPayload => ({
  scp: 'Relay.Access',
  tid: TENANT_ID,
  oid: personId(1),
  azp: RAPPORT_CLIENT_ID,
  iss: t.tenant.issuer,
  aud: RELAY_API_AUDIENCE,
  iat: now,
  nbf: now - 60,
  exp: now + 3600,
  ...overrides,
});

/** Signs with the tenant's own key, so only the claim under test is wrong. */
async function tenantSigned(overrides: JWTPayload): Promise<string> {
  const keys = t.tenant.tenant.store.state.keys;
  const key = await importJWK(keys.privateJwk, 'RS256');
  return new SignJWT(claims(overrides))
    .setProtectedHeader({ alg: 'RS256', kid: keys.kid })
    .sign(key);
}

describe('relay tokens', () => {
  it('accepts a person’s relay token from the tenant', async () => {
    const res = await t.call(personId(1), 'POST', '/api/polls/query', { meetingKeys: ['none'] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ polls: [] });
  });

  it('accepts a token the test signs with the tenant’s key and right claims (the control case)', async () => {
    const res = await t.call({ token: await tenantSigned({}) }, 'POST', '/api/polls/query', {
      meetingKeys: ['x'],
    });
    expect(res.status).toBe(200);
  });

  const cases: [string, () => Promise<string>, RegExp][] = [
    [
      'forged signature',
      async () => {
        const { privateKey } = await generateKeyPair('RS256');
        const kid = t.tenant.tenant.store.state.keys.kid;
        return new SignJWT(claims()).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey);
      },
      /signature/,
    ],
    ['wrong issuer', () => tenantSigned({ iss: 'https://login.example.com/other/v2.0' }), /issuer/],
    ['wrong audience', () => tenantSigned({ aud: 'https://graph.microsoft.com' }), /audience/],
    ['wrong tenant', () => tenantSigned({ tid: '00000000-0000-4000-8000-000000000000' }), /tenant/],
    ['wrong azp', () => tenantSigned({ azp: '11111111-1111-4111-8111-111111111111' }), /client/],
    ['expired', () => tenantSigned({ iat: now - 7200, nbf: now - 7200, exp: now - 60 }), /expired/],
    ['missing scope', () => tenantSigned({ scp: 'User.Read' }), /scope/],
    ['a Graph token', () => t.tenant.token(personId(1)), /audience/],
  ];

  it.each(cases)('refuses a token with a %s (401 with the reason)', async (_name, make, reason) => {
    const res = await t.call({ token: await make() }, 'POST', '/api/polls/query', {
      meetingKeys: ['x'],
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
    expect(res.body.error.message).toMatch(reason);
  });

  it('refuses a request without a token', async () => {
    const res = await fetch(`${t.relay.url}/api/polls/query`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(401);
  });

  it('refuses a key the JWKS does not hold, even with the right kid shape', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const jwk = await exportJWK(publicKey);
    const res = await t.call(
      {
        token: await new SignJWT(claims())
          .setProtectedHeader({ alg: 'RS256', jwk: { ...jwk, kty: 'RSA' } })
          .sign(privateKey),
      },
      'POST',
      '/api/polls/query',
      { meetingKeys: ['x'] },
    );
    expect(res.status).toBe(401);
  });

  it('answers CORS preflights for configured origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${t.relay.url}/api/polls`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization,content-type',
        },
      });
    // useTestRelay allows no browser origin; the stack and npm start allow the app's.
    const res = await preflight('http://evil.example');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('relay answers', () => {
  it.each([
    ['an answer', personId(1), 'POST', '/api/polls/query', { meetingKeys: ['none'] }, 200],
    ['a refusal', { token: 'not-a-token' }, 'POST', '/api/polls/query', { meetingKeys: [] }, 401],
    ['an unknown route', personId(1), 'GET', '/api/nothing-here', undefined, 404],
  ] as const)('carry security headers on %s', async (_, user, method, path, body, status) => {
    const res = await t.call(user, method, path, body);
    expect(res.status).toBe(status);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});
