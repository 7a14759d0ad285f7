import type { Program } from '../social/program';
import type { Round } from '../social/round';
import type { ResourcesRead } from '../ports/commitments';
import type { DeliverableState } from '../ports/expectations';
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
  /** The series master's iCalUId, for records set on the whole series. */
  seriesKey?: string;
  /** The expectations that apply, when any: the occurrence's own or the series'. */
  expectations?: { purpose: string; scope: 'occurrence' | 'series' };
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
  /** Deliverables I own across meetings, soonest due first. */
  deliverables: HomeDeliverable[];
  /** Stored items Rapport could not read (changed outside the app); counted, never dropped. */
  unreadable: number;
  /**
   * Set when the team site holding expectations could not be read for this person (not a member,
   * or the site is missing): meetings still show, without expectations or deliverables.
   */
  expectationsUnavailable?: string;
  /** Coffee programs I joined, and their current rounds where planned. */
  social: { programs: Program[]; rounds: Round[] };
  /**
   * My meetings that ended in the last seven days, for "Feedback waiting": read with the rest so
   * Home's request budget holds, yet failing on its own.
   */
  recentMeetings: HomeSection<RecentMeeting[]>;
  /** The team's help routes and resources, for "Where to get help" (and asking for help). */
  resources: HomeSection<ResourcesRead>;
}

/** A part of Home read in the same request as the rest, whose failure shows only in its section. */
export type HomeSection<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** A meeting of mine that ended recently, as Home's feedback list needs it. */
export interface RecentMeeting {
  /** The occurrence's iCalUId, the key a poll is filed under. */
  meetingKey: string;
  subject: string;
  end: Instant;
  organizer: { address: string; isMe: boolean };
}

export interface HomeDeliverable {
  state: DeliverableState;
  /** The meeting's subject when it is in the window Home read. */
  meetingSubject?: string;
}

/** Reads Home's data; implemented over Graph, faked nowhere in the product. */
export interface HomeReader {
  load(now: Instant): Promise<HomeSnapshot>;
}
