import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type TestTenant } from '../support/local-tenant';
import {
  GRAPH_AUDIENCE,
  PEOPLE,
  RAPPORT_CLIENT_ID,
  RELAY_API_AUDIENCE,
  RELAY_SCOPE,
  TENANT_ID,
} from '../../src/local/tenant/seed/directory';

const APP = 'http://localhost:5173';
const REDIRECT = `${APP}/auth.html`;
const GRAPH_READ = 'https://graph.microsoft.com/User.Read';
const RELAY = `${RELAY_API_AUDIENCE}/${RELAY_SCOPE}`;
const ana = PEOPLE[0]!;

let t: TestTenant;

beforeAll(async () => {
  t = await startTestTenant({ httpsPort: 0 });
});
afterAll(async () => {
  await t.stop();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => any;
}

/** HTTPS that trusts exactly the tenant's own certificate, so the test checks real TLS. */
function secure(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      `${t.httpsUrl!}${path}`,
      { method: init.method ?? 'GET', headers: init.headers, ca: t.tls!.cert },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: () => JSON.parse(text),
          });
        });
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

const pkce = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

const authorizePath = `/${TENANT_ID}/oauth2/v2.0/authorize`;
const tokenPath = `/${TENANT_ID}/oauth2/v2.0/token`;

function authorizeParams(over: Record<string, string | undefined> = {}): URLSearchParams {
  const p: Record<string, string | undefined> = {
    client_id: RAPPORT_CLIENT_ID,
    response_type: 'code',
    redirect_uri: REDIRECT,
    scope: `${GRAPH_READ} openid profile offline_access`,
    state: 'state-123',
    nonce: 'nonce-456',
    response_mode: 'fragment',
    code_challenge_method: 'S256',
    ...over,
  };
  return new URLSearchParams(
    Object.entries(p).filter((e): e is [string, string] => e[1] !== undefined),
  );
}

/** The parameters the tenant sent back to the app, from the query or the fragment. */
function returned(reply: Reply): URLSearchParams {
  const location = String(reply.headers.location ?? '');
  expect(location.startsWith(REDIRECT)).toBe(true);
  const url = new URL(location);
  return new URLSearchParams(url.hash ? url.hash.slice(1) : url.search);
}

/** Signs Ana in with a login hint (no page) and returns the code and its verifier. */
async function codeFor(
  over: Record<string, string | undefined> = {},
): Promise<{ code: string; verifier: string }> {
  const { verifier, challenge } = pkce();
  const reply = await secure(
    `${authorizePath}?${authorizeParams({ code_challenge: challenge, login_hint: 'ana@rapportdemo.onmicrosoft.com', ...over }).toString()}`,
  );
  expect(reply.status).toBe(302);
  const code = returned(reply).get('code');
  if (!code) throw new Error(`no code: ${String(reply.headers.location)}`);
  return { code, verifier };
}

function redeem(form: Record<string, string>): Promise<Reply> {
  return secure(tokenPath, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8', Origin: APP },
    body: new URLSearchParams(form).toString(),
  });
}

const codeForm = (
  code: string,
  verifier: string,
  scope = `${GRAPH_READ} openid profile offline_access`,
) => ({
  client_id: RAPPORT_CLIENT_ID,
  grant_type: 'authorization_code',
  code,
  code_verifier: verifier,
  redirect_uri: REDIRECT,
  scope,
  client_info: '1',
});

async function keys() {
  const jwks = (await (
    await fetch(`${t.url}/${TENANT_ID}/discovery/v2.0/keys`)
  ).json()) as Parameters<typeof createLocalJWKSet>[0];
  return createLocalJWKSet(jwks);
}

describe('discovery over HTTPS', () => {
  it('advertises HTTPS endpoints and one pinned issuer, whichever listener answers', async () => {
    const overTls = (await secure(`/${TENANT_ID}/v2.0/.well-known/openid-configuration`)).json();
    expect(t.httpsUrl).toMatch(/^https:\/\/localhost:\d+$/);
    expect(t.authority).toBe(`${t.httpsUrl!}/${TENANT_ID}`);
    expect(overTls.issuer).toBe(`${t.httpsUrl!}/${TENANT_ID}/v2.0`);
    expect(overTls.issuer).toBe(t.issuer);
    for (const key of [
      'authorization_endpoint',
      'token_endpoint',
      'jwks_uri',
      'end_session_endpoint',
    ]) {
      expect(overTls[key]).toMatch(new RegExp(`^${t.httpsUrl!}/${TENANT_ID}/`));
    }
    const overHttp = (await (
      await fetch(`${t.url}/${TENANT_ID}/v2.0/.well-known/openid-configuration`)
    ).json()) as Record<string, string>;
    expect(overHttp.issuer).toBe(t.issuer);
    expect(overHttp.token_endpoint).toBe(`${t.url}${tokenPath}`);
  });
});

describe('the HTTPS front page', () => {
  it('tells a person who accepted the certificate that sign-in works now', async () => {
    const page = await secure('/');
    expect(page.status).toBe(200);
    expect(page.text).toContain("This browser accepts the local tenant's certificate now");
    expect(page.text).toContain(t.authority);
    const plain = await (await fetch(`${t.url}/`)).text();
    expect(plain).not.toContain('accepts the local tenant');
  });
});

describe('authorization code with PKCE', () => {
  it('signs a person in through the page and redeems the code for Graph tokens', async () => {
    const { verifier, challenge } = pkce();
    const page = await secure(
      `${authorizePath}?${authorizeParams({ code_challenge: challenge }).toString()}`,
    );
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('Sign in to the Rapport demo tenant');
    expect(page.text.match(/<button /g)).toHaveLength(PEOPLE.length);
    expect(String(page.headers['content-security-policy'])).toContain(`form-action 'self' ${APP}`);

    // Submit the form as the browser would: every hidden field plus the chosen person.
    const hidden = new URLSearchParams();
    for (const m of page.text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
      hidden.append(
        m[1]!,
        m[2]!.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))),
      );
    }
    hidden.append('login_hint', 'ana@rapportdemo.onmicrosoft.com');
    const chosen = await secure(authorizePath, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: hidden.toString(),
    });
    expect(chosen.status).toBe(302);
    expect(String(chosen.headers.location)).toContain('#code=');
    const back = returned(chosen);
    expect(back.get('state')).toBe('state-123');
    expect(JSON.parse(Buffer.from(back.get('client_info')!, 'base64url').toString())).toEqual({
      uid: ana.id,
      utid: TENANT_ID,
    });

    const res = await redeem(codeForm(back.get('code')!, verifier));
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(Object.keys(body)).toEqual([
      'token_type',
      'scope',
      'expires_in',
      'ext_expires_in',
      'access_token',
      'refresh_token',
      'id_token',
      'client_info',
    ]);
    expect(body.token_type).toBe('Bearer');
    expect(body.scope).toBe(`${GRAPH_READ} openid profile`);
    expect(body.expires_in).toBe(3600);

    const jwks = await keys();
    const at = await jwtVerify(body.access_token, jwks, {
      issuer: t.issuer,
      audience: GRAPH_AUDIENCE,
      currentDate: new Date('2026-03-11T15:00:00Z'),
    });
    expect(at.payload.scp).toBe('User.Read');
    expect(at.payload.oid).toBe(ana.id);
    expect(at.payload.azp).toBe(RAPPORT_CLIENT_ID);
    const id = await jwtVerify(body.id_token, jwks, {
      issuer: t.issuer,
      audience: RAPPORT_CLIENT_ID,
      currentDate: new Date('2026-03-11T15:00:00Z'),
    });
    expect(id.protectedHeader.alg).toBe('RS256');
    expect(id.payload).toMatchObject({
      nonce: 'nonce-456',
      oid: ana.id,
      tid: TENANT_ID,
      preferred_username: 'ana@rapportdemo.onmicrosoft.com',
      name: 'Ana Ruiz',
    });
    expect(typeof id.payload.sub).toBe('string');
    expect(id.payload.sub).not.toBe(ana.id);

    const me = await fetch(`${t.url}/v1.0/me`, {
      headers: { Authorization: `Bearer ${body.access_token as string}` },
    });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { displayName: string }).displayName).toBe('Ana Ruiz');
  });

  it('signs in straight away with a login hint, and shows the page when asked to choose', async () => {
    const { challenge } = pkce();
    const direct = await secure(
      `${authorizePath}?${authorizeParams({ code_challenge: challenge, response_mode: 'query', login_hint: 'ANA@rapportdemo.onmicrosoft.com' }).toString()}`,
    );
    expect(direct.status).toBe(302);
    const back = new URL(String(direct.headers.location)).searchParams;
    expect(back.get('code')).toBeTruthy();
    expect(back.get('state')).toBe('state-123');

    const choose = await secure(
      `${authorizePath}?${authorizeParams({ code_challenge: challenge, prompt: 'select_account', login_hint: 'ana@rapportdemo.onmicrosoft.com' }).toString()}`,
    );
    expect(choose.status).toBe(200);
    expect(choose.text).not.toContain('name="prompt"');

    const unknown = await secure(
      `${authorizePath}?${authorizeParams({ code_challenge: challenge, login_hint: 'zoe@example.com' }).toString()}`,
    );
    expect(unknown.status).toBe(200);
    expect(unknown.text).toContain('zoe@example.com');
  });

  it('refuses a wrong verifier, and the code is spent afterwards', async () => {
    const { code } = await codeFor();
    const wrong = await redeem(codeForm(code, pkce().verifier));
    expect(wrong.status).toBe(400);
    expect(wrong.json().error).toBe('invalid_grant');
    expect(wrong.json().error_codes).toEqual([501481]);
    const missing = await codeFor();
    const none = await redeem({ ...codeForm(missing.code, ''), code_verifier: '' });
    expect(none.json().error).toBe('invalid_grant');
  });

  it('redeems a code once only', async () => {
    const { code, verifier } = await codeFor();
    expect((await redeem(codeForm(code, verifier))).status).toBe(200);
    const again = await redeem(codeForm(code, verifier));
    expect(again.status).toBe(400);
    expect(again.json().error).toBe('invalid_grant');
    expect(again.json().error_description).toContain('AADSTS54005');
  });

  it('holds the code to its redirect URI and refuses a client secret from a public client', async () => {
    const first = await codeFor();
    const elsewhere = await redeem({
      ...codeForm(first.code, first.verifier),
      redirect_uri: 'http://localhost:5173/other',
    });
    expect(elsewhere.json().error).toBe('invalid_grant');
    const second = await codeFor();
    const secret = await redeem({ ...codeForm(second.code, second.verifier), client_secret: 'x' });
    expect(secret.json().error_description).toContain('AADSTS700025');
  });

  it('issues a relay-audience token for the relay scope, which Graph refuses', async () => {
    const { code, verifier } = await codeFor({ scope: `${RELAY} openid profile offline_access` });
    const body = (
      await redeem(codeForm(code, verifier, `${RELAY} openid profile offline_access`))
    ).json();
    const claims = decodeJwt(body.access_token);
    expect(claims.aud).toBe(RELAY_API_AUDIENCE);
    expect(claims.scp).toBe(RELAY_SCOPE);
    expect(claims.iss).toBe(t.issuer);
    expect(body.scope).toBe(`${RELAY} openid profile`);
    const graph = await fetch(`${t.url}/v1.0/me`, {
      headers: { Authorization: `Bearer ${body.access_token as string}` },
    });
    expect(graph.status).toBe(401);
  });

  it('refuses scopes for two resources in one request, at authorize and at the token endpoint', async () => {
    const { challenge } = pkce();
    const mixed = `${GRAPH_READ} ${RELAY} openid`;
    const reply = await secure(
      `${authorizePath}?${authorizeParams({ code_challenge: challenge, scope: mixed, login_hint: 'ana@rapportdemo.onmicrosoft.com' }).toString()}`,
    );
    expect(reply.status).toBe(302);
    const back = returned(reply);
    expect(back.get('error')).toBe('invalid_scope');
    expect(back.get('error_description')).toContain('AADSTS28000');
    expect(back.get('state')).toBe('state-123');
    expect(back.get('code')).toBeNull();

    const { code, verifier } = await codeFor();
    const res = await redeem(codeForm(code, verifier, mixed));
    expect(res.status).toBe(400);
    expect(res.json().error).toBe('invalid_scope');
  });

  it('shows an error page, not a redirect, for a foreign redirect URI or client', async () => {
    const { challenge } = pkce();
    for (const over of [
      { redirect_uri: 'https://evil.example/callback' },
      { redirect_uri: 'http://localhost:5173/cb#frag' },
      { client_id: '00000000-0000-0000-0000-000000000000' },
    ]) {
      const reply = await secure(
        `${authorizePath}?${authorizeParams({ code_challenge: challenge, login_hint: 'ana@rapportdemo.onmicrosoft.com', ...over }).toString()}`,
      );
      expect(reply.status).toBe(400);
      expect(reply.headers.location).toBeUndefined();
      expect(reply.text).toContain('Sign-in failed');
    }
    const broker = await secure(
      `${authorizePath}?${authorizeParams({ code_challenge: challenge, redirect_uri: 'brk-multihub://localhost:5173', login_hint: 'ana@rapportdemo.onmicrosoft.com' }).toString()}`,
    );
    expect(broker.status).toBe(302);
    expect(String(broker.headers.location)).toMatch(/^brk-multihub:\/\/localhost:5173#code=/);
  });

  it('answers other mistakes with an OAuth error on the redirect', async () => {
    const noPkce = await secure(
      `${authorizePath}?${authorizeParams({ login_hint: 'ana@rapportdemo.onmicrosoft.com' }).toString()}`,
    );
    expect(returned(noPkce).get('error')).toBe('invalid_request');
    const { challenge } = pkce();
    const silent = await secure(
      `${authorizePath}?${authorizeParams({ code_challenge: challenge, prompt: 'none' }).toString()}`,
    );
    expect(returned(silent).get('error')).toBe('login_required');
    const implicit = await secure(
      `${authorizePath}?${authorizeParams({ code_challenge: challenge, response_type: 'token' }).toString()}`,
    );
    expect(returned(implicit).get('error')).toBe('unsupported_response_type');
    const unconsented = await secure(
      `${authorizePath}?${authorizeParams({ code_challenge: challenge, scope: 'Mail.Read openid' }).toString()}`,
    );
    expect(returned(unconsented).get('error')).toBe('invalid_scope');
  });

  it('lets the single-page app redeem tokens cross-origin without a preflight surprise', async () => {
    const preflight = await secure(tokenPath, {
      method: 'OPTIONS',
      headers: {
        Origin: APP,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(String(preflight.headers['access-control-allow-headers']).toLowerCase()).toContain(
      'content-type',
    );
  });
});

describe('refresh tokens and the clock', () => {
  it('refreshes for Graph and for the relay with one refresh token', async () => {
    const { code, verifier } = await codeFor();
    const first = (await redeem(codeForm(code, verifier))).json();
    const graph = await redeem({
      client_id: RAPPORT_CLIENT_ID,
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
      scope: `https://graph.microsoft.com/Calendars.ReadWrite ${GRAPH_READ} openid profile offline_access`,
      client_info: '1',
    });
    expect(graph.status).toBe(200);
    const g = graph.json();
    expect(decodeJwt(g.access_token).scp).toBe('Calendars.ReadWrite User.Read');
    expect(g.refresh_token).toBeTruthy();
    expect(decodeJwt(g.id_token).nonce).toBeUndefined();

    const relay = (
      await redeem({
        client_id: RAPPORT_CLIENT_ID,
        grant_type: 'refresh_token',
        refresh_token: g.refresh_token,
        scope: `${RELAY} openid profile offline_access`,
      })
    ).json();
    expect(decodeJwt(relay.access_token).aud).toBe(RELAY_API_AUDIENCE);

    const forged = await redeem({
      client_id: RAPPORT_CLIENT_ID,
      grant_type: 'refresh_token',
      refresh_token: first.access_token,
      scope: GRAPH_READ,
    });
    expect(forged.json().error).toBe('invalid_grant');
  });

  it('expires codes after 10 minutes and refresh tokens after 24 hours, by the tenant clock', async () => {
    const { code, verifier } = await codeFor();
    const fresh = await codeFor();
    const session = (await redeem(codeForm(fresh.code, fresh.verifier))).json();

    const advance = (ms: number) =>
      fetch(`${t.url}/_local/clock`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ advanceMs: ms }),
      });
    await advance(10 * 60 * 1000 + 1000);
    const late = await redeem(codeForm(code, verifier));
    expect(late.status).toBe(400);
    expect(late.json().error).toBe('invalid_grant');
    expect(late.json().error_description).toContain('AADSTS70008');

    // Refreshing inside the day works and does not extend the session.
    const renewed = (
      await redeem({
        client_id: RAPPORT_CLIENT_ID,
        grant_type: 'refresh_token',
        refresh_token: session.refresh_token,
        scope: `${GRAPH_READ} offline_access`,
      })
    ).json();
    expect(decodeJwt(renewed.refresh_token).exp).toBe(decodeJwt(session.refresh_token).exp);

    await advance(24 * 3600 * 1000);
    const expired = await redeem({
      client_id: RAPPORT_CLIENT_ID,
      grant_type: 'refresh_token',
      refresh_token: renewed.refresh_token,
      scope: GRAPH_READ,
    });
    expect(expired.json().error).toBe('invalid_grant');
    expect(expired.json().error_description).toContain('AADSTS700084');
  });
});

describe('restarting the tenant', () => {
  it('keeps the certificate beside the data file, and the issuer and tokens, on the same ports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-oauth-restart-'));
    const dataFile = join(dir, 'tenant.json');
    const port = 40_000 + Math.floor(Math.random() * 10_000);
    const httpsPort = 50_000 + Math.floor(Math.random() * 10_000);
    try {
      const first = await startTestTenant({ dataFile, port, httpsPort });
      expect(first.tls?.certFile).toBe(join(dir, 'localhost-cert.pem'));
      expect(existsSync(join(dir, 'localhost-key.pem'))).toBe(true);
      const token = await first.token('ana@rapportdemo.onmicrosoft.com');
      expect(decodeJwt(token).iss).toBe(`https://localhost:${String(httpsPort)}/${TENANT_ID}/v2.0`);
      await first.stop();

      const second = await startTestTenant({ dataFile, port, httpsPort });
      try {
        expect(second.issuer).toBe(first.issuer);
        expect(second.tls?.fingerprint).toBe(first.tls?.fingerprint);
        const me = await fetch(`${second.url}/v1.0/me`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        expect(me.status).toBe(200);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
