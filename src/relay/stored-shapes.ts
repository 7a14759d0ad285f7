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

const storedPersonSchema = z.object({ id: z.string().min(1), name: z.string().max(200) });

/** CheckIns' config item, one per team: on or off, and its one lead (from their own token). */
export const storedCheckInConfigSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('config'),
  teamKey: z.string(),
  enabled: z.boolean(),
  lead: storedPersonSchema,
  /** The day (yyyy-mm-dd) of the last change. */
  day: z.iso.date(),
});
export type StoredCheckInConfig = z.output<typeof storedCheckInConfigSchema>;

/** CheckIns' answer item: one per person, team and ISO week, named, addressed to one lead. */
export const storedCheckInAnswerSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('answer'),
  teamKey: z.string(),
  week: z.string().regex(/^\d{4}-W\d\d$/),
  person: storedPersonSchema,
  /** The lead it was given to: only that lead reads it, even after a hand-over. */
  lead: storedPersonSchema,
  blocked: z.boolean(),
  note: z.string().max(1000),
  /** The day only: nothing finer is kept. */
  day: z.iso.date(),
});
export type StoredCheckInAnswer = z.output<typeof storedCheckInAnswerSchema>;
