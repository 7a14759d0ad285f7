import type { GraphWords } from '../ports/graph-words';
import type { Instant } from '../time/instant';

/**
 * The meeting a tab is in, as the signed-in person's own calendar holds it (ARCHITECTURE.md,
 * "Which meeting a tab is in"). `iCalUId` is the same in every attendee's copy and keys everything
 * Rapport stores about the occurrence; `seriesKey` (the series master's `iCalUId`) keys records
 * that apply to the whole series.
 */
export interface MeetingRef {
  /** The item id in this person's mailbox (differs between attendees). */
  eventId: string;
  iCalUId: string;
  seriesKey?: string;
  /** The series master's item id in this person's mailbox (the invite of a whole series). */
  seriesMasterId?: string;
  subject: string;
  start: Instant;
  end: Instant;
  isOrganizer: boolean;
  organizer: { name: string; address: string };
  /** Saved in Outlook but not sent yet (Graph's `isDraft`): no attendee has it. */
  isDraft?: boolean;
}

export type MeetingNotFoundReason =
  /** The chat does not exist, the person is not in it, or it is not a meeting's chat. */
  | 'noMeetingChat'
  /** The chat is a meeting's, but no copy of that meeting is in this person's calendar now. */
  | 'notInCalendar';

export type MeetingResolution =
  | { kind: 'found'; meeting: MeetingRef }
  | { kind: 'notFound'; reason: MeetingNotFoundReason; message: string; words?: GraphWords };
