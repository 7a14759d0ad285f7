import type { Client } from '@microsoft/microsoft-graph-client';
import type * as G from '@microsoft/microsoft-graph-types';
import { escapeHtml } from '../../domain/expectations/html-escape';
import type { Instant } from '../../domain/time/instant';
import { idempotentWrite } from '../client';

export interface SlotBooking {
  /**
   * Stable for one group in one round (e.g. `${roundKey}:${groupIndex}`): Exchange keeps one event
   * per organizer and transactionId, so a retried or repeated booking returns the first event.
   */
  transactionId: string;
  subject: string;
  /** The round's ice-breaker prompt; plain text, escaped into the body. */
  prompt: string;
  start: Instant;
  end: Instant;
  attendees: readonly { mail: string; name: string }[];
}

const utcDateTime = (at: Instant): G.DateTimeTimeZone => ({
  dateTime: new Date(at).toISOString().slice(0, 19),
  timeZone: 'UTC',
});

/**
 * `POST /me/events`: the group's slot as a Teams meeting in the host's calendar, invitations to
 * the others. Marked idempotent, so a dropped answer is re-sent: the transactionId makes the
 * second send return the event the first one created instead of a duplicate.
 */
export async function bookSlot(client: Client, booking: SlotBooking): Promise<G.Event> {
  const body: G.Event = {
    subject: booking.subject,
    body: {
      contentType: 'html',
      content: `<p>${escapeHtml(booking.prompt)}</p><p>Booked by Rapport for your team’s coffee program. Decline freely; nobody is told.</p>`,
    },
    start: utcDateTime(booking.start),
    end: utcDateTime(booking.end),
    attendees: booking.attendees.map((a) => ({
      emailAddress: { address: a.mail, name: a.name },
      type: 'required',
    })),
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    allowNewTimeProposals: true,
    showAs: 'busy',
    transactionId: booking.transactionId,
  };
  return (await client.api('/me/events').headers(idempotentWrite).post(body)) as G.Event;
}

/**
 * The host's own event booked with this transactionId over the slot, if an earlier booking
 * landed and its answer was lost. Only the organizer's copy carries the transactionId.
 */
export async function findBookedEvent(
  client: Client,
  transactionId: string,
  slot: { start: Instant; end: Instant },
): Promise<G.Event | undefined> {
  const from = new Date(slot.start).toISOString();
  const to = new Date(slot.end).toISOString();
  const page = (await client
    .api('/me/calendarView')
    .query({ startDateTime: from, endDateTime: to })
    .select('id,transactionId')
    .top(100)
    .get()) as { value: G.Event[] };
  return page.value.find((e) => e.transactionId === transactionId);
}
