import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as G from '@microsoft/microsoft-graph-types';
import { createGraphClient, idempotentWrite, sendOnce } from '../../src/graph/client';
import { startTestTenant, type FaultRuleInput, type TestTenant } from '../support/local-tenant';

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
  await t.resetRequests();
});

const client = () =>
  createGraphClient({ baseUrl: t.url, getToken: () => t.token(ana), delaySeconds: 0 });
const log = async () => (await t.requests()).requests;

describe('the Graph client against the local tenant', () => {
  it('sends the token and reads Graph', async () => {
    const me = (await client().api('/me').get()) as G.User;
    expect(me.userPrincipalName).toBe(ana);
  });

  it('waits out 429 with Retry-After and 503, then succeeds', async () => {
    await t.addFault({
      path: '^/me$',
      kind: 'status',
      status: 429,
      retryAfterSeconds: 1,
      times: 1,
    });
    await t.addFault({ path: '^/me$', kind: 'status', status: 503, times: 1 });
    const started = performance.now();
    const me = (await client().api('/me').get()) as G.User;
    expect(me.userPrincipalName).toBe(ana);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect((await log()).map((r) => r.status)).toEqual([429, 503, 200]);
  });

  it('retries a read whose connection dropped', async () => {
    await t.addFault({ path: '^/me$', kind: 'drop', times: 1 });
    const me = (await client().api('/me').get()) as G.User;
    expect(me.userPrincipalName).toBe(ana);
  });

  it('does not repeat a plain POST whose connection dropped, but repeats a marked idempotent one once written', async () => {
    const event = (subject: string, transactionId?: string) => ({
      subject,
      start: { dateTime: '2026-03-13T09:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-03-13T09:30:00', timeZone: 'UTC' },
      ...(transactionId ? { transactionId } : {}),
    });
    // The POST takes effect, then the connection drops before the answer.
    const dropOnceWritten: FaultRuleInput = {
      path: '^/me/events$',
      methods: ['POST'],
      kind: 'drop',
      when: 'after',
      times: 1,
    };
    await t.addFault(dropOnceWritten);
    await expect(client().api('/me/events').post(event('plain'))).rejects.toThrow();

    await t.addFault(dropOnceWritten);
    const created = (await client()
      .api('/me/events')
      .headers(idempotentWrite)
      .post(event('marked', 'tx-client-1'))) as G.Event;
    expect(created.subject).toBe('marked');
    const mine = (await client().api('/me/events').top(1000).get()) as { value: G.Event[] };
    expect(mine.value.filter((e) => e.subject === 'marked')).toHaveLength(1);
    expect(mine.value.filter((e) => e.subject === 'plain')).toHaveLength(1);
  });

  it('sends a request marked sendOnce exactly once: no retry for 503 or a dropped connection, even with If-Match', async () => {
    const created = (await client()
      .api('/me/events')
      .post({
        subject: 'once',
        start: { dateTime: '2026-03-13T11:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-03-13T11:30:00', timeZone: 'UTC' },
      })) as G.Event & { '@odata.etag': string };
    const patch = (etag: string) =>
      client()
        .api(`/me/events/${created.id ?? ''}`)
        .header('If-Match', etag)
        .middlewareOptions(sendOnce())
        .patch({ subject: 'once, renamed' });
    const path = `^/me/events/${created.id ?? ''}$`;
    await t.addFault({ path, methods: ['PATCH'], kind: 'status', status: 503, times: 1 });
    await t.resetRequests();
    await expect(patch(created['@odata.etag'])).rejects.toMatchObject({ statusCode: 503 });
    await t.addFault({ path, methods: ['PATCH'], kind: 'drop', when: 'after', times: 1 });
    await expect(patch(created['@odata.etag'])).rejects.toMatchObject({ statusCode: -1 });
    expect((await log()).filter((r) => r.method === 'PATCH')).toHaveLength(2);
    // Reads in the same client still retry.
    await t.addFault({ path: '^/me$', kind: 'status', status: 503, times: 1 });
    expect(((await client().api('/me').get()) as G.User).userPrincipalName).toBe(ana);
  });
});
