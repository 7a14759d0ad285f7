/**
 * What a Graph adapter's failure says to a person, in words of no language: the adapter keeps its
 * English sentence as the error's message (logs, and screens that have no catalog), and puts one
 * of these beside it so a screen can say the same thing in the reader's language. Values that
 * come from Graph (its own error message, a status) travel as they are; they are never translated.
 */
export type GraphWords =
  /** Teams refused access to the meeting chat (403). */
  | { code: 'chatForbidden' }
  /** No such chat, or the person is not in it (404). */
  | { code: 'chatNotFound' }
  /** Teams refused the message itself (400), in Graph's own words. */
  | { code: 'chatRefused'; detail: string }
  /** Teams answered 429, 5xx or not at all. */
  | { code: 'chatUnavailable' }
  /** Every post went unconfirmed and a read did not find the message. */
  | { code: 'chatUnconfirmed'; posts: number }
  /** Someone else's summary post, or editing chat messages is not consented (403). */
  | { code: 'summaryEditForbidden' }
  /** The summary was saved, but Teams did not take the edit of its message. */
  | { code: 'summaryEditUnavailable' }
  /** The summary is in the chat, but its record could not note the message's id. */
  | { code: 'summaryNotNoted' }
  /** The event kept changing (412) or Graph did not answer on every attempt. */
  | { code: 'inviteAttempts'; attempts: number }
  /** The record saved, the invite did not: why, as words when known, else Graph's message. */
  | { code: 'inviteNotUpdated'; reason?: GraphWords; detail: string }
  /** A batch read on Home or in a program's stats failed. */
  | { code: 'readFailed'; what: GraphReadTarget; detail?: string; status?: number }
  /** A deliverable without a stored item could not be created. */
  | { code: 'deliverableNotSaved' }
  /** A deliverable was deleted or became unreadable between reading and saving it. */
  | { code: 'deliverableGone' }
  /** The same, seen from Home (the help-asked note). */
  | { code: 'deliverableGoneHome' }
  /** The team already has a template of this name (compared without case). */
  | { code: 'templateNameTaken'; name: string }
  /** The team holds as many templates as it may keep. */
  | { code: 'templatesFull'; max: number }
  /** A stored item's payload is not JSON at all (edited through raw Graph). */
  | { code: 'storedNotJson' }
  /** The stored expectations were changed outside Rapport and no longer read correctly. */
  | { code: 'storedExpectationsChanged' }
  /** The chat is not a meeting chat the person is in. */
  | { code: 'noMeetingChat' }
  /** No copy of the meeting between yesterday and the next two weeks. */
  | { code: 'notInCalendarWindow' }
  /** The event opened from Home is gone or cancelled. */
  | { code: 'noLongerInCalendar' }
  /** The team site holding expectations could not be opened for this person. */
  | { code: 'siteClosed' }
  /** The coffee group being booked was replanned away. */
  | { code: 'groupGone' }
  /** A round kept changing under every attempt to write it. */
  | { code: 'roundKeptChanging' };

export type GraphWordsCode = GraphWords['code'];

/** What a failed batch read was reading; the sentence names it. */
export type GraphReadTarget =
  | 'profile'
  | 'mailboxSettings'
  | 'calendar'
  | 'recurringMeetings'
  | 'meetingExpectations'
  | 'coffeePrograms'
  | 'seriesExpectations'
  | 'deliverables'
  | 'coffeeRounds'
  | 'programRounds'
  | 'recentMeetings'
  | 'teamResources';

/** A failure from a Graph adapter whose message a screen can put in the reader's language. */
export class GraphWordsError extends Error {
  constructor(
    readonly words: GraphWords,
    message: string,
    options?: { cause?: unknown },
  ) {
    // The name stays 'Error': screens that print `String(error)` read exactly as before.
    super(message, options);
  }
}

/** The words a thrown failure carries, if it carries any. */
export function wordsOf(error: unknown): GraphWords | undefined {
  if (typeof error !== 'object' || error === null || !('words' in error)) return undefined;
  const words = error.words;
  return typeof words === 'object' && words !== null && 'code' in words
    ? (words as GraphWords)
    : undefined;
}

/** What each read is called in the English message; the words carry the target as a code. */
export const READ_TARGET_WORDS: Record<GraphReadTarget, string> = {
  profile: 'your profile',
  mailboxSettings: 'your mailbox settings',
  calendar: 'your calendar',
  recurringMeetings: 'your recurring meetings',
  meetingExpectations: 'meeting expectations',
  coffeePrograms: 'coffee programs',
  seriesExpectations: 'series expectations',
  deliverables: 'your deliverables',
  coffeeRounds: 'coffee rounds',
  programRounds: 'the programs’ rounds',
  recentMeetings: 'your recent meetings',
  teamResources: 'the team’s help routes',
};
