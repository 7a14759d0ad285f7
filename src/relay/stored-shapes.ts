import { z } from 'zod';
import { FEEDBACK_SCHEMA_VERSION } from '../domain/feedback/schema';

/** VoteKeys' payload: which submission took the key (as a keyed hash), nothing about the person. */
export const voteKeySchema = z.object({
  schemaVersion: z.literal(FEEDBACK_SCHEMA_VERSION),
  pollId: z.string(),
  submissionTag: z.string(),
});

const questionResultSchema = z.discriminatedUnion('kind', [
  z.object({
    id: z.string(),
    kind: z.literal('rating'),
    distribution: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]),
    mean: z.number(),
  }),
  z.object({ id: z.string(), kind: z.literal('choice'), counts: z.array(z.number()) }),
  z.object({ id: z.string(), kind: z.literal('text'), comments: z.array(z.string()).nullable() }),
]);

/** Results' payload: one published aggregate, numbered so republishing can be made exclusive. */
export const publishedSchema = z.object({
  schemaVersion: z.literal(FEEDBACK_SCHEMA_VERSION),
  pollId: z.string(),
  generation: z.number().int().min(1),
  /** The day (yyyy-mm-dd) it was published. */
  publishedAt: z.iso.date(),
  respondents: z.number().int(),
  questions: z.array(questionResultSchema),
});

export type Published = z.output<typeof publishedSchema>;
