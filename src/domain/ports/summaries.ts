import type { MeetingRef } from '../meetings/meeting-ref';
import type { SummaryWords } from '../summaries/build-summary';
import type { SummaryContent, SummaryRecord } from '../summaries/summary-schema';
import type { DeliverableState, StoredVersion } from './expectations';

/**
 * Meeting summaries: the record in the team site and its one message in the meeting chat. The
 * graph layer implements it; screens see only this. Chat failures throw `ChatPostError`.
 */

export interface StoredSummary {
  record: SummaryRecord;
  version: StoredVersion;
}

export type SummaryRead =
  | { kind: 'missing' }
  | ({ kind: 'found' } & StoredSummary)
  /** Changed outside Rapport and no longer valid: shown, never overwritten silently. */
  | { kind: 'invalid'; version: StoredVersion; errors: Record<string, string[]> };

export interface PostSummaryRequest {
  meeting: MeetingRef;
  chatId: string;
  content: SummaryContent;
  /** The summary as the organizer loaded it; undefined for the first one. */
  base?: StoredSummary;
  /** The chat message's words in the writer's language; English when absent. */
  words?: SummaryWords;
}

export type PostSummaryOutcome =
  | {
      kind: 'posted';
      summary: StoredSummary;
      /** 'posted': a new message; 'updated': the existing message was edited. */
      message: 'posted' | 'updated';
    }
  /** Someone else changed the summary since it was loaded; nothing was posted or edited. */
  | { kind: 'conflict'; current: SummaryRead }
  | { kind: 'invalid'; errors: Record<string, string[]> };

/** The previous occurrence of a series that had its own deliverables, with their live state. */
export interface LastOccurrence {
  meetingKey: string;
  /** When it started (ISO), as its expectations record says. */
  start: string;
  deliverables: DeliverableState[];
}

export interface SummaryService {
  get(meetingKey: string): Promise<SummaryRead>;
  /**
   * Writes the record first, then posts it to the chat once (or edits the message already
   * posted), then records the message's id. Safe to call again after any failure.
   */
  post(request: PostSummaryRequest): Promise<PostSummaryOutcome>;
  /** The series' latest earlier occurrence with deliverables of its own, if any. */
  lastOccurrence(meeting: MeetingRef): Promise<LastOccurrence | undefined>;
}
