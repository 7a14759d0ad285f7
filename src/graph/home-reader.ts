import type { Client } from '@microsoft/microsoft-graph-client';
import type * as G from '@microsoft/microsoft-graph-types';
import type {
  HomeReader,
  HomeSnapshot,
  MeetingResponse,
  MeetingSummary,
} from '../domain/meetings/meeting';
import { upcomingWindow } from '../domain/meetings/upcoming-days';
import { instant, type Instant } from '../domain/time/instant';
import { toIanaZone } from '../domain/time/zones';
import { runBatch, type BatchResult } from './batch';
import { relativeNextLink } from './client';

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

interface CalendarPage {
  value: G.Event[];
  '@odata.nextLink'?: string;
}

function bodyOf(r: BatchResult | undefined, what: string): unknown {
  if (!r || r.status >= 400) {
    const message = (r?.body as { error?: { message?: string } } | undefined)?.error?.message;
    throw new Error(
      `Could not read ${what}${message ? `: ${message}` : ''} (${String(r?.status ?? 'no answer')}).`,
    );
  }
  return r.body;
}

/**
 * Home's whole first screen in one `$batch`: who I am, my time zone, my next seven days.
 * Times come back in UTC and are shown in the mailbox's zone, so one round trip is enough.
 */
export function graphHomeReader(client: Client): HomeReader {
  return {
    async load(now) {
      const { start, end } = upcomingWindow(now);
      const view = `/me/calendarView?startDateTime=${new Date(start).toISOString()}&endDateTime=${new Date(end).toISOString()}&$top=${String(PAGE)}&$select=${EVENT_FIELDS}`;
      const results = await runBatch(client, [
        { id: 'me', method: 'GET', url: '/me?$select=id,displayName,mail,userPrincipalName' },
        { id: 'mailbox', method: 'GET', url: '/me/mailboxSettings?$select=timeZone' },
        { id: 'view', method: 'GET', url: view },
      ]);
      const me = bodyOf(results.get('me'), 'your profile') as G.User;
      const mailbox = bodyOf(results.get('mailbox'), 'your mailbox settings') as G.MailboxSettings;
      let page = bodyOf(results.get('view'), 'your calendar') as CalendarPage;
      const events = [...page.value];
      while (page['@odata.nextLink']) {
        page = (await client.api(relativeNextLink(page['@odata.nextLink'])).get()) as CalendarPage;
        events.push(...page.value);
      }
      const snapshot: HomeSnapshot = {
        me: {
          id: me.id ?? '',
          displayName: me.displayName ?? '',
          mail: me.mail ?? me.userPrincipalName ?? '',
        },
        timeZone: toIanaZone(mailbox.timeZone ?? 'UTC') ?? 'UTC',
        meetings: events.map(toMeetingSummary),
      };
      return snapshot;
    },
  };
}
