import { z } from 'zod';
import { questionSchema } from '../domain/feedback/schema';

/**
 * The relay's answers as docs/relay-api.md states them. Every response is parsed before a screen
 * sees it, so a relay that drifts from its contract shows one readable error, not a broken view.
 * Unknown fields are ignored (the relay may add some), missing ones are not.
 */

const count = z.number().int().nonnegative();

export const pollViewSchema = z.object({
  id: z.string().min(1),
  meetingKey: z.string().min(1),
  seriesKey: z.string().optional(),
  meetingTitle: z.string(),
  creatorId: z.string().min(1),
  anonymous: z.boolean(),
  shareResults: z.boolean(),
  threshold: count,
  questions: z.array(questionSchema),
  status: z.enum(['open', 'closed']),
  closesAt: z.string(),
  responses: count,
  answered: z.boolean(),
  mayAnswer: z.boolean(),
  isCreator: z.boolean(),
  etag: z.string(),
});

export const pollListSchema = z.object({ polls: z.array(pollViewSchema) });

export const answerReceiptSchema = z.object({ responses: count });

const questionResultsSchema = z.discriminatedUnion('kind', [
  z.object({
    id: z.string(),
    kind: z.literal('rating'),
    distribution: z.tuple([count, count, count, count, count]),
    mean: z.number(),
  }),
  z.object({ id: z.string(), kind: z.literal('choice'), counts: z.array(count) }),
  z.object({ id: z.string(), kind: z.literal('text'), comments: z.array(z.string()).nullable() }),
]);

const periodsSchema = z
  .array(
    z.object({
      from: z.string(),
      to: z.string(),
      respondents: count,
      means: z.record(z.string(), z.number()),
    }),
  )
  .optional();

export const resultsSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('waiting'),
    responses: count,
    needed: count,
    periods: periodsSchema,
  }),
  z.object({
    state: z.literal('published'),
    respondents: count,
    publishedAt: z.string(),
    questions: z.array(questionResultsSchema),
    unpublished: count,
    periods: periodsSchema,
  }),
]);

export const relayErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
