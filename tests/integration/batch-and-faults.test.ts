import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type TestTenant } from '../support/local-tenant';

const ana = 'ana@rapportdemo.onmicrosoft.com';
let t: TestTenant;

beforeAll(async () => {
  t = await startTestTenant();
});
afterAll(async () => {
  await t.stop();
});
afterEach(async () => {
  await t.clearFaults();
});

const event = (subject: string, transactionId?: string) => ({
  subject,
  start: { dateTime: '2026-03-13T09:00:00', timeZone: 'UTC' },
  end: { dateTime: '2026-03-13T09:30:00', timeZone: 'UTC' },
  ...(transactionId ? { transactionId } : {}),
});

describe('$batch', () => {
  it('runs up to 20 requests and answers each by id', async () => {
    const res = await t.graph(ana, 'POST', '/$batch', {
      requests: [
        { id: '1', method: 'GET', url: '/me' },
        { id: '2', method: 'GET', url: 'me/mailboxSettings' },
        { id: '3', method: 'GET', url: '/users/nobody@example.com' },
      ],
    });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(
      (res.body.responses as { id: string; status: number; body: any }[]).map((r) => [r.id, r]),
    );
    expect(byId['1']?.body.userPrincipalName).toBe(ana);
    expect(byId['2']?.status).toBe(200);
    expect(byId['3']?.status).toBe(404);
  });

  it('orders by dependsOn and answers 424 when a dependency failed', async () => {
    const res = await t.graph(ana, 'POST', '/$batch', {
      requests: [
        {
          id: 'a',
          method: 'POST',
          url: '/me/events',
          headers: { 'Content-Type': 'application/json' },
          body: { subject: 'no times' },
        },
        { id: 'b', method: 'GET', url: '/me', dependsOn: ['a'] },
        {
          id: 'c',
          method: 'POST',
          url: '/me/events',
          headers: { 'Content-Type': 'application/json' },
          body: event('batched create'),
        },
        { id: 'd', method: 'GET', url: '/me/events?$top=1', dependsOn: ['c'] },
      ],
    });
    const byId = Object.fromEntries(
      (res.body.responses as { id: string; status: number }[]).map((r) => [r.id, r.status]),
    );
    expect(byId).toEqual({ a: 400, b: 424, c: 201, d: 200 });
  });

  it('refuses more than 20 requests, duplicate ids, cycles and bodies without Content-Type', async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({
      id: String(i),
      method: 'GET',
      url: '/me',
    }));
    expect((await t.graph(ana, 'POST', '/$batch', { requests: many })).status).toBe(400);
    const dup = [
      { id: '1', method: 'GET', url: '/me' },
      { id: '1', method: 'GET', url: '/me' },
    ];
    expect((await t.graph(ana, 'POST', '/$batch', { requests: dup })).status).toBe(400);
    const cycle = [
      { id: '1', method: 'GET', url: '/me', dependsOn: ['2'] },
      { id: '2', method: 'GET', url: '/me', dependsOn: ['1'] },
    ];
    expect((await t.graph(ana, 'POST', '/$batch', { requests: cycle })).status).toBe(400);
    const noType = [{ id: '1', method: 'POST', url: '/me/events', body: event('x') }];
    expect((await t.graph(ana, 'POST', '/$batch', { requests: noType })).status).toBe(400);
  });

  it('counts and throttles each sub-request on its own', async () => {
    await t.resetRequests();
    await t.addFault({
      path: '^/me/mailboxSettings',
      kind: 'status',
      status: 429,
      retryAfterSeconds: 2,
      times: 1,
    });
    const res = await t.graph(ana, 'POST', '/$batch', {
      requests: [
        { id: '1', method: 'GET', url: '/me' },
        { id: '2', method: 'GET', url: '/me/mailboxSettings' },
      ],
    });
    const two = (
      res.body.responses as { id: string; status: number; headers: Record<string, string> }[]
    ).find((r) => r.id === '2');
    expect(two?.status).toBe(429);
    expect(two?.headers['retry-after']).toBe('2');
    const log = await t.requests();
    expect(log.http).toBe(1);
    expect(log.batched).toBe(2);
  });
});

describe('faults', () => {
  it('answers 429 with Retry-After before the write, so nothing is written', async () => {
    await t.addFault({
      path: '^/me/events$',
      methods: ['POST'],
      kind: 'status',
      status: 429,
      retryAfterSeconds: 3,
      times: 1,
    });
    const throttled = await t.graph(ana, 'POST', '/me/events', event('throttled', 'tx-throttled'));
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('3');
    expect(throttled.body.error.code).toBe('TooManyRequests');
    const retried = await t.graph(ana, 'POST', '/me/events', event('throttled', 'tx-throttled'));
    expect(retried.status).toBe(201);
    const mine = await t.graph(ana, 'GET', '/me/events?$top=1000');
    expect(
      (mine.body.value as { subject: string }[]).filter((e) => e.subject === 'throttled'),
    ).toHaveLength(1);
  });

  it('answers 503 after the write took effect; a retry with the same transactionId returns that event', async () => {
    await t.addFault({
      path: '^/me/events$',
      methods: ['POST'],
      kind: 'status',
      status: 503,
      when: 'after',
      times: 1,
    });
    const lost = await t.graph(ana, 'POST', '/me/events', event('after-write', 'tx-after'));
    expect(lost.status).toBe(503);
    const retried = await t.graph(ana, 'POST', '/me/events', event('after-write', 'tx-after'));
    expect(retried.status).toBe(201);
    const mine = await t.graph(ana, 'GET', '/me/events?$top=1000');
    expect(
      (mine.body.value as { subject: string }[]).filter((e) => e.subject === 'after-write'),
    ).toHaveLength(1);
  });

  it('drops the connection when asked', async () => {
    await t.addFault({ path: '^/me$', kind: 'drop', times: 1 });
    await expect(t.graph(ana, 'GET', '/me')).rejects.toThrow();
    expect((await t.graph(ana, 'GET', '/me')).status).toBe(200);
  });

  it('injects latency and 504 at a seeded rate', async () => {
    await t.addFault({ path: '^/me$', kind: 'latency', latencyMs: 120, times: 1 });
    const started = performance.now();
    await t.graph(ana, 'GET', '/me');
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    await t.addFault({ path: '^/me$', kind: 'status', status: 504, rate: 0.5 });
    const statuses = [];
    for (let i = 0; i < 40; i++) statuses.push((await t.graph(ana, 'GET', '/me')).status);
    const timeouts = statuses.filter((s) => s === 504).length;
    expect(timeouts).toBeGreaterThan(5);
    expect(timeouts).toBeLessThan(35);
  });

  it('refuses control calls with bad rules', async () => {
    const res = await fetch(`${t.url}/_local/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'explode' }),
    });
    expect(res.status).toBe(400);
  });
});

describe('per-mailbox concurrency', () => {
  it('throttles a fifth simultaneous request to one mailbox with 429 and Retry-After', async () => {
    await t.addFault({ path: '^/me/mailboxSettings', kind: 'latency', latencyMs: 300, times: 5 });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => t.graph(ana, 'GET', '/me/mailboxSettings')),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const throttled = results.find((r) => r.status === 429);
    expect(throttled?.headers.get('retry-after')).toBe('1');
    // Another person's mailbox is not affected, and the first four finish normally.
    expect(
      (await t.graph('ben@rapportdemo.onmicrosoft.com', 'GET', '/me/mailboxSettings')).status,
    ).toBe(200);
  });

  it('runs a batch of many calendar reads within that limit', async () => {
    await t.addFault({ path: '^/me/calendarView', kind: 'latency', latencyMs: 50, times: 10 });
    const requests = Array.from({ length: 10 }, (_, i) => ({
      id: String(i),
      method: 'GET',
      url: '/me/calendarView?startDateTime=2026-03-09T00:00:00Z&endDateTime=2026-03-10T00:00:00Z',
    }));
    const res = await t.graph(ana, 'POST', '/$batch', { requests });
    expect((res.body.responses as { status: number }[]).every((r) => r.status === 200)).toBe(true);
  });
});
