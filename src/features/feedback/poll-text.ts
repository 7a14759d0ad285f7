import { en, type Messages } from '../shared/i18n/en';

/**
 * "Results appear after 1 more response" / "after 3 more responses": how far a poll is from its
 * threshold, the only thing said about answers below it. In the catalog's language (English when
 * left out), as every text here.
 */
export const moreResponsesText = (needed: number, t: Messages = en): string =>
  t.feedback.moreResponses(needed);

/** "1 person has answered" / "4 people have answered": the stage's and the organizer's count. */
export const answeredText = (responses: number, t: Messages = en): string =>
  t.feedback.answered(responses);

/** What an attendee reads once their answer is in, true to the poll's kind. */
export const thanksText = (anonymous: boolean, t: Messages = en): string =>
  t.feedback.thanks(anonymous);
