import { plural, type PluralForms } from './plural';

const n = (count: number, forms: PluralForms) => plural('en', count, forms);

/**
 * The feedback feature's UI strings in English (the meeting tab's Feedback section, the poll
 * editor, answering, results, the stage and Home's "Feedback waiting"), read as `t.feedback`.
 * The source of truth for `feedback.de.ts`, whose type is this object's. The questions a poll
 * starts with are not here: they are stored with the poll and shown to everyone who answers.
 */
export const feedbackEn = {
  /** "1 person has answered" / "4 people have answered": the stage's and the organizer's count. */
  answered: (responses: number) =>
    n(responses, {
      one: '1 person has answered',
      other: `${String(responses)} people have answered`,
    }),
  /** What an attendee reads once their answer is in, true to the poll's kind. */
  thanks: (anonymous: boolean): string =>
    anonymous
      ? 'Thanks — your answer is anonymous.'
      : 'Thanks — your answer is recorded with your name, as the poll said.',
  /** How far a poll is from its threshold, the only thing said about answers below it. */
  moreResponses: (needed: number) =>
    `Results appear after ${String(needed)} more ${n(needed, { one: 'response', other: 'responses' })}.`,
  pollClosed: 'This poll is closed.',
  section: {
    title: 'Feedback',
    loading: 'Loading feedback polls…',
    loadFailed: 'Feedback polls could not be loaded.',
    reload: 'Reload feedback',
    noPollYet: 'No feedback poll for this meeting yet.',
    addPoll: 'Add feedback poll',
    cannotShare: 'This meeting does not let Rapport share to the stage.',
    pollHeading: (open: boolean) => `Feedback poll · ${open ? 'open' : 'closed'}`,
    anonymous: 'Anonymous.',
    named: 'Named.',
    questions: 'Questions of this poll',
    sharedToStage: 'Shared to the meeting stage.',
    changesSaved: 'Changes saved.',
    shareToStage: 'Share poll to stage',
    editPoll: 'Edit poll',
    reloadPoll: 'Reload poll',
    closePoll: 'Close poll',
    shareFailed: 'Could not share to the stage.',
    notClosed: 'The poll was not closed.',
  },
  editor: {
    kinds: { rating: 'Rating (1 to 5)', choice: 'Single choice', text: 'Free text' },
    /** What "anonymous" promises, in plain words, next to the switch that turns it off. */
    anonymousStatement: (k: number, commentK: number) =>
      `Anonymous: answers are stored without names and with no time finer than the day. Nobody, you included, can see who answered what. Results show only as totals once at least ${String(k)} people have answered, and comments once ${String(commentK)} have.`,
    namedStatement: 'Named: you will see who gave each answer. People are told before they answer.',
    editTitle: 'Edit feedback poll',
    newTitle: 'New feedback poll',
    question: (i: number) => `Question ${String(i)}`,
    removeQuestion: (i: number) => `Remove question ${String(i)}`,
    newKind: 'Kind of new question',
    addQuestion: 'Add question',
    questionsFull: (max: number) => `A poll can have at most ${String(max)} questions.`,
    anonymous: 'Anonymous',
    shareResults: 'Share results with attendees',
    whoCanAnswer: (count: number) => `Who can answer (${String(count)})`,
    cannotVote: (name: string) => `${name} — cannot vote (no account in your organization)`,
    fixBeforeSaving: 'Some fields need attention before the changes can be saved.',
    fixBeforeAdding: 'Some fields need attention before the poll can be added.',
    notAdded: 'The poll was not added.',
    notChanged: 'The poll was not changed.',
    savingChanges: 'Saving changes…',
    saveChanges: 'Save changes',
    adding: 'Adding the poll…',
    addPoll: 'Add poll',
    cancel: 'Cancel',
    backToPoll: 'Back to the poll',
    kindOf: (i: number) => `Kind of question ${String(i)}`,
    option: (option: number, question: number) =>
      `Option ${String(option)} of question ${String(question)}`,
    removeOption: (option: number, question: number) =>
      `Remove option ${String(option)} of question ${String(question)}`,
    addOption: (question: number) => `Add option to question ${String(question)}`,
  },
  form: {
    /**
     * The organizer's warning when k distinct people can never answer; a series says so too,
     * since pooling its meetings pools answers, not people.
     */
    unreachable: (voters: number, k: number, series: boolean) =>
      `Results will never show: this ${series ? 'series' : 'meeting'} has ${n(voters, {
        one: '1 person who can',
        other: `${String(voters)} people who can`,
      })} answer, fewer than the ${String(k)} needed${
        series ? ', and pooling its meetings does not change that' : ''
      }. Answers stay private either way.`,
    questionEmpty: 'A question can’t be empty.',
    questionTooLong: (max: number, length: number) =>
      `A question can be at most ${String(max)} characters (this one has ${String(length)}).`,
    optionEmpty: 'An option can’t be empty.',
    optionTooLong: (max: number, length: number) =>
      `An option can be at most ${String(max)} characters (this one has ${String(length)}).`,
    needsQuestion: 'A poll needs at least one question.',
    choiceOptions: (min: number, max: number) =>
      `A choice question needs ${String(min)} to ${String(max)} options.`,
    nobodyCanAnswer:
      'Nobody on this meeting has an account Rapport can list, so nobody could answer.',
    closedLock: 'This poll is closed, so it can no longer change.',
    answeredLock:
      'Someone has already answered, so this poll can no longer change. Your edits are still shown below but were not saved.',
  },
  answer: {
    ratingLowest: '1 – not at all',
    ratingHighest: '5 – very much',
    yourFeedback: (title: string) => `Your feedback on “${title}”`,
    anonymousNote:
      'This poll is anonymous: your answer is stored without your name, and results show only as totals over several people.',
    namedNote: 'This poll is named: the organizer will see your name next to your answers.',
    optional: (counter: string) => `Optional. ${counter}`,
    needsAnswer: (question: string) => `'${question}' needs an answer.`,
    fixBeforeSending: 'Some questions need an answer before you send.',
    notSent: 'Your answer was not sent.',
    sending: 'Sending…',
    send: 'Send answer',
    alreadyAnswered:
      'You have already answered this poll. Your first answer stands; a poll takes one answer per person.',
    closed: 'This poll is closed and takes no more answers.',
  },
  waiting: {
    title: 'Feedback waiting',
    answerFor: (subject: string) => `Answer feedback for ${subject}`,
    dialogTitle: (subject: string) => `Feedback: ${subject}`,
    checking: 'Checking the poll…',
    checkFailed: 'Rapport could not check who created this poll. Try again later.',
    notOrganizers:
      'This poll was not created by the meeting’s organizer, so Rapport does not show it.',
    close: 'Close',
  },
  results: {
    loading: 'Loading the results',
    loadFailed: 'The results could not be loaded.',
    title: 'Results',
    soFar: (responses: number) => `${String(responses)} answered so far.`,
    respondents: (respondents: number, publishedAt: string) =>
      `${String(respondents)} people answered (results of ${publishedAt}).`,
    unpublished: (unpublished: number, threshold: number) =>
      `${String(unpublished)} newer answers will be added once ${String(threshold)} more have arrived, so no single answer can be picked out.`,
    trendCaption: 'Trend across the series (mean rating of 5 per period)',
    period: 'Period',
    people: 'People',
    answer: 'Answer',
    share: 'Share',
    commentsAt: (k: number) => `Comments show once at least ${String(k)} people have answered.`,
    noComments: 'No comments.',
    mean: (mean: string) => ` — mean ${mean} of 5`,
    percent: (share: number) => `${String(share)}%`,
  },
  stage: {
    loading: 'Loading the poll…',
    loadFailed: 'The poll could not be loaded.',
    heading: (title: string) => `Feedback on “${title}”`,
    answerInPanel: 'Answer in Rapport in your own meeting panel. Your answer is never shown here.',
  },
  chat: {
    posted: 'Posted to the meeting chat',
    post: 'Post link to meeting chat',
    posting: 'Posting…',
    lookFailed: 'Could not look in the meeting chat.',
    postFailed: 'The link was not posted to the meeting chat.',
    /** The message posted to the meeting chat, in its poster's language. */
    thisMeeting: 'this meeting',
    linkLabel: 'Feedback poll',
    message: (subject: string, closes: string) =>
      `Feedback poll for ${subject}: please answer before ${closes}.`,
    answerInRapport: 'Answer in Rapport',
  },
};

export type FeedbackMessages = typeof feedbackEn;
