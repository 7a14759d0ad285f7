import type { Deliverable, Expectations } from '../src/domain/expectations/schema';
import { upcomingWindow } from '../src/domain/meetings/upcoming-days';
import { instant } from '../src/domain/time/instant';
import { expectationsRepository } from '../src/graph/expectations/expectations-repository';
import { PEOPLE, SITES, upnOf } from '../src/local/tenant/seed/directory';
import type { BenchTenant } from './tenant';

/** Whose Home the bench opens (`homeUrl`). */
const USER = 'ana';
/** Occurrences of each daily series the bench adds, all inside the next seven days. */
const SERIES_LENGTH = 4;
/** Graph writes the bench sends at once. */
const CONCURRENCY = 20;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const idOf = (alias: string): string => {
  const p = PEOPLE.find((x) => x.alias === alias);
  if (!p) throw new Error(`The seed has no '${alias}'.`);
  return p.id;
};
const ANA_ID = idOf(USER);
const BEN_ID = idOf('ben');
/** Who the bench's meetings invite, two each, round the team. */
const GUESTS = PEOPLE.filter((p) => p.alias !== USER && p.alias !== 'olivia').map(upnOf);

interface WeekEvent {
  iCalUId: string;
  subject: string;
  start: { dateTime: string };
  seriesMasterId?: string | null;
}

/** What Ana's next seven days held when the bench had filled them. */
export interface WeekStock {
  meetings: number;
  /** Meetings with expectations stored for them or for their series. */
  withExpectations: number;
  /** Deliverables Ana owns, across meetings. */
  deliverables: number;
}

const utc = (ms: number): string => new Date(ms).toISOString().slice(0, 19);
const dateOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Runs `fn` over `items`, `CONCURRENCY` at a time. */
async function inChunks<T>(items: readonly T[], fn: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += CONCURRENCY) {
    await Promise.all(items.slice(i, i + CONCURRENCY).map(fn));
  }
}

const expectationsOf = (
  meetingKey: string,
  purpose: string,
  deliverables: Deliverable[],
): Expectations => ({
  schemaVersion: 1,
  meetingKey,
  purpose,
  outcome: 'Decisions written down.',
  agenda: [
    { title: 'Updates', minutes: 10 },
    { title: 'Decisions', minutes: 15 },
  ],
  roles: [{ kind: 'facilitator', holderId: ANA_ID }],
  deliverables,
  successMetrics: ['Every decision has an owner.'],
});

/**
 * Fills Ana's next seven days (real clock) up to a number of meetings through Graph, as Ana:
 * daily series and single meetings with two attendees each. Through the app's repository it
 * stores what Home shows with them: series-level expectations for every series in the week,
 * occurrence-level ones for every other single meeting, and deliverables, some of them Ana's.
 * Calls add up: each fills from what the week already holds.
 */
export function weekStocker(tenant: BenchTenant) {
  const repo = expectationsRepository(tenant.client(USER), { siteId: SITES.team.id });
  /** Meeting keys (occurrence iCalUIds, series masters' iCalUIds) that have expectations. */
  const stored = new Set<string>();
  const seriesKeys = new Map<string, string>();
  const seenSingles = new Set<string>();
  let invited = 0;
  let seriesMade = 0;
  let singlesStored = 0;
  let deliverables = 0;

  const readWeek = async (): Promise<WeekEvent[]> => {
    const { start, end } = upcomingWindow(instant(Date.now()));
    const query = `startDateTime=${utc(start)}Z&endDateTime=${utc(end)}Z&$top=1000&$select=iCalUId,subject,start,seriesMasterId`;
    const page = await tenant.graph<{ value: WeekEvent[] }>(
      USER,
      'GET',
      `/me/calendarView?${query}`,
    );
    return page.value;
  };

  const create = (subject: string, startMs: number, extra: Record<string, unknown> = {}) => {
    const guests = [GUESTS[invited % GUESTS.length], GUESTS[(invited + 1) % GUESTS.length]];
    invited += 2;
    return tenant.graph(USER, 'POST', '/me/events', {
      subject,
      start: { dateTime: utc(startMs), timeZone: 'UTC' },
      end: { dateTime: utc(startMs + 30 * 60_000), timeZone: 'UTC' },
      attendees: guests.map((address) => ({ emailAddress: { address }, type: 'required' })),
      ...extra,
    });
  };

  /** Daily series from tomorrow (each at its own time), and single meetings over six days. */
  const addMeetings = async (missing: number): Promise<void> => {
    const series = Math.min(Math.floor(missing / SERIES_LENGTH), Math.ceil(missing / 12));
    const singles = missing - series * SERIES_LENGTH;
    const now = Date.now();
    const firstDay = dateOf(now + DAY);
    const seriesStarts = Array.from(
      { length: series },
      (_, i) => Date.parse(`${firstDay}T06:00:00Z`) + (seriesMade + i) * 25 * 60_000,
    );
    seriesMade += series;
    await inChunks(seriesStarts, (at) =>
      create(`Bench series at ${utc(at).slice(11, 16)}`, at, {
        recurrence: {
          pattern: { type: 'daily', interval: 1 },
          range: {
            type: 'numbered',
            startDate: firstDay,
            numberOfOccurrences: SERIES_LENGTH,
            recurrenceTimeZone: 'UTC',
          },
        },
      }),
    );
    const singleStarts = Array.from(
      { length: singles },
      (_, i) => now + HOUR + Math.floor((i * 6 * DAY) / singles),
    );
    await inChunks(singleStarts, (at) => create(`Bench meeting at ${utc(at)}`, at));
  };

  const saveExpectations = async (
    key: string,
    purpose: string,
    items: Deliverable[],
    startUtc?: number,
  ): Promise<void> => {
    const saved = await repo.saveExpectations(expectationsOf(key, purpose, items), undefined, {
      organizerId: ANA_ID,
      ...(startUtc === undefined ? {} : { startUtc: instant(startUtc) }),
    });
    if (saved.kind !== 'saved') throw new Error(`Saving expectations for ${key}: ${saved.kind}`);
    const results = items.length > 0 ? await repo.upsertDeliverables(key, items) : [];
    const failed = results.find((r) => r.kind === 'conflict' || r.kind === 'invalid');
    if (failed) throw new Error(`Saving deliverables for ${key}: ${failed.kind}`);
    stored.add(key);
    deliverables += items.filter((d) => d.ownerId === ANA_ID).length;
  };

  /** Expectations (and deliverables) for the series and the single meetings not seen before. */
  const storeFor = async (week: WeekEvent[]): Promise<void> => {
    const masters = [...new Set(week.flatMap((e) => e.seriesMasterId ?? []))].filter(
      (id) => !seriesKeys.has(id),
    );
    await inChunks(masters, async (id) => {
      const master = await tenant.graph<{ iCalUId: string }>(
        USER,
        'GET',
        `/me/events/${id}?$select=iCalUId`,
      );
      seriesKeys.set(id, master.iCalUId);
      const due = dateOf(Date.now() + 3 * DAY);
      await saveExpectations(master.iCalUId, 'Keep the series on track.', [
        { id: 'weekly-notes', title: 'Weekly notes', ownerId: ANA_ID, due, status: 'onTrack' },
      ]);
    });
    const fresh = week.filter((e) => !e.seriesMasterId && !seenSingles.has(e.iCalUId));
    const chosen = fresh.filter((e) => {
      seenSingles.add(e.iCalUId);
      return seenSingles.size % 2 === 1;
    });
    // Every third of them gives Ana a deliverable, and Ben one beside it.
    const saves = chosen.map((e) => {
      singlesStored += 1;
      const start = Date.parse(`${e.start.dateTime.slice(0, 23)}Z`);
      const due = dateOf(start + DAY);
      const items: Deliverable[] =
        singlesStored % 3 === 1
          ? [
              {
                id: 'follow-up',
                title: 'Send the follow-up',
                ownerId: ANA_ID,
                due,
                status: 'notStarted',
              },
              {
                id: 'review',
                title: 'Review the notes',
                ownerId: BEN_ID,
                due,
                status: 'notStarted',
              },
            ]
          : [];
      return () => saveExpectations(e.iCalUId, `Decide on: ${e.subject}`, items, start);
    });
    await inChunks(saves, (save) => save());
  };

  return {
    /** Adds meetings until the week holds `target` (none when it already does), then stores. */
    async fillTo(target: number): Promise<WeekStock> {
      const before = await readWeek();
      if (before.length < target) await addMeetings(target - before.length);
      const week = await readWeek();
      await storeFor(week);
      const withExpectations = week.filter(
        (e) =>
          stored.has(e.iCalUId) ||
          (e.seriesMasterId && stored.has(seriesKeys.get(e.seriesMasterId) ?? '')),
      ).length;
      return { meetings: week.length, withExpectations, deliverables };
    },
  };
}
