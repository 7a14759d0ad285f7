import { z } from 'zod';

/**
 * "Did you meet?" after a coffee slot: asked of each member privately through the relay, shown
 * only as a program's rate over enough answers that nobody's own answer can be read from it.
 */
export const MET_ANSWERS = ['yes', 'some', 'later', 'no'] as const;
export type MetAnswer = (typeof MET_ANSWERS)[number];

/** Fewer answers than this show no rate: the same floor as feedback polls' default threshold. */
export const MET_MIN_ANSWERS = 5;

export const metSubmissionSchema = z.object({
  submissionId: z.uuid({ error: 'submissionId must be a UUID.' }),
  answer: z.enum(MET_ANSWERS, { error: 'answer must be yes, some, later or no.' }),
});

export const storedMetAnswerSchema = z.object({
  schemaVersion: z.literal(1),
  roundKey: z.string().max(200),
  answer: z.enum(MET_ANSWERS),
  /** The day only, as for anonymous poll answers. */
  day: z.iso.date(),
});
export type StoredMetAnswer = z.output<typeof storedMetAnswerSchema>;

export type MetSummary =
  | { state: 'waiting'; answered: number; needed: number }
  | { state: 'shown'; answered: number; met: number; rate: number };

/**
 * The program's rate: answers saying the group met (fully or partly), over the answers counted.
 * `answers` come in the order they were stored, and only whole blocks of `min` are counted, so
 * two rates ever shown differ by at least `min` answers and one person's can't be subtracted out.
 */
export function metSummary(answers: readonly MetAnswer[], min = MET_MIN_ANSWERS): MetSummary {
  if (answers.length < min) {
    return { state: 'waiting', answered: answers.length, needed: min - answers.length };
  }
  const counted = answers.slice(0, Math.floor(answers.length / min) * min);
  const met = counted.filter((a) => a === 'yes' || a === 'some').length;
  return { state: 'shown', answered: counted.length, met, rate: met / counted.length };
}
