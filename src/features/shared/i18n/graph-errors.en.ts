import { READ_TARGET_WORDS } from '../../../domain/ports/graph-words';

/**
 * What a failed Microsoft Graph call says, in English: the Graph adapters' own sentences, read as
 * `t.graphErrors` by `features/shared/graph-text.ts` from the code they carry (`GraphWords`).
 * Graph's own words (`detail`) are passed in as they came. The source of truth for
 * `graph-errors.de.ts`.
 */
export const graphErrorsEn = {
  chat: {
    forbidden:
      'You cannot post to this meeting chat: only people in the chat can, and your organization must let Rapport read and send chat messages for you.',
    notFound: 'This meeting’s chat was not found, or you are not in it.',
    refused: (detail: string) => `Teams refused the message: ${detail}`,
    unavailable: 'Teams is busy or could not be reached. Try again in a moment.',
    unconfirmed: (posts: number) =>
      `Teams did not confirm the post (${String(posts)} ${posts === 1 ? 'try' : 'tries'}), and the message is not in the chat yet. Try again: Rapport looks in the chat first, so the message is never posted twice.`,
  },
  summary: {
    editForbidden:
      'You cannot change the summary message: only the person who posted it can, and your organization must let Rapport edit chat messages for you.',
    editUnavailable:
      'Teams is busy or could not be reached, so the message was not updated. The summary is saved; try again in a moment.',
    notNoted:
      'The summary is in the meeting chat, but Rapport could not note that in the team site. Try again: it finds the message instead of posting another.',
  },
  invite: {
    attempts: (attempts: number) =>
      `The invite could not be updated after ${String(attempts)} attempts; the event kept changing or Graph did not answer.`,
    notUpdated: (why: string) => `Saved, but the invite could not be updated: ${why}`,
  },
  /** "Could not read your calendar: Graph's words (503)." */
  readFailed: (what: string, detail: string | undefined, status: number | undefined) =>
    `Could not read ${what}${detail ? `: ${detail}` : ''} (${status === undefined ? 'no answer' : String(status)}).`,
  readTargets: READ_TARGET_WORDS,
  deliverableNotSaved: 'The deliverable could not be saved.',
  deliverableGone: 'This deliverable was removed or damaged meanwhile; reload the tab.',
  deliverableGoneHome: 'This deliverable was removed or changed outside Rapport; reload Home.',
  templateNameTaken: (name: string) => `Your team already has a template called “${name}”.`,
  templatesFull: (max: number) => `Your team has ${String(max)} templates, the most it can keep.`,
  storedNotJson: 'The stored payload is not valid JSON.',
  storedExpectationsChanged:
    'The stored expectations were changed outside Rapport and no longer read correctly; reload the tab to see them.',
  noMeetingChat: "This chat isn't a meeting chat you are in, so there is no meeting to show.",
  notInCalendarWindow:
    "This meeting isn't in your calendar between yesterday and the next two weeks; ask the organizer to invite you.",
  noLongerInCalendar: 'This meeting is no longer in your calendar.',
  siteClosed:
    'Meeting expectations are kept on your team’s site, which Rapport cannot open for you. Ask your team owner to add you to the team.',
  groupGone: 'That group is not in the round any more.',
  roundKeptChanging: 'The round kept changing; try again.',
};

export type GraphErrorMessages = typeof graphErrorsEn;
