import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type * as G from '@microsoft/microsoft-graph-types';
import type { MeetingRef, MeetingResolution } from '../../domain/meetings/meeting-ref';
import { instant, type Instant } from '../../domain/time/instant';
import { relativeNextLink } from '../client';

/**
 * Finds the meeting a Teams tab is in (ARCHITECTURE.md, "Which meeting a tab is in"): the chat's
 * join URL, then the person's own copy of the event in their calendar around now, nearest
 * occurrence first. `calendarEventId` from the chat is the organizer's mailbox id and is never used.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far around now the tab looks for its occurrence. */
export const RESOLVE_WINDOW = { beforeMs: DAY_MS, afterMs: 14 * DAY_MS } as const;

const EVENT_FIELDS = [
  'id',
  'iCalUId',
  'subject',
  'start',
  'end',
  'onlineMeeting',
  'isOrganizer',
  'organizer',
  'seriesMasterId',
  'isCancelled',
  'isDraft',
].join(',');

const statusOf = (err: unknown): number | undefined =>
  err instanceof GraphError ? err.statusCode : undefined;

/** Join URLs arrive encoded differently (chat vs. event); compare them decoded. */
export function sameJoinUrl(a: string, b: string): boolean {
  const decode = (url: string): string => {
    let out = url.trim();
    // Some copies are encoded twice; decode until stable (bounded).
    for (let i = 0; i < 3; i++) {
      try {
        const next = decodeURIComponent(out);
        if (next === out) break;
        out = next;
      } catch {
        break;
      }
    }
    return out;
  };
  return decode(a) === decode(b);
}

/** Graph's UTC dateTime ("2026-03-11T16:00:00.0000000", zone UTC) as an instant. */
const utcInstant = (d: G.DateTimeTimeZone | null | undefined): Instant =>
  instant(Date.parse(`${(d?.dateTime ?? '').slice(0, 23)}Z`));

/** `GET /chats/{id}`: the meeting's join URL, or undefined when there is no meeting chat to read. */
export async function getMeetingJoinUrl(
  client: Client,
  chatId: string,
): Promise<string | undefined> {
  try {
    const chat = (await client
      .api(`/chats/${encodeURIComponent(chatId)}`)
      .select('id,chatType,onlineMeetingInfo')
      .get()) as G.Chat;
    return chat.onlineMeetingInfo?.joinWebUrl ?? undefined;
  } catch (err) {
    // 404: no such chat; 403: the caller is not a member, which Teams treats as not there.
    const status = statusOf(err);
    if (status === 404 || status === 403) return undefined;
    throw err;
  }
}

/** `GET /me/calendarView` around now (every page): the person's own events in the window. */
export async function getOwnEventsAround(client: Client, now: Instant): Promise<G.Event[]> {
  const start = new Date(now - RESOLVE_WINDOW.beforeMs).toISOString();
  const end = new Date(now + RESOLVE_WINDOW.afterMs).toISOString();
  const events: G.Event[] = [];
  let next: string | undefined =
    `/me/calendarView?startDateTime=${start}&endDateTime=${end}` +
    `&$select=${EVENT_FIELDS}&$top=1000`;
  while (next !== undefined) {
    const page = (await client.api(next).header('Prefer', 'outlook.timezone="UTC"').get()) as {
      value: G.Event[];
      '@odata.nextLink'?: string;
    };
    events.push(...page.value);
    const link = page['@odata.nextLink'];
    next = link === undefined ? undefined : relativeNextLink(link);
  }
  return events;
}

/** `GET /me/events/{seriesMasterId}?$select=iCalUId`: the series key of an occurrence. */
export async function getSeriesKey(client: Client, seriesMasterId: string): Promise<string> {
  const master = (await client
    .api(`/me/events/${encodeURIComponent(seriesMasterId)}`)
    .select('iCalUId')
    .get()) as G.Event;
  if (!master.iCalUId) throw new Error('The series master has no iCalUId.');
  return master.iCalUId;
}

/** Distance from now to an event: zero while it runs, otherwise to its nearer edge. */
const distance = (e: G.Event, now: Instant): number => {
  const start = utcInstant(e.start);
  const end = utcInstant(e.end);
  if (now < start) return start - now;
  if (now > end) return now - end;
  return 0;
};

/** Picks the person's copy of the meeting with this join URL nearest to now, if any. */
export function pickNearestCopy(
  events: readonly G.Event[],
  joinUrl: string,
  now: Instant,
): G.Event | undefined {
  let best: G.Event | undefined;
  for (const e of events) {
    const url = e.onlineMeeting?.joinUrl;
    if (!url || e.isCancelled === true || !e.iCalUId || !sameJoinUrl(url, joinUrl)) continue;
    if (!best || distance(e, now) < distance(best, now)) best = e;
  }
  return best;
}

/** Chat → join URL → the person's own copy nearest to now → its iCalUId (and the series key). */
export async function resolveMeeting(
  client: Client,
  chatId: string,
  now: Instant,
): Promise<MeetingResolution> {
  const joinUrl = await getMeetingJoinUrl(client, chatId);
  if (joinUrl === undefined) {
    return {
      kind: 'notFound',
      reason: 'noMeetingChat',
      message: "This chat isn't a meeting chat you are in, so there is no meeting to show.",
      words: { code: 'noMeetingChat' },
    };
  }
  const copy = pickNearestCopy(await getOwnEventsAround(client, now), joinUrl, now);
  if (!copy) {
    return {
      kind: 'notFound',
      reason: 'notInCalendar',
      message:
        "This meeting isn't in your calendar between yesterday and the next two weeks; ask the organizer to invite you.",
      words: { code: 'notInCalendarWindow' },
    };
  }
  return { kind: 'found', meeting: await meetingRefOf(client, copy) };
}

/** The person's own copy as a MeetingRef, with the series key looked up when it is an occurrence. */
async function meetingRefOf(client: Client, copy: G.Event): Promise<MeetingRef> {
  const seriesKey = copy.seriesMasterId
    ? await getSeriesKey(client, copy.seriesMasterId)
    : undefined;
  return {
    eventId: copy.id ?? '',
    iCalUId: copy.iCalUId ?? '',
    ...(seriesKey === undefined ? {} : { seriesKey }),
    ...(copy.seriesMasterId ? { seriesMasterId: copy.seriesMasterId } : {}),
    subject: copy.subject ?? '',
    start: utcInstant(copy.start),
    end: utcInstant(copy.end),
    isOrganizer: copy.isOrganizer ?? false,
    organizer: {
      name: copy.organizer?.emailAddress?.name ?? '',
      address: copy.organizer?.emailAddress?.address ?? '',
    },
    ...(copy.isDraft === true ? { isDraft: true } : {}),
  };
}

/** `GET /me/events/{id}`: one of the person's own events, by its id in their mailbox. */
export async function getOwnEvent(client: Client, eventId: string): Promise<G.Event | undefined> {
  try {
    return (await client
      .api(`/me/events/${encodeURIComponent(eventId)}`)
      .header('Prefer', 'outlook.timezone="UTC"')
      .select(EVENT_FIELDS)
      .get()) as G.Event;
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
}

/** A meeting opened from Home, by the person's own event id. */
export async function resolveOwnEvent(client: Client, eventId: string): Promise<MeetingResolution> {
  const event = await getOwnEvent(client, eventId);
  if (!event?.iCalUId || event.isCancelled === true) {
    return {
      kind: 'notFound',
      reason: 'notInCalendar',
      message: 'This meeting is no longer in your calendar.',
      words: { code: 'noLongerInCalendar' },
    };
  }
  return { kind: 'found', meeting: await meetingRefOf(client, event) };
}
