import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as G from '@microsoft/microsoft-graph-types';
import { runBatch } from '../../src/graph/batch';
import { createGraphClient } from '../../src/graph/client';
import { resolveMeeting } from '../../src/graph/meetings/resolve-meeting';
import {
  deliverablesByOwnerQuery,
  expectationsByKeysQuery,
  expectationsByStartQuery,
  expectationsRepository,
  MAX_KEYS_PER_QUERY,
  MAX_PLAIN_KEY_LENGTH,
  parseDeliverableItems,
  parseExpectationsItems,
  storageKey,
  type ExpectationsRepository,
  type StoredDeliverable,
} from '../../src/graph/expectations/expectations-repository';
import type { Deliverable, Expectations } from '../../src/domain/expectations/schema';
import { instant } from '../../src/domain/time/instant';
import { PEOPLE, SITES, upnOf } from '../../src/local/tenant/seed/directory';
import {
  startTestTenant,
  TEST_NOW,
  type FaultRuleInput,
  type TestTenant,
} from '../support/local-tenant';

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

/** An item update that takes effect, then answers 503, so the client sends it again. */
const FIELDS_503_AFTER_WRITE: FaultRuleInput = {
  path: '^/sites/.*/items/\\d+/fields$',
  methods: ['PATCH'],
  kind: 'status',
  status: 503,
  when: 'after',
  times: 1,
};

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
    await t.addFault(FIELDS_503_AFTER_WRITE);
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

const deliverableOf = (id: string, ownerId: string, due: string): Deliverable => ({
  id,
  title: `Deliverable ${id}`,
  ownerId,
  due,
  status: 'notStarted',
});

describe('deliverables', () => {
  it("lists Ben's deliverables across two meetings, soonest due first", async () => {
    const standup = await chatOf('Platform stand-up');
    const oneOnOne = await chatOf('Ana / Ben 1:1');
    const repo = repoFor(ANA.upn);
    const a = await repo.upsertDeliverables(standup.iCalUId, [
      deliverableOf('d1', BEN.id, '2026-03-20'),
      deliverableOf('d2', DIVYA.id, '2026-03-12'),
    ]);
    expect(a.map((r) => r.kind)).toEqual(['saved', 'saved']);
    const b = await repo.upsertDeliverables(oneOnOne.iCalUId, [
      deliverableOf('d1', BEN.id, '2026-03-13'),
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
      {
        ...deliverableOf('d1', BEN.id, '2026-03-20'),
        status: 'blocked',
        obstacle: 'Waiting on QA.',
      },
      deliverableOf('d2', DIVYA.id, '2026-03-12'),
    ]);
    expect(blocked.map((r) => r.kind)).toEqual(['saved', 'unchanged']);
    expect(await itemsWithKey('Deliverables', `${standup.iCalUId}:d1`)).toHaveLength(1);
    const after = await repoFor(BEN.upn).listMyDeliverables(BEN.id);
    expect(after.items.map((i) => i.deliverable.status)).toEqual(['notStarted', 'blocked']);
  });
});

/** A key of exactly `length` characters, unique to `tag`. */
const longKey = (tag: string, length = 255): string =>
  `${tag}-`.padEnd(length - 1, 'X') + tag.slice(-1);

describe('keys near SharePoint’s 255-character limit', () => {
  it('stores short keys as they are and longer ones as a SHA-256', async () => {
    const short = 'k'.repeat(MAX_PLAIN_KEY_LENGTH);
    expect(await storageKey(short)).toBe(short);
    const long = `${short}!`;
    const hashed = await storageKey(long);
    expect(hashed).toBe(`sha256:${createHash('sha256').update(long).digest('base64url')}`);
    expect(hashed).toMatch(/^sha256:[A-Za-z0-9_-]{43}$/);
    expect(await storageKey(long)).toBe(hashed);
    const unicode = 'é'.repeat(200);
    expect(await storageKey(unicode)).toBe(
      `sha256:${createHash('sha256').update(unicode, 'utf8').digest('base64url')}`,
    );
  });

  it('saves, reads and updates expectations and deliverables of a 255-character meeting key', async () => {
    const key = longKey('long-meeting-1');
    const seriesKey = longKey('long-series-1');
    const other = longKey('long-meeting-2');
    expect(key).toHaveLength(255);
    const repo = repoFor(ANA.upn);
    const saved = await repo.saveExpectations(
      { ...expectationsFor(key, 'Keys can be long.'), seriesKey },
      undefined,
      { startUtc: now, organizerId: ANA.id },
    );
    expect(saved.kind).toBe('saved');
    const stored = await storageKey(key);
    const [item] = await itemsWithKey('Expectations', stored);
    expect(item.fields.MeetingKey).toBe(stored);
    expect(item.fields.SeriesKey).toBe(await storageKey(seriesKey));
    expect(JSON.parse(item.fields.Payload as string).meetingKey).toBe(key);

    const read = await repoFor(BEN.upn).getExpectations(key);
    expect(read.kind === 'found' && read.expectations).toEqual({
      ...expectationsFor(key, 'Keys can be long.'),
      seriesKey,
    });
    expect(await repo.getExpectations(other)).toEqual({ kind: 'missing' });
    if (read.kind !== 'found') return;
    const updated = await repo.saveExpectations(expectationsFor(key, 'Still long.'), read);
    expect(updated.kind).toBe('saved');
    // A create retried against the unique (hashed) key reads back instead of duplicating.
    const again = await repoFor(BEN.upn).saveExpectations(expectationsFor(key, 'Ben, late.'));
    expect(again.kind).toBe('conflict');
    expect(await itemsWithKey('Expectations', stored)).toHaveLength(1);

    // Deliverable keys are meeting key + ':' + id: 320 characters here, stored hashed.
    const longId = 'd'.repeat(64);
    const first = await repo.upsertDeliverables(key, [deliverableOf(longId, BEN.id, '2026-04-01')]);
    expect(first.map((r) => r.kind)).toEqual(['saved']);
    const second = await repo.upsertDeliverables(key, [
      deliverableOf(longId, BEN.id, '2026-04-01'),
    ]);
    expect(second.map((r) => r.kind)).toEqual(['unchanged']);
    const dKey = await storageKey(`${key}:${longId}`);
    expect(await itemsWithKey('Deliverables', dKey)).toHaveLength(1);
    const listed = await repo.listMeetingDeliverables(key);
    expect(listed.items.map((i) => [i.meetingKey, i.deliverable.id])).toEqual([[key, longId]]);
    expect((await repo.listMeetingDeliverables(other)).items).toEqual([]);
    await repo.deleteDeliverables(key, [longId]);
    expect(await itemsWithKey('Deliverables', dKey)).toHaveLength(0);
  });
});

describe('removing and updating deliverables', () => {
  const setUp = async (meetingKey: string): Promise<StoredDeliverable[]> => {
    const repo = repoFor(ANA.upn);
    const results = await repo.upsertDeliverables(meetingKey, [
      deliverableOf('a', BEN.id, '2026-03-20'),
      deliverableOf('b', DIVYA.id, '2026-03-21'),
      deliverableOf('c', BEN.id, '2026-03-22'),
    ]);
    expect(results.map((r) => r.kind)).toEqual(['saved', 'saved', 'saved']);
    return (await repo.listMeetingDeliverables(meetingKey)).items;
  };

  it('deletes the items of removed deliverables; unknown and already deleted ones are fine', async () => {
    const key = 'delete-1@rapport.test';
    await setUp(key);
    // The first DELETE lands, then answers 503; the retry finds the item gone (404): deleted.
    await t.addFault({
      path: '^/sites/.*/items/\\d+$',
      methods: ['DELETE'],
      kind: 'status',
      status: 503,
      when: 'after',
      times: 1,
    });
    await repoFor(ANA.upn).deleteDeliverables(key, ['a', 'c', 'never-existed']);
    const left = await repoFor(ANA.upn).listMeetingDeliverables(key);
    expect(left.items.map((i) => i.deliverable.id)).toEqual(['b']);
    await repoFor(ANA.upn).deleteDeliverables(key, ['a']);
    await repoFor(ANA.upn).deleteDeliverables(key, []);
    expect((await repoFor(ANA.upn).listMeetingDeliverables(key)).items).toHaveLength(1);
  });

  it('updates one deliverable with If-Match and records who set its status', async () => {
    const key = 'update-1@rapport.test';
    const [a] = await setUp(key);
    if (!a) throw new Error('no deliverable');
    const ben = repoFor(BEN.upn);
    const blocked: Deliverable = {
      ...a.deliverable,
      status: 'blocked',
      obstacle: 'Waiting on QA.',
    };
    const saved = await ben.updateDeliverable(a, blocked, { statusSetBy: BEN.id });
    expect(saved.kind).toBe('saved');
    if (saved.kind !== 'saved') return;
    expect(saved.item.statusSetBy).toBe(BEN.id);
    expect(saved.item.etag).not.toBe(a.etag);
    const [read] = (await ben.listMeetingDeliverables(key)).items;
    expect(read?.deliverable).toEqual(blocked);
    expect(read?.statusSetBy).toBe(BEN.id);
    expect(read?.etag).toBe(saved.item.etag);

    // A second writer holding the old version gets a conflict showing Ben's, not an overwrite.
    const stale = await repoFor(ANA.upn).updateDeliverable(a, { ...a.deliverable, title: 'Late' });
    expect(stale.kind).toBe('conflict');
    if (stale.kind !== 'conflict') return;
    expect(stale.current?.kind === 'found' && stale.current.deliverable).toEqual(blocked);

    // The organizer retitles it: Ben's status and who set it stay.
    if (read === undefined) return;
    const retitled = await repoFor(ANA.upn).updateDeliverable(read, {
      ...read.deliverable,
      title: 'Ship the QA fix',
    });
    expect(retitled.kind === 'saved' && retitled.item.statusSetBy).toBe(BEN.id);
    const upserted = await repoFor(ANA.upn).upsertDeliverables(key, [
      { ...blocked, title: 'Ship the QA fix, now' },
    ]);
    expect(upserted[0]?.kind === 'saved' && upserted[0].item.statusSetBy).toBe(BEN.id);
    // A status the organizer changes is no longer Ben's.
    const reset = await repoFor(ANA.upn).upsertDeliverables(key, [
      {
        ...deliverableOf('a', BEN.id, '2026-03-20'),
        title: 'Ship the QA fix, now',
        status: 'done',
      },
    ]);
    expect(reset[0]?.kind).toBe('saved');
    const after = (await ben.listMeetingDeliverables(key)).items.find(
      (i) => i.deliverable.id === 'a',
    );
    expect(after?.deliverable.status).toBe('done');
    expect(after?.statusSetBy).toBeUndefined();
  });

  it('an update retried after a 503 that came after the write is saved, not a conflict', async () => {
    const key = 'update-2@rapport.test';
    const [a] = await setUp(key);
    if (!a) throw new Error('no deliverable');
    await t.addFault(FIELDS_503_AFTER_WRITE);
    const next: Deliverable = { ...a.deliverable, status: 'onTrack' };
    const result = await repoFor(BEN.upn).updateDeliverable(a, next, { statusSetBy: BEN.id });
    expect(result.kind).toBe('saved');
    expect(result.kind === 'saved' && result.item.statusSetBy).toBe(BEN.id);
  });

  it('answers a deliverable deleted meanwhile with a conflict and nothing current', async () => {
    const key = 'update-3@rapport.test';
    const [a] = await setUp(key);
    if (!a) throw new Error('no deliverable');
    await repoFor(ANA.upn).deleteDeliverables(key, ['a']);
    const result = await repoFor(BEN.upn).updateDeliverable(a, { ...a.deliverable, title: 'X' });
    expect(result).toEqual({ kind: 'conflict', current: undefined });
  });

  it('refuses to write a deliverable that fails validation or is another one', async () => {
    const key = 'update-4@rapport.test';
    const [a] = await setUp(key);
    if (!a) throw new Error('no deliverable');
    const repo = repoFor(BEN.upn);
    await expect(
      repo.updateDeliverable(a, { ...a.deliverable, status: 'blocked' }),
    ).rejects.toThrow(/not valid/);
    await expect(repo.updateDeliverable(a, { ...a.deliverable, id: 'b' })).rejects.toThrow(
      /cannot overwrite/,
    );
  });

  it('reads payloads written before statusSetBy existed', async () => {
    const key = 'legacy-1@rapport.test';
    const [a] = await setUp(key);
    expect(a?.statusSetBy).toBeUndefined();
    expect(a && 'statusSetBy' in a).toBe(false);
  });
});

describe('list queries for $batch', () => {
  const siteId = SITES.team.id;

  it('builds relative URLs addressing the lists by title', () => {
    expect(
      expectationsByStartQuery(siteId, '2026-03-09T00:00:00.000Z', '2026-03-16T00:00:00.000Z'),
    ).toBe(
      `/sites/${siteId}/lists/Expectations/items?$filter=${encodeURIComponent(
        "fields/StartUtc ge '2026-03-09T00:00:00.000Z' and fields/StartUtc lt '2026-03-16T00:00:00.000Z'",
      )}&$expand=fields&$top=500`,
    );
    expect(deliverablesByOwnerQuery(siteId, "o'brien")).toContain(
      encodeURIComponent("fields/OwnerId eq 'o''brien'"),
    );
    expect(MAX_KEYS_PER_QUERY).toBe(10);
    expect(() => expectationsByKeysQuery(siteId, [])).toThrow();
    expect(() =>
      expectationsByKeysQuery(
        siteId,
        Array.from({ length: 11 }, (_, i) => `k${String(i)}`),
      ),
    ).toThrow();
  });

  it('answer in one $batch what Home needs, read with the repository’s own parsing', async () => {
    const repo = repoFor(ANA.upn);
    const inWindow = 'batch-occurrence-1@rapport.test';
    const outside = 'batch-occurrence-2@rapport.test';
    const seriesKeys = Array.from(
      { length: 9 },
      (_, i) => `batch-series-${String(i)}@rapport.test`,
    );
    const longSeries = longKey('batch-series-long');
    await repo.saveExpectations(expectationsFor(inWindow, 'Inside.'), undefined, {
      startUtc: instant(Date.parse('2026-03-12T16:00:00Z')),
    });
    await repo.saveExpectations(expectationsFor(outside, 'Outside.'), undefined, {
      startUtc: instant(Date.parse('2026-03-20T16:00:00Z')),
    });
    for (const k of [...seriesKeys, longSeries]) {
      expect((await repo.saveExpectations(expectationsFor(k, 'A series.'))).kind).toBe('saved');
    }
    // A payload damaged through raw Graph is reported, not dropped.
    const [broken] = await itemsWithKey('Expectations', seriesKeys[0] ?? '');
    const list = await t.graph(ANA.upn, 'GET', `${team}/lists/Expectations`);
    await t.graph(ANA.upn, 'PATCH', `${team}/lists/${list.body.id}/items/${broken.id}/fields`, {
      Payload: '{}',
    });
    await repo.upsertDeliverables(inWindow, [
      deliverableOf('late', OLIVIA.id, '2026-04-02'),
      deliverableOf('soon', OLIVIA.id, '2026-03-13'),
    ]);

    const keys = await Promise.all([...seriesKeys, longSeries].map((k) => storageKey(k)));
    const results = await runBatch(clientFor(ANA.upn), [
      {
        id: 'window',
        method: 'GET',
        url: expectationsByStartQuery(
          siteId,
          '2026-03-09T00:00:00.000Z',
          '2026-03-16T00:00:00.000Z',
        ),
      },
      { id: 'series', method: 'GET', url: expectationsByKeysQuery(siteId, keys) },
      { id: 'mine', method: 'GET', url: deliverablesByOwnerQuery(siteId, OLIVIA.id) },
    ]);
    const value = (id: string): G.ListItem[] => {
      const r = results.get(id);
      expect(r?.status, id).toBe(200);
      return (r?.body as { value: G.ListItem[] }).value;
    };
    const windowed = parseExpectationsItems(value('window'));
    expect(windowed.found.map((f) => f.expectations.meetingKey)).toContain(inWindow);
    expect(windowed.found.map((f) => f.expectations.meetingKey)).not.toContain(outside);
    const series = parseExpectationsItems(value('series'));
    expect(series.found.map((f) => f.expectations.meetingKey).sort()).toEqual(
      [...seriesKeys.slice(1), longSeries].sort(),
    );
    expect(series.invalid.map((i) => i.key)).toEqual([seriesKeys[0]]);
    const mine = parseDeliverableItems(value('mine'));
    expect(mine.items.map((i) => i.deliverable.id)).toEqual(['soon', 'late']);
    expect(mine.items.every((i) => i.meetingKey === inWindow)).toBe(true);

    // The same URLs work outside a batch too.
    const direct = (await clientFor(ANA.upn).api(expectationsByKeysQuery(siteId, keys)).get()) as {
      value: G.ListItem[];
    };
    expect(direct.value).toHaveLength(10);
  });
});
