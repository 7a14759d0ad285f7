import { describe, expect, it } from 'vitest';
import { TEST_NOW } from '../support/local-tenant';
import { useTestTenant } from '../support/use-test-tenant';

const ana = 'ana@rapportdemo.onmicrosoft.com';
const ben = 'ben@rapportdemo.onmicrosoft.com';
const divya = 'divya@rapportdemo.onmicrosoft.com';
const guest = 'guest@example.com';

const t = useTestTenant();

const meeting = (extra: Record<string, unknown> = {}) => ({
  subject: 'Outbox sync',
  body: { contentType: 'html', content: '<p>Agenda soon</p>' },
  start: { dateTime: '2026-03-12T09:00:00', timeZone: 'Pacific Standard Time' },
  end: { dateTime: '2026-03-12T09:30:00', timeZone: 'Pacific Standard Time' },
  attendees: [
    { emailAddress: { address: ben, name: 'Ben' }, type: 'required' },
    { emailAddress: { address: guest, name: 'Guest' }, type: 'optional' },
  ],
  ...extra,
});

const byICalUId = (iCalUId: string) =>
  `/me/events?$filter=${encodeURIComponent(`iCalUId eq '${iCalUId}'`)}`;

describe('the outbox: meeting mail Exchange sends for the organizer', () => {
  it('starts empty: the seed’s invitations are not in it', async () => {
    expect(await t.outbox()).toEqual([]);
  });

  it('records the invitation, every organizer PATCH (even one that changes nothing) and the cancellation', async () => {
    const created = await t.graph(ana, 'POST', '/me/events', meeting());
    expect(created.status).toBe(201);
    const { id, iCalUId } = created.body as { id: string; iCalUId: string };
    const anaId = (await t.graph(ana, 'GET', '/me')).body.id as string;

    expect(await t.outbox(iCalUId)).toEqual([
      {
        kind: 'request',
        organizerId: anaId,
        iCalUId,
        subject: 'Outbox sync',
        to: [ben, guest],
        at: TEST_NOW.replace('Z', '.000Z'),
      },
    ]);

    // The same subject again: nothing visible changes, and Exchange still emails everyone.
    expect(
      (await t.graph(ana, 'PATCH', `/me/events/${id}`, { subject: 'Outbox sync' })).status,
    ).toBe(200);
    // Divya in, the guest out: an update to everyone invited now, a cancellation to the guest.
    await t.graph(ana, 'PATCH', `/me/events/${id}`, {
      attendees: [
        { emailAddress: { address: ben }, type: 'required' },
        { emailAddress: { address: divya }, type: 'required' },
      ],
    });
    expect((await t.outbox(iCalUId)).map((m) => [m.kind, m.to])).toEqual([
      ['request', [ben, guest]],
      ['update', [ben, guest]],
      ['cancellation', [guest]],
      ['update', [ben, divya]],
    ]);

    // An attendee changing their own copy emails no one.
    const bens = (await t.graph(ben, 'GET', byICalUId(iCalUId))).body.value[0];
    const own = await t.graph(ben, 'PATCH', `/me/events/${bens.id as string}`, {
      categories: ['Blue category'],
    });
    expect(own.status).toBe(200);
    expect(await t.outbox(iCalUId)).toHaveLength(4);

    expect((await t.graph(ana, 'DELETE', `/me/events/${id}`)).status).toBe(204);
    const last = (await t.outbox(iCalUId)).at(-1);
    expect(last).toEqual(
      expect.objectContaining({ kind: 'cancellation', to: [ben, divya], subject: 'Outbox sync' }),
    );
  });

  it('sends nothing for a meeting without attendees, and a refused PATCH sends nothing', async () => {
    const alone = await t.graph(ana, 'POST', '/me/events', meeting({ attendees: [] }));
    const id = alone.body.id as string;
    await t.graph(ana, 'PATCH', `/me/events/${id}`, { subject: 'Focus time' });
    await t.graph(ana, 'DELETE', `/me/events/${id}`);
    expect(await t.outbox(alone.body.iCalUId as string)).toEqual([]);

    const shared = await t.graph(ana, 'POST', '/me/events', meeting({ subject: 'Stale' }));
    const stale = shared.body['@odata.etag'] as string;
    await t.graph(ana, 'PATCH', `/me/events/${shared.body.id as string}`, { subject: 'Fresh' });
    const refused = await t.graph(
      ana,
      'PATCH',
      `/me/events/${shared.body.id as string}`,
      { subject: 'Too late' },
      { 'If-Match': stale },
    );
    expect(refused.status).toBe(412);
    expect((await t.outbox(shared.body.iCalUId as string)).map((m) => m.kind)).toEqual([
      'request',
      'update',
    ]);
  });

  it('names an occurrence and its series when one occurrence moves or is cancelled', async () => {
    const masters = await t.graph(
      ana,
      'GET',
      `/me/events?$filter=${encodeURIComponent(`type eq 'seriesMaster'`)}&$select=subject,iCalUId`,
    );
    const standup = (masters.body.value as { id: string; subject: string; iCalUId: string }[]).find(
      (m) => m.subject === 'Platform stand-up',
    );
    if (!standup) throw new Error('no stand-up series');
    const occurrences = await t.graph(
      ana,
      'GET',
      `/me/events/${standup.id}/instances?startDateTime=2026-03-16T00:00:00Z&endDateTime=2026-03-17T00:00:00Z`,
    );
    const monday = occurrences.body.value[0] as { id: string; iCalUId: string };
    const moved = await t.graph(ana, 'PATCH', `/me/events/${monday.id}`, {
      start: { dateTime: '2026-03-16T08:30:00', timeZone: 'Pacific Standard Time' },
      end: { dateTime: '2026-03-16T08:45:00', timeZone: 'Pacific Standard Time' },
    });
    expect(moved.status).toBe(200);
    expect(await t.outbox(monday.iCalUId)).toEqual([
      expect.objectContaining({
        kind: 'update',
        iCalUId: monday.iCalUId,
        seriesMasterICalUId: standup.iCalUId,
        subject: 'Platform stand-up',
      }),
    ]);
    expect((await t.outbox(monday.iCalUId))[0]?.to).toHaveLength(9);
    expect((await t.graph(ana, 'DELETE', `/me/events/${monday.id}`)).status).toBe(204);
    expect((await t.outbox(standup.iCalUId)).map((m) => m.kind)).toEqual([
      'update',
      'cancellation',
    ]);
  });
});

describe("GET /me/events?$filter=type eq 'seriesMaster'", () => {
  const masters = (user: string, query: string) =>
    t.graph(
      user,
      'GET',
      `/me/events?$filter=${encodeURIComponent(`type eq 'seriesMaster'`)}${query}`,
    );

  it("lists the mailbox's series masters, honouring $select and $top", async () => {
    const all = await masters(ana, '&$select=id,iCalUId,subject,type&$top=50');
    expect(all.status).toBe(200);
    const value = all.body.value as Record<string, unknown>[];
    expect(value.length).toBeGreaterThanOrEqual(2);
    expect(value.map((e) => e.subject)).toEqual(
      expect.arrayContaining(['Platform stand-up', 'Ana / Ben 1:1']),
    );
    expect(value.every((e) => e.type === 'seriesMaster')).toBe(true);
    expect(Object.keys(value[0] ?? {}).sort()).toEqual(
      ['@odata.etag', 'iCalUId', 'id', 'subject', 'type'].sort(),
    );

    const one = await masters(ana, '&$select=id,iCalUId&$top=1');
    expect(one.body.value).toHaveLength(1);
    expect(one.body['@odata.nextLink']).toContain('$skip=1');

    // Ben's copies of Ana's series are series masters in his mailbox, with the same iCalUIds.
    const bens = await masters(ben, '&$select=iCalUId,subject&$top=50');
    const standup = value.find((e) => e.subject === 'Platform stand-up');
    expect((bens.body.value as { iCalUId: string }[]).map((e) => e.iCalUId)).toContain(
      standup?.iCalUId,
    );
  });

  it('combines with iCalUId, and refuses filters it does not know', async () => {
    const all = (await masters(ana, '&$select=iCalUId&$top=50')).body.value as {
      iCalUId: string;
    }[];
    const first = all[0]?.iCalUId ?? '';
    const both = await t.graph(
      ana,
      'GET',
      `/me/events?$filter=${encodeURIComponent(`type eq 'seriesMaster' and iCalUId eq '${first}'`)}`,
    );
    expect(both.body.value.map((e: { iCalUId: string }) => e.iCalUId)).toEqual([first]);
    const single = await t.graph(
      ana,
      'GET',
      `/me/events?$filter=${encodeURIComponent(`type eq 'singleInstance' and iCalUId eq '${first}'`)}`,
    );
    expect(single.body.value).toEqual([]);

    for (const bad of [`subject eq 'x'`, `type ne 'seriesMaster'`, `type eq 'seriesMaster' and`]) {
      const res = await t.graph(ana, 'GET', `/me/events?$filter=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code).toBe('ErrorInvalidUrlQueryFilter');
    }
  });

  it('works inside a $batch with the filter written unencoded', async () => {
    const res = await t.graph(ana, 'POST', '/$batch', {
      requests: [
        {
          id: 'masters',
          method: 'GET',
          url: "/me/events?$filter=type eq 'seriesMaster'&$select=id,iCalUId&$top=50",
        },
      ],
    });
    expect(res.status).toBe(200);
    const sub = res.body.responses[0];
    expect(sub.status).toBe(200);
    expect(sub.body.value.length).toBeGreaterThanOrEqual(2);
  });
});

// Last: a reset makes new signing keys, so the tokens the tests hold stop working.
describe('resetting the tenant', () => {
  it('empties the outbox', async () => {
    expect((await t.outbox()).length).toBeGreaterThan(0);
    const reset = await fetch(`${t.url}/_local/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    expect(await t.outbox()).toEqual([]);
  });
});
