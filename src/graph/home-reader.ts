import type { Client } from '@microsoft/microsoft-graph-client';
import type * as G from '@microsoft/microsoft-graph-types';
import type {
  HomeReader,
  HomeSection,
  HomeSnapshot,
  MeetingResponse,
  MeetingSummary,
} from '../domain/meetings/meeting';
import { upcomingWindow } from '../domain/meetings/upcoming-days';
import { dueRound } from '../domain/social/program';
import { roundKey } from '../domain/social/round';
import { instant, type Instant } from '../domain/time/instant';
import { toIanaZone } from '../domain/time/zones';
import {
  GraphWordsError,
  READ_TARGET_WORDS,
  type GraphReadTarget,
} from '../domain/ports/graph-words';
import { runBatch, type BatchResult } from './batch';
import { relativeNextLink } from './client';
import { resourcesFromItems, teamResourcesQuery } from './commitments/resources-store';
import {
  deliverablesByOwnerQuery,
  expectationsByKeysQuery,
  expectationsByStartQuery,
  MAX_KEYS_PER_QUERY,
  parseDeliverableItems,
  parseExpectationsItems,
  storageKey,
} from './expectations/expectations-repository';
import { recentMeetingsQuery, toRecentMeetings } from './meetings/recent-meetings';
import { parsePrograms, programsQuery } from './social/programs-repository';
import { parseRounds, roundsByKeysQuery } from './social/rounds-repository';

const EVENT_FIELDS = [
  'id',
  'iCalUId',
  'subject',
  'start',
  'end',
  'isAllDay',
  'isOnlineMeeting',
  'onlineMeeting',
  'organizer',
  'isOrganizer',
  'isCancelled',
  'responseStatus',
  'seriesMasterId',
  'type',
].join(',');

/**
 * Graph's largest calendarView page, so any week of up to 1000 meetings costs one request; more
 * come through nextLink.
 */
const PAGE = 1000;
const DAY_MS = 86_400_000;

const RESPONSES: Record<string, MeetingResponse> = {
  organizer: 'organizer',
  accepted: 'accepted',
  tentativelyAccepted: 'tentative',
  declined: 'declined',
};

/** Graph's UTC dateTime ("2026-03-11T16:00:00.0000000", zone UTC) as an instant. */
const utcInstant = (d: G.DateTimeTimeZone | null | undefined): Instant =>
  instant(Date.parse(`${(d?.dateTime ?? '').slice(0, 23)}Z`));

export function toMeetingSummary(e: G.Event): MeetingSummary {
  return {
    id: e.id ?? '',
    iCalUId: e.iCalUId ?? '',
    subject: e.subject ?? '',
    start: utcInstant(e.start),
    end: utcInstant(e.end),
    isAllDay: e.isAllDay ?? false,
    isOnline: e.isOnlineMeeting ?? false,
    ...(e.onlineMeeting?.joinUrl ? { joinUrl: e.onlineMeeting.joinUrl } : {}),
    organizerName: e.organizer?.emailAddress?.name ?? '',
    isOrganizer: e.isOrganizer ?? false,
    isCancelled: e.isCancelled ?? false,
    response: RESPONSES[e.responseStatus?.response ?? ''] ?? 'notResponded',
    ...(e.seriesMasterId ? { seriesMasterId: e.seriesMasterId } : {}),
  };
}

interface ListPage {
  value: G.ListItem[];
  '@odata.nextLink'?: string;
}

interface CalendarPage {
  value: G.Event[];
  '@odata.nextLink'?: string;
}

function bodyOf(r: BatchResult | undefined, what: GraphReadTarget): unknown {
  if (!r || r.status >= 400) {
    const message = (r?.body as { error?: { message?: string } } | undefined)?.error?.message;
    throw new GraphWordsError(
      {
        code: 'readFailed',
        what,
        ...(message ? { detail: message } : {}),
        ...(r === undefined ? {} : { status: r.status }),
      },
      `Could not read ${READ_TARGET_WORDS[what]}${message ? `: ${message}` : ''} (${String(r?.status ?? 'no answer')}).`,
    );
  }
  return r.body;
}

/** Answers that mean "this person cannot use the team site", not "Graph failed". */
const NO_SITE_ACCESS = new Set([403, 404]);

const noSiteAccess = (...results: (BatchResult | undefined)[]): boolean =>
  results.some((r) => r !== undefined && NO_SITE_ACCESS.has(r.status));

const EMPTY_LIST: ListPage = { value: [] };

/** Follows a list's nextLink pages after the first (rare: one page holds 500 or 1000). */
async function allPages<T>(client: Client, first: { value: T[]; '@odata.nextLink'?: string }) {
  let page = first;
  const values = [...page.value];
  while (page['@odata.nextLink']) {
    page = (await client.api(relativeNextLink(page['@odata.nextLink'])).get()) as typeof first;
    values.push(...page.value);
  }
  return values;
}

/** A section's failure stays in that section: the rest of Home still shows. */
async function section<T>(read: () => Promise<T>): Promise<HomeSection<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    return { ok: false, error };
  }
}

export interface HomeReaderOptions {
  /** The team site holding the Expectations and Deliverables lists. */
  siteId: string;
}

/**
 * Home's whole first screen in two `$batch` requests, whatever the number of meetings:
 * 1. who I am, my time zone, my next seven days, my series masters (for their iCalUIds), the
 *    expectations stored for occurrences starting in the window (one indexed range query), and
 *    what Home's other sections show: my meetings of the last seven days (for feedback waiting)
 *    and the team's help routes;
 * 2. my deliverables (needs my id) and the series-level expectations of the series in the window
 *    (keys known only after 1; 10 keys per query, so up to 190 series fit in one envelope).
 * Times come back in UTC and are shown in the mailbox's zone.
 */
export function graphHomeReader(client: Client, options: HomeReaderOptions): HomeReader {
  return {
    async load(now) {
      const { start, end } = upcomingWindow(now);
      const startIso = new Date(start).toISOString();
      const endIso = new Date(end).toISOString();
      // A meeting already under way is still on Home; its record was stored with its start, before
      // the window opens. A day back covers any meeting short of a multi-day event.
      const recordsFromIso = new Date(start - DAY_MS).toISOString();
      const view = `/me/calendarView?startDateTime=${startIso}&endDateTime=${endIso}&$top=${String(PAGE)}&$select=${EVENT_FIELDS}`;
      const first = await runBatch(client, [
        { id: 'me', method: 'GET', url: '/me?$select=id,displayName,mail,userPrincipalName' },
        { id: 'mailbox', method: 'GET', url: '/me/mailboxSettings?$select=timeZone' },
        { id: 'view', method: 'GET', url: view },
        {
          id: 'masters',
          method: 'GET',
          url: `/me/events?$filter=type eq 'seriesMaster'&$select=id,iCalUId&$top=${String(PAGE)}`,
        },
        {
          id: 'occurrences',
          method: 'GET',
          url: expectationsByStartQuery(options.siteId, recordsFromIso, endIso),
        },
        { id: 'programs', method: 'GET', url: programsQuery(options.siteId) },
        { id: 'recent', method: 'GET', url: recentMeetingsQuery(now) },
        { id: 'resources', method: 'GET', url: teamResourcesQuery(options.siteId) },
      ]);
      const me = bodyOf(first.get('me'), 'profile') as G.User;
      const mailbox = bodyOf(first.get('mailbox'), 'mailboxSettings') as G.MailboxSettings;
      const siteClosed = noSiteAccess(first.get('occurrences'));
      const [events, masters, occurrenceItems, programItems, recentMeetings, resources] =
        await Promise.all([
          allPages(client, bodyOf(first.get('view'), 'calendar') as CalendarPage),
          allPages(client, bodyOf(first.get('masters'), 'recurringMeetings') as CalendarPage),
          allPages(
            client,
            siteClosed
              ? EMPTY_LIST
              : (bodyOf(first.get('occurrences'), 'meetingExpectations') as ListPage),
          ),
          allPages(
            client,
            siteClosed ? EMPTY_LIST : (bodyOf(first.get('programs'), 'coffeePrograms') as ListPage),
          ),
          section(async () =>
            toRecentMeetings(
              await allPages(client, bodyOf(first.get('recent'), 'recentMeetings') as CalendarPage),
              now,
            ),
          ),
          section(async () =>
            resourcesFromItems(
              await allPages(client, bodyOf(first.get('resources'), 'teamResources') as ListPage),
              options.siteId,
            ),
          ),
        ]);
      const seriesKeyById = new Map(
        masters.flatMap((m) => (m.id && m.iCalUId ? [[m.id, m.iCalUId] as const] : [])),
      );
      const meetings = events.map((e) => {
        const summary = toMeetingSummary(e);
        const seriesKey = e.seriesMasterId ? seriesKeyById.get(e.seriesMasterId) : undefined;
        return seriesKey === undefined ? summary : { ...summary, seriesKey };
      });

      const meId = me.id ?? '';
      const seriesKeys = [...new Set(meetings.flatMap((m) => (m.seriesKey ? [m.seriesKey] : [])))];
      const storageKeys = await Promise.all(seriesKeys.map((k) => storageKey(k)));
      const keyChunks: string[][] = [];
      for (let i = 0; i < storageKeys.length; i += MAX_KEYS_PER_QUERY) {
        keyChunks.push(storageKeys.slice(i, i + MAX_KEYS_PER_QUERY));
      }
      // The rounds due now in the programs I joined, by key: one `or` query per ten programs.
      const myPrograms = parsePrograms(programItems).programs.flatMap(({ program }) =>
        program.members.some((m) => m.id === meId) ? [program] : [],
      );
      const roundKeys = myPrograms.flatMap((p) => {
        const n = dueRound(p, now);
        return n === undefined ? [] : [roundKey(p.id, n)];
      });
      const roundChunks: string[][] = [];
      for (let i = 0; i < roundKeys.length; i += MAX_KEYS_PER_QUERY) {
        roundChunks.push(roundKeys.slice(i, i + MAX_KEYS_PER_QUERY));
      }
      const second = siteClosed
        ? new Map<string, BatchResult>()
        : await runBatch(client, [
            { id: 'mine', method: 'GET', url: deliverablesByOwnerQuery(options.siteId, meId) },
            ...keyChunks.map((keys, i) => ({
              id: `series${String(i)}`,
              method: 'GET' as const,
              url: expectationsByKeysQuery(options.siteId, keys),
            })),
            ...roundChunks.map((keys, i) => ({
              id: `rounds${String(i)}`,
              method: 'GET' as const,
              url: roundsByKeysQuery(options.siteId, keys),
            })),
          ]);
      const listOf = (id: string, what: GraphReadTarget): ListPage =>
        siteClosed ? EMPTY_LIST : (bodyOf(second.get(id), what) as ListPage);
      const seriesItems = (
        await Promise.all(
          keyChunks.map((_, i) =>
            allPages(client, listOf(`series${String(i)}`, 'seriesExpectations')),
          ),
        )
      ).flat();
      const mineItems = await allPages(client, listOf('mine', 'deliverables'));
      const roundItems = (
        await Promise.all(
          roundChunks.map((_, i) => allPages(client, listOf(`rounds${String(i)}`, 'coffeeRounds'))),
        )
      ).flat();

      const expectations = parseExpectationsItems([...occurrenceItems, ...seriesItems]);
      const byKey = new Map(
        expectations.found.map((r) => [r.expectations.meetingKey, r.expectations] as const),
      );
      // An occurrence whose own record cannot be read must not show the series' expectations as
      // if they applied: the meeting tab explains the unreadable record instead.
      const unreadableKeys = new Set(expectations.invalid.map((i) => i.key));
      const ownKeys = await Promise.all(meetings.map((m) => storageKey(m.iCalUId)));
      const withExpectations = meetings.map((m, i): MeetingSummary => {
        const own = byKey.get(m.iCalUId);
        const series =
          m.seriesKey === undefined || unreadableKeys.has(ownKeys[i] ?? '')
            ? undefined
            : byKey.get(m.seriesKey);
        const applies = own ?? series;
        return applies === undefined
          ? m
          : {
              ...m,
              expectations: { purpose: applies.purpose, scope: own ? 'occurrence' : 'series' },
            };
      });
      const subjects = new Map<string, string>();
      for (const m of meetings) {
        subjects.set(m.iCalUId, m.subject);
        if (m.seriesKey) subjects.set(m.seriesKey, m.subject);
      }
      const deliverables = parseDeliverableItems(mineItems);
      const snapshot: HomeSnapshot = {
        me: {
          id: meId,
          displayName: me.displayName ?? '',
          mail: me.mail ?? me.userPrincipalName ?? '',
        },
        timeZone: toIanaZone(mailbox.timeZone ?? 'UTC') ?? 'UTC',
        meetings: withExpectations,
        deliverables: deliverables.items.map((item) => {
          const subject = subjects.get(item.meetingKey) ?? item.meetingSubject;
          return {
            state: {
              meetingKey: item.meetingKey,
              deliverable: item.deliverable,
              version: {
                itemId: item.itemId,
                etag: item.etag,
                ...(item.lastModifiedBy ? { lastModifiedBy: item.lastModifiedBy } : {}),
                ...(item.lastModifiedDateTime
                  ? { lastModifiedDateTime: item.lastModifiedDateTime }
                  : {}),
              },
              ...(item.statusSetBy === undefined ? {} : { statusSetBy: item.statusSetBy }),
              ...(item.meetingSubject === undefined ? {} : { meetingSubject: item.meetingSubject }),
              ...(item.helpAsked === undefined ? {} : { helpAsked: item.helpAsked }),
            },
            ...(subject === undefined ? {} : { meetingSubject: subject }),
          };
        }),
        unreadable: expectations.invalid.length + deliverables.invalid.length,
        social: { programs: myPrograms, rounds: parseRounds(roundItems).rounds },
        recentMeetings,
        resources,
        ...(siteClosed
          ? {
              expectationsUnavailable:
                'Meeting expectations are kept on your team’s site, which Rapport cannot open for you. Ask your team owner to add you to the team.',
            }
          : {}),
      };
      return snapshot;
    },
  };
}
