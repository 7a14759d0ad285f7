import { FORBIDDEN_WORDS } from '../../../domain/ports/feedback';

/**
 * What a failed request to Rapport's relay (polls, coffee rounds, the weekly check-in) says, in
 * English: the relay client's own words, read as `t.relay` by `features/shared/error-text.ts` from
 * a `FeedbackError`'s kind, status and detail. The source of truth for `relay.de.ts`.
 */
export const relayEn = {
  unreachable: 'Could not reach Rapport’s feedback service. Check your connection and try again.',
  unreadable:
    'Rapport’s feedback service sent an answer this version of the app cannot read. Reload the app; if it persists, tell your admin.',
  busy: 'Rapport’s feedback service is busy. Try again in a moment.',
  failed: (status: number) =>
    `Rapport’s feedback service failed (${String(status)}). Try again in a moment.`,
  refused: 'The feedback service refused what was sent. Check the fields and try again.',
  signIn: 'Rapport’s feedback service did not accept your sign-in. Sign in again.',
  notFound: 'This poll no longer exists.',
  alreadyAnswered:
    'You have already answered this poll. Your first answer stands; a poll takes one answer per person.',
  answersExist:
    'Someone has already answered, so this poll can no longer change. Your edits were not saved.',
  closed: 'This poll is closed and takes no more answers.',
  /** A 409 without the relay's own words. */
  changed: 'The poll changed meanwhile. Reload it and try again.',
  /** A 412: the poll's ETag moved on. */
  changedMeanwhile: 'Someone changed the poll meanwhile. Reload it and try again.',
  forbidden: FORBIDDEN_WORDS,
  coffee: {
    alreadyAnswered: 'You have already answered for this round; your first answer stands.',
    notFound: 'This coffee round no longer exists.',
  },
  checkIn: {
    notFound: 'Rapport’s relay does not know the weekly check-in. Ask your admin to update it.',
    unavailable: 'Rapport’s check-in service is busy or unreachable. Try again in a moment.',
  },
};

export type RelayMessages = typeof relayEn;
