import type * as G from '@microsoft/microsoft-graph-types';
import type { RecentMeeting } from '../../domain/meetings/meeting';
import { instant, type Instant } from '../../domain/time/instant';

/** How far back Home looks for feedback waiting: a poll closes seven days after its meeting ends. */
const RECENT_DAYS = 7;
const DAY_MS = 86_400_000;

const utcInstant = (d: G.DateTimeTimeZone | null | undefined): Instant =>
  instant(Date.parse(`${(d?.dateTime ?? '').slice(0, 23)}Z`));

/**
 * My calendar over the last seven days, 1000 a page: a relative URL Home sends inside its first
 * `$batch`, so feedback waiting costs no Graph request of its own. Read with `toRecentMeetings`.
 */
export function recentMeetingsQuery(now: Instant): string {
  const from = new Date(now - RECENT_DAYS * DAY_MS).toISOString();
  const to = new Date(now).toISOString();
  return `/me/calendarView?startDateTime=${from}&endDateTime=${to}&$top=1000&$select=iCalUId,subject,end,isCancelled,organizer,isOrganizer`;
}

/** My meetings that ended: cancelled ones are left out; a meeting still going on is not "ended". */
export function toRecentMeetings(events: readonly G.Event[], now: Instant): RecentMeeting[] {
  return events.flatMap((e) => {
    const end = utcInstant(e.end);
    if (!e.iCalUId || e.isCancelled || !(end <= now)) return [];
    return [
      {
        meetingKey: e.iCalUId,
        subject: e.subject ?? '',
        end,
        organizer: {
          address: e.organizer?.emailAddress?.address ?? '',
          isMe: e.isOrganizer ?? false,
        },
      },
    ];
  });
}
