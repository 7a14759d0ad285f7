import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient } from '../../src/graph/client';
import { resolveMeeting } from '../../src/graph/meetings/resolve-meeting';
import {
  expectationsRepository,
  type ExpectationsRepository,
} from '../../src/graph/expectations/expectations-repository';
import type { Deliverable, Expectations } from '../../src/domain/expectations/schema';
import { instant } from '../../src/domain/time/instant';
import { PEOPLE, SITES, upnOf } from '../../src/local/tenant/seed/directory';
import { startTestTenant, TEST_NOW, type TestTenant } from '../support/local-tenant';

const person = (alias: string) => {
  const p = PEOPLE.find((x) => x.alias === alias);
  if (!p) throw new Error(alias);
  return { id: p.id, upn: upnOf(p) };
};
const ANA = person('ana');
const BEN = person('ben');
const DIVYA = person('divya');
const OLIVIA = person('olivia');
const now = instant(Date.parse(TEST_NOW));
const team = `/sites/${SITES.team.id}`;

interface HostMeeting {
  chatId: string;
  subject: string;
  start: string;
  iCalUId: string;
}

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

const clientFor = (upn: string) =>
  createGraphClient({ baseUrl: t.url, getToken: () => t.token(upn), delaySeconds: 0 });
const repoFor = (upn: string): ExpectationsRepository =>
  expectationsRepository(clientFor(upn), { siteId: SITES.team.id });

async function meetingsOf(id: string): Promise<HostMeeting[]> {
  const res = await fetch(`${t.url}/_local/people/${id}/meetings`);
  return (await res.json()) as HostMeeting[];
}

/** The chat and the occurrence nearest now, as the local Teams host would open it. */
async function chatOf(subject: string): Promise<HostMeeting> {
  const all = (await meetingsOf(ANA.id)).filter((m) => m.subject === subject);
  const nearest = all.sort(
    (a, b) => Math.abs(Date.parse(a.start) - now) - Math.abs(Date.parse(b.start) - now),
  )[0];
  if (!nearest) throw new Error(`no meeting '${subject}'`);
  return nearest;
}

const expectationsFor = (meetingKey: string, purpose: string): Expectations => ({
  schemaVersion: 1,
  meetingKey,
  purpose,
  outcome: '',
  agenda: [{ title: 'Blockers', minutes: 5 }],
  roles: [{ kind: 'facilitator', holderId: ANA.id }],
  deliverables: [],
  successMetrics: ['Everyone knows what is blocked.'],
});

async function itemsWithKey(listName: string, key: string): Promise<any[]> {
  const list = await t.graph(ANA.upn, 'GET', `${team}/lists/${listName}`);
  const res = await t.graph(
    ANA.upn,
    'GET',
    `${team}/lists/${list.body.id}/items?$expand=fields&$filter=${encodeURIComponent(
      `fields/Key eq '${key}'`,
    )}`,
  );
  expect(res.status).toBe(200);
  return res.body.value;
}

describe('which meeting a tab is in', () => {
  it("resolves Ana's stand-up chat to the occurrence and its series, the same for Ben", async () => {
    const standup = await chatOf('Platform stand-up');
    const ana = await resolveMeeting(clientFor(ANA.upn), standup.chatId, now);
    expect(ana.kind).toBe('found');
    if (ana.kind !== 'found') return;
    expect(ana.meeting.iCalUId).toBe(standup.iCalUId);
    expect(ana.meeting.subject).toBe('Platform stand-up');
    expect(ana.meeting.isOrganizer).toBe(true);
    expect(ana.meeting.seriesKey).toBeTruthy();
    expect(ana.meeting.seriesKey).not.toBe(ana.meeting.iCalUId);

    const ben = await resolveMeeting(clientFor(BEN.upn), standup.chatId, now);
    expect(ben.kind).toBe('found');
    if (ben.kind !== 'found') return;
    expect(ben.meeting.iCalUId).toBe(ana.meeting.iCalUId);
    expect(ben.meeting.seriesKey).toBe(ana.meeting.seriesKey);
    expect(ben.meeting.eventId).not.toBe(ana.meeting.eventId); // Ben's own copy
    expect(ben.meeting.isOrganizer).toBe(false);
    expect(ben.meeting.organizer.address.toLowerCase()).toBe(ANA.upn);
  });

  it('tells Olivia clearly that a chat she is not in has no meeting for her', async () => {
    const standup = await chatOf('Platform stand-up');
    const olivia = await resolveMeeting(clientFor(OLIVIA.upn), standup.chatId, now);
    expect(olivia).toEqual(expect.objectContaining({ kind: 'notFound', reason: 'noMeetingChat' }));
    const none = await resolveMeeting(clientFor(BEN.upn), '19:no-such-chat@thread.v2', now);
    expect(none).toEqual(expect.objectContaining({ kind: 'notFound', reason: 'noMeetingChat' }));
  });

  it('says the meeting is not in the calendar when no copy is near now', async () => {
    const standup = await chatOf('Platform stand-up');
    const longAgo = instant(Date.parse('2020-01-01T00:00:00Z'));
    const ben = await resolveMeeting(clientFor(BEN.upn), standup.chatId, longAgo);
    expect(ben).toEqual(expect.objectContaining({ kind: 'notFound', reason: 'notInCalendar' }));
  });
});

describe('expectations storage', () => {
  it('saves and reads back, with who wrote it', async () => {
    const repo = repoFor(ANA.upn);
    const key = 'roundtrip-1@rapport.test';
    expect(await repo.getExpectations(key)).toEqual({ kind: 'missing' });
    const saved = await repo.saveExpectations(
      expectationsFor(key, 'Unblock the release.'),
      undefined,
      {
        startUtc: now,
        organizerId: ANA.id,
      },
    );
    expect(saved.kind).toBe('saved');
    const read = await repoFor(BEN.upn).getExpectations(key);
    expect(read.kind).toBe('found');
    if (read.kind !== 'found' || saved.kind !== 'saved') return;
    expect(read.expectations).toEqual(expectationsFor(key, 'Unblock the release.'));
    expect(read.etag).toBe(saved.etag);
    expect(read.lastModifiedBy?.id).toBe(ANA.id);

    const updated = await repo.saveExpectations(
      expectationsFor(key, 'Unblock the release today.'),
      read,
    );
    expect(updated.kind).toBe('saved');
    const again = await repo.getExpectations(key);
    expect(again.kind === 'found' && again.expectations.purpose).toBe('Unblock the release today.');
  });

  it('answers a stale ETag with a conflict carrying the server version, overwriting nothing', async () => {
    const key = 'conflict-1@rapport.test';
    const ana = repoFor(ANA.upn);
    const created = await ana.saveExpectations(expectationsFor(key, 'First version.'));
    if (created.kind !== 'saved') throw new Error(created.kind);
    const grace = repoFor('grace@rapportdemo.onmicrosoft.com');
    const first = await grace.saveExpectations(expectationsFor(key, 'Grace edited.'), created);
    expect(first.kind).toBe('saved');

    const stale = await ana.saveExpectations(expectationsFor(key, 'Ana edited.'), created);
    expect(stale.kind).toBe('conflict');
    if (stale.kind !== 'conflict') return;
    expect(stale.current.kind).toBe('found');
    if (stale.current.kind !== 'found') return;
    expect(stale.current.expectations.purpose).toBe('Grace edited.');
    expect(stale.current.etag).not.toBe(created.etag);

    const now2 = await ana.getExpectations(key);
    expect(now2.kind === 'found' && now2.expectations.purpose).toBe('Grace edited.');
  });

  it('refuses to write expectations that fail validation', async () => {
    const bad = { ...expectationsFor('invalid-write@rapport.test', ''), purpose: '' };
    const result = await repoFor(ANA.upn).saveExpectations(bad);
    expect(result.kind).toBe('invalid');
    expect(await itemsWithKey('Expectations', 'invalid-write@rapport.test')).toHaveLength(0);
  });

  it('a create retried after a 503 that came after the write leaves exactly one item', async () => {
    const key = 'retried-1@rapport.test';
    await t.addFault({
      path: '^/sites/.*/items$',
      methods: ['POST'],
      kind: 'status',
      status: 503,
      when: 'after',
      times: 1,
    });
    await t.resetRequests();
    const saved = await repoFor(ANA.upn).saveExpectations(expectationsFor(key, 'Retry safely.'));
    expect(saved.kind).toBe('saved');
    const posts = (await t.requests()).requests.filter(
      (r: any) => r.method === 'POST' && /\/items$/.test(r.path),
    );
    expect(posts.length).toBe(2); // the write, and the retry the unique key refused
    const items = await itemsWithKey('Expectations', key);
    expect(items).toHaveLength(1);
    const read = await repoFor(ANA.upn).getExpectations(key);
    expect(read.kind === 'found' && read.expectations.purpose).toBe('Retry safely.');
  });

  it('an update retried after a 503 that came after the write is saved, not a conflict', async () => {
    const key = 'retried-update-1@rapport.test';
    const repo = repoFor(ANA.upn);
    const created = await repo.saveExpectations(expectationsFor(key, 'Before.'));
    if (created.kind !== 'saved') throw new Error(created.kind);
    await t.addFault({
      path: '^/sites/.*/items/\\d+/fields$',
      methods: ['PATCH'],
      kind: 'status',
      status: 503,
      when: 'after',
      times: 1,
    });
    await t.resetRequests();
    const updated = await repo.saveExpectations(expectationsFor(key, 'After.'), created);
    expect(updated.kind).toBe('saved');
    const patches = (await t.requests()).requests.filter((r: any) => r.method === 'PATCH');
    expect(patches.length).toBe(2); // the write, and the retry whose 412 read back our own version
    const read = await repo.getExpectations(key);
    expect(read.kind === 'found' && read.expectations.purpose).toBe('After.');
  });

  it("a create that meets someone else's item is a conflict showing theirs", async () => {
    const key = 'create-race-1@rapport.test';
    const first = await repoFor(ANA.upn).saveExpectations(expectationsFor(key, 'Ana was first.'));
    expect(first.kind).toBe('saved');
    const second = await repoFor(BEN.upn).saveExpectations(expectationsFor(key, 'Ben too.'));
    expect(second.kind).toBe('conflict');
    if (second.kind !== 'conflict') return;
    expect(second.current.kind === 'found' && second.current.expectations.purpose).toBe(
      'Ana was first.',
    );
    expect(await itemsWithKey('Expectations', key)).toHaveLength(1);
  });

  it('reports a payload edited into invalid JSON through raw Graph', async () => {
    const key = 'tampered-1@rapport.test';
    const saved = await repoFor(ANA.upn).saveExpectations(expectationsFor(key, 'Fine so far.'));
    if (saved.kind !== 'saved') throw new Error(saved.kind);
    const list = await t.graph(BEN.upn, 'GET', `${team}/lists/Expectations`);
    const patch = await t.graph(
      BEN.upn,
      'PATCH',
      `${team}/lists/${list.body.id}/items/${saved.itemId}/fields`,
      { Payload: '{"schemaVersion":1, "purpose": ' },
    );
    expect(patch.status).toBe(200);
    const read = await repoFor(ANA.upn).getExpectations(key);
    expect(read.kind).toBe('invalid');
    if (read.kind !== 'invalid') return;
    expect(read.errors['']).toEqual(['The stored payload is not valid JSON.']);
    expect(read.raw).toBe('{"schemaVersion":1, "purpose": ');
    expect(read.lastModifiedBy?.id).toBe(BEN.id);
  });
});

describe('deliverables', () => {
  const deliverable = (id: string, ownerId: string, due: string): Deliverable => ({
    id,
    title: `Deliverable ${id}`,
    ownerId,
    due,
    status: 'notStarted',
  });

  it("lists Ben's deliverables across two meetings, soonest due first", async () => {
    const standup = await chatOf('Platform stand-up');
    const oneOnOne = await chatOf('Ana / Ben 1:1');
    const repo = repoFor(ANA.upn);
    const a = await repo.upsertDeliverables(standup.iCalUId, [
      deliverable('d1', BEN.id, '2026-03-20'),
      deliverable('d2', DIVYA.id, '2026-03-12'),
    ]);
    expect(a.map((r) => r.kind)).toEqual(['saved', 'saved']);
    const b = await repo.upsertDeliverables(oneOnOne.iCalUId, [
      deliverable('d1', BEN.id, '2026-03-13'),
    ]);
    expect(b.map((r) => r.kind)).toEqual(['saved']);

    const mine = await repoFor(BEN.upn).listMyDeliverables(BEN.id);
    expect(mine.invalid).toEqual([]);
    expect(mine.items.map((i) => [i.meetingKey, i.deliverable.id, i.deliverable.due])).toEqual([
      [oneOnOne.iCalUId, 'd1', '2026-03-13'],
      [standup.iCalUId, 'd1', '2026-03-20'],
    ]);

    // Ben marks his stand-up deliverable blocked: one update, the rest unchanged.
    const blocked = await repoFor(BEN.upn).upsertDeliverables(standup.iCalUId, [
      { ...deliverable('d1', BEN.id, '2026-03-20'), status: 'blocked', obstacle: 'Waiting on QA.' },
      deliverable('d2', DIVYA.id, '2026-03-12'),
    ]);
    expect(blocked.map((r) => r.kind)).toEqual(['saved', 'unchanged']);
    expect(await itemsWithKey('Deliverables', `${standup.iCalUId}:d1`)).toHaveLength(1);
    const after = await repoFor(BEN.upn).listMyDeliverables(BEN.id);
    expect(after.items.map((i) => i.deliverable.status)).toEqual(['notStarted', 'blocked']);
  });
});
