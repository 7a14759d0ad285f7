/**
 * "Results appear after 1 more response" / "after 3 more responses": how far a poll is from its
 * threshold, the only thing said about answers below it.
 */
export const moreResponsesText = (needed: number): string =>
  `Results appear after ${String(needed)} more ${needed === 1 ? 'response' : 'responses'}.`;

/** "1 person has answered" / "4 people have answered": the stage's and the organizer's count. */
export const answeredText = (responses: number): string =>
  responses === 1 ? '1 person has answered' : `${String(responses)} people have answered`;

/** What an attendee reads once their answer is in, true to the poll's kind. */
export const thanksText = (anonymous: boolean): string =>
  anonymous
    ? 'Thanks — your answer is anonymous.'
    : 'Thanks — your answer is recorded with your name, as the poll said.';
