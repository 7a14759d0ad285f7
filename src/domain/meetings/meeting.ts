import type { Instant } from '../time/instant';

export type MeetingResponse = 'organizer' | 'accepted' | 'tentative' | 'declined' | 'notResponded';

/** A meeting as the signed-in person's own calendar shows it. */
export interface MeetingSummary {
  /** The item id in this person's mailbox. */
  id: string;
  /** The same in every attendee's copy: the key for anything Rapport stores about the meeting. */
  iCalUId: string;
  subject: string;
  start: Instant;
  end: Instant;
  isAllDay: boolean;
  isOnline: boolean;
  joinUrl?: string;
  organizerName: string;
  isOrganizer: boolean;
  isCancelled: boolean;
  response: MeetingResponse;
  seriesMasterId?: string;
}

export interface Person {
  id: string;
  displayName: string;
  mail: string;
}

/** Everything Home's first screen needs, read in one go. */
export interface HomeSnapshot {
  me: Person;
  /** IANA zone of the person's mailbox settings (Windows names already mapped). */
  timeZone: string;
  meetings: MeetingSummary[];
}

/** Reads Home's data; implemented over Graph, faked nowhere in the product. */
export interface HomeReader {
  load(now: Instant): Promise<HomeSnapshot>;
}
