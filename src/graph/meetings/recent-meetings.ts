import type { Client } from '@microsoft/microsoft-graph-client';
import type * as G from '@microsoft/microsoft-graph-types';
import { instant, type Instant } from '../../domain/time/instant';
import { relativeNextLink } from '../client';

/** How far back Home looks for feedback waiting: a poll closes seven days after its meeting ends. */
export const RECENT_DAYS = 7;
const DAY_MS = 86_400_000;

export interface EndedMeeting {
  /** The occurrence's iCalUId, the key a poll is filed under. */
  meetingKey: string;
  subject: string;
  end: Instant;
  organizer: { address: string; isMe: boolean };
}

interface CalendarPage {
  value: G.Event[];
  '@odata.nextLink'?: string;
}

const utcInstant = (d: G.DateTimeTimeZone | null | undefined): Instant =>
  instant(Date.parse(`${(d?.dateTime ?? '').slice(0, 23)}Z`));

/**
 * My meetings that ended in the last seven days, from my own calendar: one `calendarView` request
 * (1000 a page). Cancelled ones are left out; a meeting still going on is not "ended".
 */
export async function endedMeetings(client: Client, now: Instant): Promise<EndedMeeting[]> {
  const from = new Date(now - RECENT_DAYS * DAY_MS).toISOString();
  const to = new Date(now).toISOString();
  let page = (await client
    .api(
      `/me/calendarView?startDateTime=${from}&endDateTime=${to}&$top=1000&$select=iCalUId,subject,end,isCancelled,organizer,isOrganizer`,
    )
    .get()) as CalendarPage;
  const events = [...page.value];
  while (page['@odata.nextLink']) {
    page = (await client.api(relativeNextLink(page['@odata.nextLink'])).get()) as CalendarPage;
    events.push(...page.value);
  }
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
