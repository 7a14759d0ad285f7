import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient } from '../../src/graph/client';
import { expectationsRepository } from '../../src/graph/expectations/expectations-repository';
import { graphHomeReader } from '../../src/graph/home-reader';
import type { Deliverable, Expectations } from '../../src/domain/expectations/schema';
import type { HomeSnapshot, MeetingSummary } from '../../src/domain/meetings/meeting';
import { upcomingWindow } from '../../src/domain/meetings/upcoming-days';
import { instant, type Instant } from '../../src/domain/time/instant';
import { PEOPLE, SITES, upnOf } from '../../src/local/tenant/seed/directory';
import {
  startTestTenant,
  TEST_NOW,
  type RequestSummary,
  type TestTenant,
} from '../support/local-tenant';

/**
 * Issue 4, "Cost": Home for seven days makes at most 3 Graph HTTP requests (a `$batch` counts as
 * one), whatever the number of meetings, and still shows everything stored for them. The budget is
 * the whole first screen's: what "Feedback waiting" (my recent meetings) and "Where to get help"
 * (the team's help routes) show comes with it, so they must not cost requests of their own.
 */
const MAX_HOME_HTTP_REQUESTS = 3;
const SITE_ID = SITES.team.id;
const now = instant(Date.parse(TEST_NOW));
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const byAlias = new Map(PEOPLE.map((p) => [p.alias, { id: p.id, upn: upnOf(p) }]));
const ANA = byAlias.get('ana')!;
const BEN = byAlias.get('ben')!;
/** Who Ana invites, two at a time, round the team. */
const GUESTS = PEOPLE.filter((p) => p.alias !== 'ana' && p.alias !== 'olivia');

/** Occurrences of each series Ana creates, on the days after now, all inside the window. */
const SERIES_LENGTH = 4;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

type Applied = MeetingSummary['expectations'];

/** A meeting of Ana's next seven days as Graph lists it, read apart from the reader. */
interface CalendarEntry {
  iCalUId: string;
  subject: string;
  start: Instant;
  seriesMasterId?: string;
}

/** What one scenario stored, and so what Home must show. */
interface Stocked {
  calendar: CalendarEntry[];
  /** Series master id → its iCalUId, the key of series-level records. */
  seriesKeys: Map<string, string>;
  /** iCalUId → the expectations that apply to that meeting, if any. */
  applied: Map<string, Applied>;
  /** Ana's deliverables as Home should list them: meeting key, id, due, meeting subject. */
  mine: [string, string, string, string | undefined][];
}

const utc = (ms: number) => new Date(ms).toISOString().slice(0, 19);

const expectationsOf = (
  meetingKey: string,
  purpose: string,
  deliverables: Deliverable[] = [],
  seriesKey?: string,
): Expectations => ({
  schemaVersion: 1,
  meetingKey,
  ...(seriesKey === undefined ? {} : { seriesKey }),
  purpose,
  outcome: '',
  agenda: [{ title: 'Decisions', minutes: 10 }],
  roles: [{ kind: 'facilitator', holderId: ANA.id }],
  deliverables,
  successMetrics: ['Every decision has an owner.'],
});

/** Deliverables by id: owner and due date (not started, titled after the id). */
const deliverablesOf = (spec: Record<string, [ownerId: string, due: string]>): Deliverable[] =>
  Object.entries(spec).map(([id, [ownerId, due]]) => ({
    id,
    title: `Deliverable ${id}`,
    ownerId,
    due,
    status: 'notStarted',
  }));

/** `total` meetings in Ana's next seven days, expectations on many, deliverables for her. */
async function stockAnasWeek(t: TestTenant, total: number): Promise<Stocked> {
  const client = createGraphClient({
    baseUrl: t.url,
    getToken: () => t.token(ANA.upn),
    delaySeconds: 0,
  });
  const repo = expectationsRepository(client, { siteId: SITE_ID });
  const { start, end } = upcomingWindow(now);
  const viewPath = `/me/calendarView?startDateTime=${utc(start)}Z&endDateTime=${utc(end)}Z&$top=1000&$select=iCalUId,subject,start,seriesMasterId`;
  const readWeek = async (): Promise<CalendarEntry[]> => {
    const res = await t.graph(ANA.upn, 'GET', viewPath);
    expect(res.status).toBe(200);
    return (res.body.value as any[]).map((e) => ({
      iCalUId: e.iCalUId,
      subject: e.subject,
      start: instant(Date.parse(`${String(e.start.dateTime).slice(0, 23)}Z`)),
      ...(e.seriesMasterId ? { seriesMasterId: e.seriesMasterId } : {}),
    }));
  };

  const seeded = (await readWeek()).length;
  // 18 series in the week at 200 meetings (the seed's 2 included): more than one 10-key query.
  const seriesCount = Math.max(1, Math.floor(total / 12));
  const singles = total - seeded - seriesCount * SERIES_LENGTH;
  expect(singles).toBeGreaterThan(0);

  let invited = 0;
  const createEvent = async (body: Record<string, unknown>): Promise<any> => {
    const attendees = [0, 1].map((k) => GUESTS[(invited + k) % GUESTS.length]);
    invited += 2;
    const res = await t.graph(ANA.upn, 'POST', '/me/events', {
      ...body,
      attendees: attendees.map((p) => ({
        emailAddress: { address: p ? upnOf(p) : '' },
        type: 'required',
      })),
    });
    expect(res.status).toBe(201);
    return res.body;
  };

  // Series on the next four days (weekly, on those weekdays), each at its own time; then single
  // meetings over the week.
  const days = Array.from({ length: SERIES_LENGTH }, (_, d) => new Date(now + (d + 1) * DAY));
  const onTheseDays = {
    pattern: { type: 'weekly', interval: 1, daysOfWeek: days.map((d) => WEEKDAYS[d.getUTCDay()]) },
    range: {
      type: 'endDate',
      startDate: days[0]?.toISOString().slice(0, 10),
      endDate: days.at(-1)?.toISOString().slice(0, 10),
    },
  };
  const masters: { id: string; iCalUId: string }[] = [];
  for (let s = 0; s < seriesCount; s += 1) {
    const at = Date.parse(`${utc(now + DAY).slice(0, 10)}T06:00:00Z`) + s * 25 * 60_000;
    const master = await createEvent({
      subject: `Series ${String(s + 1)}`,
      start: { dateTime: utc(at), timeZone: 'UTC' },
      end: { dateTime: utc(at + 20 * 60_000), timeZone: 'UTC' },
      recurrence: onTheseDays,
    });
    masters.push({ id: master.id, iCalUId: master.iCalUId });
  }
  const spacing = Math.floor((6 * DAY) / singles);
  for (let i = 0; i < singles; i += 1) {
    const at = now + 90 * 60_000 + i * spacing;
    await createEvent({
      subject: `Meeting ${String(i + 1)}`,
      start: { dateTime: utc(at), timeZone: 'UTC' },
      end: { dateTime: utc(at + 30 * 60_000), timeZone: 'UTC' },
    });
  }

  const calendar = await readWeek();
  expect(calendar).toHaveLength(total);

  // Series-level records are keyed by the master's iCalUId, which occurrences do not carry.
  const seriesKeys = new Map<string, string>();
  for (const masterId of new Set(calendar.flatMap((e) => e.seriesMasterId ?? []))) {
    const res = await t.graph(ANA.upn, 'GET', `/me/events/${masterId}?$select=iCalUId`);
    expect(res.status).toBe(200);
    seriesKeys.set(masterId, res.body.iCalUId);
  }
  expect(masters.every((m) => seriesKeys.get(m.id) === m.iCalUId)).toBe(true);

  const applied = new Map<string, Applied>(calendar.map((e) => [e.iCalUId, undefined]));
  /** Meeting key → Ana's and Ben's deliverables stored for it, and the subject Home should name. */
  const deliverables: { meetingKey: string; subject?: string; items: Deliverable[] }[] = [];
  const save = async (
    meeting: { key: string; subject?: string; seriesKey?: string; start?: Instant },
    purpose: string,
    items: Deliverable[] = [],
  ) => {
    const scope = meeting.start === undefined ? 'series' : 'occurrence';
    const saved = await repo.saveExpectations(
      expectationsOf(meeting.key, purpose, items, meeting.seriesKey),
      undefined,
      { organizerId: ANA.id, ...(meeting.start === undefined ? {} : { startUtc: meeting.start }) },
    );
    expect(saved.kind).toBe('saved');
    if (items.length > 0) {
      const results = await repo.upsertDeliverables(meeting.key, items);
      expect(results.map((r) => r.kind)).toEqual(items.map(() => 'saved'));
      deliverables.push({ meetingKey: meeting.key, subject: meeting.subject, items });
    }
    const applies = (e: CalendarEntry) =>
      scope === 'occurrence'
        ? e.iCalUId === meeting.key
        : seriesKeys.get(e.seriesMasterId ?? '') === meeting.key &&
          applied.get(e.iCalUId)?.scope !== 'occurrence';
    for (const e of calendar.filter(applies)) applied.set(e.iCalUId, { purpose, scope });
  };
  const inSeries = (seriesKey: string | undefined) =>
    calendar.filter((e) => e.seriesMasterId && seriesKeys.get(e.seriesMasterId) === seriesKey);

  // Every series but the last (the seed's included) has series-level expectations; the first
  // gives Ana a deliverable, and one of its occurrences has its own expectations and deliverables.
  const seriesInWeek = [...seriesKeys.values()];
  const [firstSeries, lastSeries] = [seriesInWeek[0], seriesInWeek.at(-1)];
  const secondOccurrence = inSeries(firstSeries)[1];
  const [lastOccurrence] = inSeries(lastSeries);
  if (!firstSeries || !secondOccurrence || !lastOccurrence) throw new Error('no series');
  for (const key of seriesInWeek.slice(0, -1)) {
    const items = key === firstSeries ? deliverablesOf({ series: [ANA.id, '2026-03-16'] }) : [];
    await save(
      { key, subject: inSeries(key)[0]?.subject },
      `Series purpose ${key.slice(-8)}`,
      items,
    );
  }
  for (const [occurrence, seriesKey, items] of [
    [
      secondOccurrence,
      firstSeries,
      deliverablesOf({ mid: [ANA.id, '2026-03-19'], ben2: [BEN.id, '2026-03-14'] }),
    ],
    [lastOccurrence, lastSeries, []],
  ] as const) {
    await save(
      { key: occurrence.iCalUId, subject: occurrence.subject, seriesKey, start: occurrence.start },
      `This week only: ${occurrence.subject}`,
      [...items],
    );
  }
  // Every other single meeting has its own; the first gives Ana and Ben deliverables.
  const singleMeetings = calendar.filter((e) => !e.seriesMasterId);
  for (const [i, meeting] of singleMeetings.entries()) {
    if (i % 2 === 1) continue;
    const items =
      i === 0
        ? deliverablesOf({
            late: [ANA.id, '2026-04-02'],
            ben: [BEN.id, '2026-03-12'],
            soon: [ANA.id, '2026-03-13'],
          })
        : [];
    await save(
      { key: meeting.iCalUId, subject: meeting.subject, start: meeting.start },
      `Purpose of ${meeting.subject}`,
      items,
    );
  }
  // Ana also owns a deliverable of a meeting long gone: Home lists it, without a subject.
  const outside = 'retro-last-month@rapport.test';
  const old = deliverablesOf({ old: [ANA.id, '2026-03-10'] });
  expect((await repo.upsertDeliverables(outside, old)).map((r) => r.kind)).toEqual(['saved']);
  deliverables.push({ meetingKey: outside, items: old });

  const mine = deliverables
    .flatMap(({ meetingKey, subject, items }) =>
      items
        .filter((d) => d.ownerId === ANA.id)
        .map((d): Stocked['mine'][number] => [meetingKey, d.id, d.due, subject]),
    )
    .sort((a, b) => a[2].localeCompare(b[2]));
  expect(mine).toHaveLength(5);
  return { calendar, seriesKeys, applied, mine };
}

/** Home's load as the app does it, and what it cost. */
async function loadHome(t: TestTenant): Promise<{ home: HomeSnapshot; cost: RequestSummary }> {
  const client = createGraphClient({
    baseUrl: t.url,
    getToken: () => t.token(ANA.upn),
    delaySeconds: 0,
  });
  await t.resetRequests();
  const home = await graphHomeReader(client, { siteId: SITE_ID }).load(now);
  return { home, cost: await t.requests() };
}

const httpBySize = new Map<number, number>();

describe.each([10, 50, 200])('Home with %i meetings in the next seven days', (total) => {
  let t: TestTenant;
  let stocked: Stocked;
  let home: HomeSnapshot;
  let cost: RequestSummary;

  beforeAll(async () => {
    t = await startTestTenant();
    stocked = await stockAnasWeek(t, total);
    ({ home, cost } = await loadHome(t));
    httpBySize.set(total, cost.http);
  }, 180_000);
  afterAll(async () => {
    await t.stop();
  });

  it(`costs at most ${String(MAX_HOME_HTTP_REQUESTS)} Graph HTTP requests, all of them $batch`, () => {
    expect(cost.http).toBeGreaterThan(0);
    expect(cost.http).toBeLessThanOrEqual(MAX_HOME_HTTP_REQUESTS);
    const topLevel = cost.requests.filter((r) => !r.batched);
    expect(topLevel.map((r) => `${r.method} ${r.path}`)).toEqual(
      topLevel.map(() => expect.stringMatching(/^POST .*\/\$batch$/)),
    );
    // The sub-requests answered: the calendar, the lists, the profile.
    const inside = cost.requests.filter((r) => r.batched);
    expect(inside.every((r) => r.status === 200)).toBe(true);
    expect(inside.some((r) => r.path.includes('/calendarView'))).toBe(true);
    expect(inside.some((r) => r.path.includes('/lists/Deliverables/'))).toBe(true);
    // Home's other sections: the week behind (feedback waiting) and the help routes.
    expect(inside.filter((r) => r.path.includes('/calendarView'))).toHaveLength(2);
    expect(inside.some((r) => r.path.includes('/lists/TeamResources/'))).toBe(true);
  });

  it('carries what feedback waiting and where to get help show, read in the same requests', () => {
    expect(home.recentMeetings.ok).toBe(true);
    expect(home.resources.ok).toBe(true);
  });

  it('holds every meeting of the week, with its series', () => {
    expect(home.me.id).toBe(ANA.id);
    expect(home.meetings).toHaveLength(total);
    const byKey = new Map(home.meetings.map((m) => [m.iCalUId, m]));
    for (const e of stocked.calendar) {
      const m = byKey.get(e.iCalUId);
      expect(m?.subject, e.subject).toBe(e.subject);
      expect(m?.start).toBe(e.start);
      expect(m?.seriesKey).toBe(
        e.seriesMasterId === undefined ? undefined : stocked.seriesKeys.get(e.seriesMasterId),
      );
    }
  });

  it('carries the expectations stored for each meeting: its own, else its series’', () => {
    const shown = new Map(home.meetings.map((m) => [m.iCalUId, m.expectations]));
    expect(shown).toEqual(stocked.applied);
    const scopes = home.meetings.map((m) => m.expectations?.scope);
    const occurrences = scopes.filter((s) => s === 'occurrence').length;
    const series = scopes.filter((s) => s === 'series').length;
    // A good share of the week: every other single meeting, and all but one series.
    expect(occurrences + series).toBeGreaterThanOrEqual(total / 3);
    expect(occurrences).toBeGreaterThanOrEqual(2);
    expect(series).toBeGreaterThanOrEqual(SERIES_LENGTH);
    expect(home.unreadable).toBe(0);
  });

  it('lists the deliverables Ana owns, soonest due first, with their meeting', () => {
    expect(
      home.deliverables.map((d) => [
        d.state.meetingKey,
        d.state.deliverable.id,
        d.state.deliverable.due,
        d.meetingSubject,
      ]),
    ).toEqual(stocked.mine);
    expect(home.deliverables.every((d) => d.state.deliverable.ownerId === ANA.id)).toBe(true);
    expect(home.deliverables.every((d) => (d.state.version?.etag ?? '') !== '')).toBe(true);
  });
});

describe('Home’s cost as the week fills up', () => {
  it('does not grow from 10 to 200 meetings', () => {
    const small = httpBySize.get(10);
    const large = httpBySize.get(200);
    expect(small).toBeDefined();
    expect(large).toBeLessThanOrEqual(small ?? 0);
  });
});
