import type { z } from 'zod';
import type { HelpAsked } from '../commitments/help-request';
import type { InviteWords } from '../expectations/invite-section';
import type { MergeConflict } from '../expectations/merge';
import type { Deliverable, DeliverableStatus, Expectations } from '../expectations/schema';
import type { TeamTemplate } from '../expectations/team-templates';
import type { GraphWords } from './graph-words';
import type { MeetingRef } from '../meetings/meeting-ref';
import type { Person } from '../meetings/meeting';
import type { Instant } from '../time/instant';

/**
 * What the meeting tab and Home need for expectations; the graph layer implements it over the
 * team site's lists and the organizer's event, screens see only this.
 */

/** A stored item's version: the ETag for the next write and who wrote it last (SharePoint's word). */
export interface StoredVersion {
  itemId: string;
  etag: string;
  lastModifiedBy?: { id?: string; displayName?: string };
  lastModifiedDateTime?: string;
}

/** An attendee of the meeting as the person's own copy lists them, with the directory's id. */
export interface Attendee {
  /** Entra object id; absent for guests without an account, rooms and distribution lists. */
  id?: string;
  name: string;
  mail: string;
  isOrganizer: boolean;
}

export interface ExpectationsRecord {
  expectations: Expectations;
  version: StoredVersion;
}

/** A stored record that fails validation: shown, never dropped or overwritten silently. */
export interface InvalidRecord {
  version: StoredVersion;
  /** What is wrong, in English, by dotted path. */
  errors: Record<string, string[]>;
  /** The same as the schema's issues (with their inputs), for the reader's language. */
  issues?: readonly z.core.$ZodIssue[];
  /** The same as words, when the payload is not JSON at all. */
  words?: GraphWords;
  /**
   * Which of the meeting's records it is. The meeting tab's "Start over" replaces it only when it
   * knows (or can tell from which record did come back); without it, in a series where neither
   * record is readable, Start over cannot target it.
   */
  scope?: 'occurrence' | 'series';
}

/** One deliverable with its live status (from its own item) and that item's version. */
export interface DeliverableState {
  meetingKey: string;
  deliverable: Deliverable;
  version?: StoredVersion;
  /** Who set the current status, when the item says; flagged in the UI when not the owner. */
  statusSetBy?: string;
  /** The meeting's subject as stored with the deliverable, when it was. */
  meetingSubject?: string;
  /** The owner asked for help with it: when and how (kept while the status stays the same). */
  helpAsked?: HelpAsked;
}

export interface MeetingExpectations {
  meeting: MeetingRef;
  me: Person;
  attendees: Attendee[];
  /** The meeting's organizers' ids (the event's organizer). */
  organizerIds: string[];
  /** This occurrence's own record (or the single meeting's). */
  occurrence?: ExpectationsRecord;
  /** The series' record, when the meeting belongs to a series that has one. */
  series?: ExpectationsRecord;
  invalid?: InvalidRecord;
  /** Live state of the effective record's deliverables, by deliverable id. */
  deliverables: Record<string, DeliverableState>;
}

export type MeetingOpenResult =
  | { kind: 'found'; data: MeetingExpectations }
  | { kind: 'notFound'; message: string; words?: GraphWords };

export type InviteOutcome =
  /** The organizer's event body now holds the section (an update went to attendees). */
  | 'updated'
  /** The rendered text did not change, so nothing was sent. */
  | 'unchanged'
  /** Written into the meeting being composed in Outlook; attendees get it when it is sent. */
  | 'inForm'
  /** Only the organizer's own client can change the invite. */
  | 'notOrganizer'
  /** The record saved but the invite could not be changed; the message says why. */
  | { failed: string; words?: GraphWords };

export interface SaveRequest {
  meeting: MeetingRef;
  scope: 'occurrence' | 'series';
  /** What the person loaded (undefined: nothing stored yet). */
  base?: ExpectationsRecord;
  /** What the person is saving, complete and keyed. */
  expectations: Expectations;
  /** For the invite's owner names. */
  attendees: readonly Attendee[];
  /** The invite section's words in the saver's language; English when absent. */
  inviteWords?: InviteWords;
}

export type SaveOutcome =
  | { kind: 'saved'; record: ExpectationsRecord; merged: boolean; invite: InviteOutcome }
  | {
      kind: 'conflict';
      /** The server's record now, the base for the next save. */
      theirs: ExpectationsRecord;
      /** Both sides' non-conflicting changes, with theirs in conflicting fields. */
      merged: Expectations;
      conflicts: MergeConflict[];
    }
  /** `words`, when set, is the adapter's one message as a code for the reader's language. */
  | { kind: 'invalid'; errors: Record<string, string[]>; words?: GraphWords };

export interface StatusRequest {
  state: DeliverableState;
  status: DeliverableStatus;
  obstacle?: string;
}

export type StatusOutcome =
  | { kind: 'saved'; state: DeliverableState }
  /** Someone changed the status meanwhile; theirs is shown, nothing was overwritten. */
  | { kind: 'conflict'; theirs: DeliverableState }
  | { kind: 'invalid'; errors: Record<string, string[]>; words?: GraphWords };

export interface TeamTemplates {
  templates: TeamTemplate[];
  /** Stored templates that no longer read correctly (changed outside Rapport). */
  unreadable: number;
}

export type SaveTemplateOutcome =
  | { kind: 'saved'; template: TeamTemplate }
  | { kind: 'invalid'; errors: Record<string, string[]>; words?: GraphWords };

/** What one sweep of the organizer's Outlook-draft records did (`sweepDrafts`). */
export interface DraftSweep {
  /** Records deleted because their draft was discarded unsent. */
  removed: number;
  /** The meeting keys of those records (the ones whose payload read correctly), for their polls. */
  removedKeys: string[];
  /** Still drafts: kept as they are. */
  kept: number;
  /** Sent meanwhile: kept, no longer marked as drafts. */
  cleared: number;
  /** Could not be checked this time (the next sweep tries again). */
  failed: number;
}

export interface ExpectationsService {
  /** Resolves the tab's meeting from its chat and loads what is stored for it. */
  openMeeting(chatId: string, now: Instant): Promise<MeetingOpenResult>;
  /** The same, for a meeting opened from Home by the person's own event id. */
  openMeetingByEvent(eventId: string): Promise<MeetingOpenResult>;
  save(request: SaveRequest): Promise<SaveOutcome>;
  /** An owner's status and obstacle; never touches the invite. */
  setStatus(request: StatusRequest): Promise<StatusOutcome>;
  /** Re-renders the invite from what is stored (the organizer, after a co-organizer's save). */
  syncInvite(
    meeting: MeetingRef,
    expectations: Expectations,
    attendees: readonly Attendee[],
    words?: InviteWords,
  ): Promise<InviteOutcome>;
  /**
   * Checks the records this person saved for meetings still unsent in Outlook (Outlook tells an
   * add-in neither Send nor Discard): a discarded draft's record is deleted, a sent meeting's
   * is kept and unmarked, a draft's is kept.
   */
  sweepDrafts(): Promise<DraftSweep>;
  /** The templates this person's team saved. */
  teamTemplates(): Promise<TeamTemplates>;
  /** Saves a team template; a name the team already uses, or one over the limit, is refused. */
  saveTeamTemplate(template: TeamTemplate): Promise<SaveTemplateOutcome>;
}
