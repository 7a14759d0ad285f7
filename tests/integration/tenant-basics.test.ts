import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type TestTenant } from '../support/local-tenant';
import { PEOPLE, TENANT_ID, upnOf } from '../../src/local/tenant/seed/directory';

const ana = 'ana@rapportdemo.onmicrosoft.com';
let t: TestTenant;

beforeAll(async () => {
  t = await startTestTenant();
});
afterAll(async () => {
  await t.stop();
});

describe('identity', () => {
  it('serves OIDC discovery and the signing keys', async () => {
    const discovery = (await (
      await fetch(`${t.url}/${TENANT_ID}/v2.0/.well-known/openid-configuration`)
    ).json()) as Record<string, string>;
    expect(discovery.issuer).toBe(t.issuer);
    const jwks = (await (await fetch(discovery.jwks_uri ?? '')).json()) as {
      keys: { kid: string; kty: string; d?: string }[];
    };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]?.kty).toBe('RSA');
    expect(jwks.keys[0]?.d).toBeUndefined();
  });

  it('answers 401 without a token, with a bad one, or one for another audience', async () => {
    const none = await fetch(`${t.url}/v1.0/me`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe(
      'InvalidAuthenticationToken',
    );

    const forged = await fetch(`${t.url}/v1.0/me`, {
      headers: { Authorization: 'Bearer abc.def.ghi' },
    });
    expect(forged.status).toBe(401);

    const relayToken = await t.token(ana, undefined, 'relay');
    const wrongAudience = await fetch(`${t.url}/v1.0/me`, {
      headers: { Authorization: `Bearer ${relayToken}` },
    });
    expect(wrongAudience.status).toBe(401);
  });

  it('answers 401 once a token has expired', async () => {
    const token = await t.token(ana, ['User.Read']);
    await fetch(`${t.url}/_local/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: 2 * 3600_000 }),
    });
    try {
      const res = await fetch(`${t.url}/v1.0/me`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
        /expired/,
      );
    } finally {
      await fetch(`${t.url}/_local/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ advanceMs: -2 * 3600_000 }),
      });
    }
  });

  it('answers 403 when the token lacks the scope the route needs', async () => {
    const token = await t.token(ana, ['User.Read']);
    const res = await fetch(
      `${t.url}/v1.0/me/calendarView?startDateTime=2026-03-09T00:00:00Z&endDateTime=2026-03-10T00:00:00Z`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('Forbidden');
    expect(body.error.message).toContain('Calendars.Read');
  });

  it('issues app-only tokens to the relay with its secret, and refuses a wrong one', async () => {
    const { RELAY_APP_ID, RELAY_LOCAL_SECRET } =
      await import('../../src/local/tenant/seed/directory');
    const form = (secret: string) =>
      new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: RELAY_APP_ID,
        client_secret: secret,
        scope: 'https://graph.microsoft.com/.default',
      });
    const ok = await fetch(`${t.url}/${TENANT_ID}/oauth2/v2.0/token`, {
      method: 'POST',
      body: form(RELAY_LOCAL_SECRET),
    });
    expect(ok.status).toBe(200);
    const token = ((await ok.json()) as { access_token: string }).access_token;
    const claims = JSON.parse(
      Buffer.from(token.split('.')[1] ?? '', 'base64url').toString(),
    ) as Record<string, unknown>;
    expect(claims.roles).toEqual(['Sites.Selected']);
    expect(claims.tid).toBe(TENANT_ID);
    const bad = await fetch(`${t.url}/${TENANT_ID}/oauth2/v2.0/token`, {
      method: 'POST',
      body: form('wrong'),
    });
    expect(bad.status).toBe(401);
  });
});

describe('directory', () => {
  it('returns the signed-in person from /me and others by id or mail', async () => {
    const me = await t.graph(ana, 'GET', '/me');
    expect(me.status).toBe(200);
    expect(me.body.userPrincipalName).toBe(ana);
    const ben = PEOPLE[1];
    if (!ben) throw new Error('seed changed');
    const byId = await t.graph(ana, 'GET', `/users/${ben.id}`);
    const byMail = await t.graph(
      ana,
      'GET',
      `/users/${encodeURIComponent(upnOf(ben).toUpperCase())}?$select=displayName`,
    );
    expect(byId.body.displayName).toBe('Ben Okafor');
    expect(byMail.body).toEqual(expect.objectContaining({ id: ben.id, displayName: 'Ben Okafor' }));
    expect(byMail.body.jobTitle).toBeUndefined();
    const missing = await t.graph(ana, 'GET', '/users/nobody@rapportdemo.onmicrosoft.com');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('Request_ResourceNotFound');
  });

  it('keeps Windows zone names in mailbox settings, as real tenants do', async () => {
    const settings = await t.graph(ana, 'GET', '/me/mailboxSettings');
    expect(settings.body.timeZone).toBe('Pacific Standard Time');
    expect(settings.body.workingHours.timeZone.name).toBe('Pacific Standard Time');
    const divya = await t.graph(
      'divya@rapportdemo.onmicrosoft.com',
      'GET',
      '/me/mailboxSettings/timeZone',
    );
    expect(divya.body.value).toBe('Asia/Kolkata');
  });

  it('lists the team through its group, paged', async () => {
    const { TEAM } = await import('../../src/local/tenant/seed/directory');
    const first = await t.graph(
      ana,
      'GET',
      `/groups/${TEAM.groupId}/members?$top=5&$select=displayName,mail`,
    );
    expect(first.body.value).toHaveLength(5);
    expect(first.body['@odata.nextLink']).toContain('$skip=5');
    const next = await fetch(first.body['@odata.nextLink'] as string, {
      headers: { Authorization: `Bearer ${await t.token(ana)}` },
    });
    const rest = (await next.json()) as { value: unknown[] };
    expect(rest.value.length).toBeGreaterThan(0);
  });
});

describe('bad input', () => {
  it('answers unknown segments and malformed JSON in Graph’s error shape', async () => {
    const unknown = await t.graph(ana, 'GET', '/me/nonsense');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('BadRequest');
    const res = await fetch(`${t.url}/v1.0/me/events`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await t.token(ana)}`,
        'Content-Type': 'application/json',
      },
      body: '{"subject": ',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { code: string; message: string; innerError: Record<string, string> };
    };
    expect(body.error.message).toMatch(/JSON/);
    expect(body.error.innerError['request-id']).toBeTruthy();
  });

  it('refuses oversized bodies', async () => {
    const res = await fetch(`${t.url}/v1.0/me/events`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await t.token(ana)}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ subject: 'x'.repeat(5 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
  });

  it('stays up under a bounded flood of bad requests', async () => {
    const token = await t.token(ana);
    const bad = [
      () =>
        fetch(`${t.url}/v1.0/me/events`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: '{',
        }),
      () =>
        fetch(`${t.url}/v1.0/me/calendarView`, { headers: { Authorization: `Bearer ${token}` } }),
      () =>
        fetch(`${t.url}/v1.0/$batch`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: '{"requests":"no"}',
        }),
      () =>
        fetch(`${t.url}/v1.0/users/%E0%A4%A`, { headers: { Authorization: `Bearer ${token}` } }),
      () => fetch(`${t.url}/v1.0/me`, { headers: { Authorization: 'Bearer' } }),
    ];
    const statuses = await Promise.all(
      Array.from({ length: 300 }, (_, i) => bad[i % bad.length]!().then((r) => r.status)),
    );
    expect(statuses.every((s) => s >= 400 && s < 500)).toBe(true);
    const me = await t.graph(ana, 'GET', '/me');
    expect(me.status).toBe(200);
  });

  it('answers CORS preflight and exposes the headers clients need', async () => {
    const res = await fetch(`${t.url}/v1.0/me/events`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'authorization,if-match',
      },
    });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
    const get = await fetch(`${t.url}/v1.0/me`, {
      headers: { Origin: 'http://localhost:5173', Authorization: `Bearer ${await t.token(ana)}` },
    });
    const exposed = get.headers.get('access-control-expose-headers') ?? '';
    for (const h of ['Retry-After', 'ETag', 'Location']) expect(exposed).toContain(h);
  });
});
