import { z } from 'zod';
import { hasForbiddenCharacter, textSchema } from '../expectations/schema';

/**
 * Feedback polls as the relay stores and serves them (docs/relay-api.md). Validated on every
 * request and on every read back from the private site; messages name the field, since the relay
 * passes them straight to the person who sent the request.
 */

export const FEEDBACK_SCHEMA_VERSION = 1;

export const FEEDBACK_LIMITS = {
  questionsMax: 10,
  questionTextMaxLength: 200,
  questionIdMaxLength: 64,
  choiceOptionsMin: 2,
  choiceOptionsMax: 6,
  choiceOptionMaxLength: 100,
  textAnswerMaxLength: 1000,
  meetingKeyMaxLength: 300,
  meetingTitleMaxLength: 255,
  attendeesMin: 1,
  attendeesMax: 1000,
  attendeeIdMaxLength: 128,
  ratingMin: 1,
  ratingMax: 5,
  /** A threshold above this could never be reached by a meeting's attendees anyway. */
  thresholdMax: 1000,
  queryMeetingKeysMax: 50,
} as const;

const L = FEEDBACK_LIMITS;

const idText = (field: string, max: number) =>
  textSchema(field, max, { required: `${field} is missing.` });

const questionBase = {
  id: idText('A question id', L.questionIdMaxLength),
  text: textSchema('A question', L.questionTextMaxLength, {
    required: "A question's text can't be empty.",
  }),
};

export const questionSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ ...questionBase, kind: z.literal('rating') }),
    z.object({
      ...questionBase,
      kind: z.literal('choice'),
      options: z
        .array(
          textSchema('A choice option', L.choiceOptionMaxLength, {
            required: "A choice option can't be empty.",
          }),
        )
        .min(L.choiceOptionsMin, {
          error: `A choice question needs at least ${L.choiceOptionsMin} options.`,
        })
        .max(L.choiceOptionsMax, {
          error: `A choice question can have at most ${L.choiceOptionsMax} options.`,
        }),
    }),
    z.object({ ...questionBase, kind: z.literal('text') }),
  ],
  { error: "A question's kind must be 'rating', 'choice' or 'text'." },
);

export type Question = z.output<typeof questionSchema>;
export type QuestionKind = Question['kind'];

export const questionsSchema = z
  .array(questionSchema)
  .min(1, { error: 'A poll needs at least one question.' })
  .max(L.questionsMax, { error: `A poll can have at most ${L.questionsMax} questions.` })
  .superRefine((questions, ctx) => {
    const seen = new Set<string>();
    questions.forEach((q, index) => {
      if (seen.has(q.id)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: 'Two questions share an id.',
        });
      }
      seen.add(q.id);
    });
  });

export const pollIdSchema = z.uuid({ error: 'The poll id must be a UUID.' });

export const attendeeIdsSchema = z
  .array(idText('An attendee id', L.attendeeIdMaxLength))
  .min(L.attendeesMin, { error: 'A poll needs at least one attendee.' })
  .max(L.attendeesMax, { error: `A poll can have at most ${L.attendeesMax} attendees.` });

const meetingKey = (field: string) => idText(field, L.meetingKeyMaxLength);

/** What a creator's client sends to create a poll. */
export const pollDraftSchema = z.object({
  id: pollIdSchema,
  meetingKey: meetingKey('The meeting key'),
  seriesKey: meetingKey('The series key').optional(),
  meetingTitle: textSchema('The meeting title', L.meetingTitleMaxLength),
  meetingEnd: z.iso.datetime({
    offset: true,
    error: 'The meeting end must be an ISO date and time.',
  }),
  anonymous: z.boolean({ error: 'anonymous must be true or false.' }),
  shareResults: z.boolean({ error: 'shareResults must be true or false.' }),
  threshold: z
    .number({ error: 'The threshold must be a whole number.' })
    .int({ error: 'The threshold must be a whole number.' })
    .max(L.thresholdMax, { error: `The threshold can be at most ${L.thresholdMax}.` })
    .optional(),
  questions: questionsSchema,
  attendeeIds: attendeeIdsSchema,
});

export type PollDraft = z.output<typeof pollDraftSchema>;

/** A creator's change to a poll; every field optional, `status` only ever to 'closed'. */
export const pollPatchSchema = pollDraftSchema
  .pick({
    questions: true,
    anonymous: true,
    shareResults: true,
    threshold: true,
    attendeeIds: true,
  })
  .partial()
  .extend({
    status: z.literal('closed', { error: "status can only be set to 'closed'." }).optional(),
  })
  .strict();

export type PollPatch = z.output<typeof pollPatchSchema>;

/** A poll as the relay stores it in the Polls list's payload. */
export const storedPollSchema = pollDraftSchema.extend({
  schemaVersion: z.literal(FEEDBACK_SCHEMA_VERSION),
  threshold: z.number().int(),
  creatorId: idText('The creator id', L.attendeeIdMaxLength),
  status: z.enum(['open', 'closed']),
  closesAt: z.iso.datetime({ offset: true }),
});

export type StoredPoll = z.output<typeof storedPollSchema>;

/** One answer: a rating 1..5, a choice's index, or a comment. */
export const answerValueSchema = z.union([
  z.number({ error: 'An answer must be a number or text.' }),
  z.string({ error: 'An answer must be a number or text.' }),
]);

/** The body of `POST /api/polls/{id}/answers`. Checked against the poll with `checkAnswers`. */
export const submissionSchema = z.object({
  submissionId: z.uuid({ error: 'submissionId must be a UUID.' }),
  answers: z
    .record(
      z.string().max(L.questionIdMaxLength, { error: 'An answer names an unknown question.' }),
      answerValueSchema,
      {
        error: 'answers must be an object of question id to answer.',
      },
    )
    .refine((a) => Object.keys(a).length <= L.questionsMax, {
      error: `answers can hold at most ${L.questionsMax} entries.`,
    }),
});

export type Submission = z.output<typeof submissionSchema>;
export type Answers = Record<string, number | string>;

/**
 * Checks answers against the poll's questions: ratings and choices are required (so every
 * published distribution counts every respondent, and no question can be a smaller cell than the
 * threshold), comments optional. Errors are keyed `answers.<questionId>`.
 */
export function checkAnswers(
  questions: readonly Question[],
  answers: Readonly<Record<string, unknown>>,
): { ok: true; answers: Answers } | { ok: false; errors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const fail = (id: string, message: string) => (errors[`answers.${id}`] ??= []).push(message);
  const known = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(answers)) {
    if (!known.has(id))
      fail(id, `This poll has no question '${id.slice(0, L.questionIdMaxLength)}'.`);
  }
  const out: Answers = {};
  for (const q of questions) {
    const value = answers[q.id];
    if (q.kind === 'text') {
      if (value === undefined) continue;
      if (typeof value !== 'string') {
        fail(q.id, `The answer to '${q.text}' must be text.`);
        continue;
      }
      const text = value.trim();
      if (text.length > L.textAnswerMaxLength) {
        fail(
          q.id,
          `The answer to '${q.text}' can be at most ${L.textAnswerMaxLength} characters (this one has ${text.length}).`,
        );
      } else if (hasForbiddenCommentCharacter(text)) {
        fail(
          q.id,
          `The answer to '${q.text}' can't contain control characters other than line breaks.`,
        );
      } else if (text !== '') {
        out[q.id] = text;
      }
      continue;
    }
    const max = q.kind === 'rating' ? L.ratingMax : q.options.length - 1;
    const min = q.kind === 'rating' ? L.ratingMin : 0;
    if (value === undefined) fail(q.id, `'${q.text}' needs an answer.`);
    else if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      fail(
        q.id,
        q.kind === 'rating'
          ? `The answer to '${q.text}' must be a whole number from ${min} to ${max}.`
          : `The answer to '${q.text}' must be the index of one of its ${q.options.length} options.`,
      );
    } else out[q.id] = value;
  }
  return Object.keys(errors).length === 0 ? { ok: true, answers: out } : { ok: false, errors };
}

/** Comments may span lines; other control characters and lone surrogates are refused. */
const hasForbiddenCommentCharacter = (text: string): boolean =>
  hasForbiddenCharacter(text.replace(/\r\n|\n|\r/g, ' '));

/** What the Responses list's payload holds: answers and the day, nothing about the person. */
export const storedResponseSchema = z.object({
  schemaVersion: z.literal(FEEDBACK_SCHEMA_VERSION),
  pollId: pollIdSchema,
  /** The UTC day the answer arrived (yyyy-mm-dd), never finer. */
  day: z.iso.date(),
  answers: z.record(z.string(), answerValueSchema),
  /** Named polls only: the respondent, as they were told before answering. */
  respondentId: z.string().optional(),
});

export type StoredResponse = z.output<typeof storedResponseSchema>;
