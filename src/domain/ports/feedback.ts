import type { Answers, PollDraft, PollPatch, Question } from '../feedback/schema';
import type { RecentMeeting } from '../meetings/meeting';
import type { Instant } from '../time/instant';

/**
 * What the meeting tab, the stage and Home need for feedback polls; the relay client implements it
 * over the relay's HTTP API (docs/relay-api.md), screens see only this.
 */

/** A poll as the relay shows it to the caller; never the attendee list to anyone but its creator. */
export interface PollView {
  id: string;
  meetingKey: string;
  seriesKey?: string;
  meetingTitle: string;
  creatorId: string;
  anonymous: boolean;
  shareResults: boolean;
  threshold: number;
  questions: Question[];
  status: 'open' | 'closed';
  closesAt: string;
  /** How many have answered: all the stage shows. */
  responses: number;
  answered: boolean;
  mayAnswer: boolean;
  isCreator: boolean;
  etag: string;
}

export type QuestionResults =
  | {
      id: string;
      kind: 'rating';
      distribution: [number, number, number, number, number];
      mean: number;
    }
  | { id: string; kind: 'choice'; counts: number[] }
  /** `null` below k + 2 respondents. */
  | { id: string; kind: 'text'; comments: string[] | null };

export interface ResultPeriod {
  from: string;
  to: string;
  respondents: number;
  means: Record<string, number>;
}

export type PollResults =
  /**
   * Below the threshold: no counts, no answers, only how many more are needed (and a series'
   * trend over its closed occurrences, which this poll is not part of).
   */
  | { state: 'waiting'; responses: number; needed: number; periods?: ResultPeriod[] }
  | {
      state: 'published';
      respondents: number;
      /** The day of the publish, never finer. */
      publishedAt: string;
      questions: QuestionResults[];
      /** Answers since the last publish, shown only as a count. */
      unpublished: number;
      periods?: ResultPeriod[];
    };

/** A poll on Home: one I may still answer, for a meeting of mine that ended recently. */
export interface WaitingPoll {
  poll: PollView;
  meetingSubject: string;
  meetingEnd: Instant;
  /** The organizer in my own copy of the event, to check the poll is theirs before answering. */
  organizer: { address: string; isMe: boolean };
}

/**
 * What the creator may change on an open poll, only the fields that changed. Questions and
 * anonymity cannot change once anyone answered (the relay says `answersExist`).
 */
export type PollChanges = Omit<PollPatch, 'status'>;

export interface FeedbackService {
  /** The polls of these meetings that I created or am listed in (1..50 keys). */
  pollsFor(meetingKeys: readonly string[]): Promise<PollView[]>;
  poll(pollId: string): Promise<PollView>;
  /** Creates a poll; the draft's id makes a retried create return the same poll. */
  create(draft: PollDraft): Promise<PollView>;
  /** One answer; the submission id makes a retried send count once. */
  answer(pollId: string, submissionId: string, answers: Answers): Promise<{ responses: number }>;
  results(pollId: string): Promise<PollResults>;
  /** The creator closes the poll early; `etag` is the version they saw. */
  close(poll: PollView): Promise<PollView>;
  /** The creator changes the poll, in one request conditional on the `etag` they saw. */
  update(poll: PollView, changes: PollChanges): Promise<PollView>;
  /**
   * Polls I may still answer among my meetings that ended in the last seven days. Home reads those
   * meetings with its own data, within its request budget: only the relay is asked here.
   */
  waiting(meetings: readonly RecentMeeting[]): Promise<WaitingPoll[]>;
  /**
   * Whether a waiting poll's creator is its meeting's organizer in my own copy of the event. Home
   * lists polls without this check (it costs a directory look-up, and Home's first screen has a
   * request budget); the check runs before the answer form shows.
   */
  isOrganizersPoll(item: WaitingPoll): Promise<boolean>;
}

export type FeedbackErrorKind =
  /** The relay did not accept the sign-in (401). */
  | 'signIn'
  /** Not on the poll's list, or not its creator (403). */
  | 'forbidden'
  | 'notFound'
  /** Already answered (409 alreadyAnswered). */
  | 'alreadyAnswered'
  /** Someone answered, so the poll's questions and anonymity can no longer change (409 answersExist). */
  | 'answersExist'
  /** The poll is closed (409 pollClosed). */
  | 'closed'
  /** Another conflict: someone changed the poll meanwhile (409, 412). */
  | 'conflict'
  /** The relay refused the input; the message names the field (400). */
  | 'invalid'
  /** The relay is busy or unreachable, even after retrying. */
  | 'unavailable'
  /** The relay answered something that does not follow its contract. */
  | 'protocol';

/** Which of the relay's services failed: each words a failure a little differently. */
export type RelayService = 'feedback' | 'coffee' | 'checkIn';

/** Why the relay refused a request (403): whose act or whose data it is. */
export type RelayForbidden =
  | 'notListed'
  | 'notCreator'
  | 'notShared'
  | 'cannotAddPoll'
  | 'notGrouped'
  | 'membersOnly'
  | 'notLead';

/**
 * A failure in no language, beside the English message, so a screen can say it in the reader's
 * language: the service, for a 403 why, and whether the message is the relay's own words (a 400 or
 * 409 may carry them; those pass on as they are).
 */
export interface FeedbackErrorDetail {
  service: RelayService;
  forbidden?: RelayForbidden;
  relayWords?: boolean;
}

/** A relay failure with a message a person can read and a kind screens can act on. */
export class FeedbackError extends Error {
  constructor(
    readonly kind: FeedbackErrorKind,
    message: string,
    readonly status?: number,
    readonly detail?: FeedbackErrorDetail,
  ) {
    super(message);
    this.name = 'FeedbackError';
  }
}

export const isFeedbackError = (err: unknown, kind?: FeedbackErrorKind): err is FeedbackError =>
  err instanceof FeedbackError && (kind === undefined || err.kind === kind);

/** A 403's English words; screens say it in the reader's language from the error's detail. */
export const FORBIDDEN_WORDS: Record<RelayForbidden, string> = {
  notListed: 'You are not on this poll’s list of attendees, so it is not yours to answer or see.',
  notCreator: 'Only the person who created this poll can change or close it.',
  notShared: 'The results of this poll are for its creator only.',
  cannotAddPoll: 'You cannot add a poll to this meeting.',
  notGrouped: 'Only the people grouped in this round answer for it.',
  membersOnly: 'Only the program’s members and leads see its numbers.',
  notLead: 'Only the check-in’s lead can do this, and only the lead reads the answers.',
};
