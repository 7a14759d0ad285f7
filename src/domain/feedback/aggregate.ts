import type { QuestionResults } from '../ports/feedback';
import { shuffleInPlace, type Random } from '../random';
import type { Answers, Question } from './schema';
import { commentThreshold } from './threshold';

/** One question's published figures, as the relay serves them (the feedback port's shape). */
export type QuestionResult = QuestionResults;

export interface Aggregate {
  respondents: number;
  questions: QuestionResult[];
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * Aggregates answers over `responses` (one entry per distinct respondent), or `undefined` below
 * `k`: below the threshold there is no output at all, not even per-option counts. Comments come
 * only at k + 2 respondents, in an order drawn from `random` so their order says nothing about
 * who answered when.
 */
export function aggregate(
  questions: readonly Question[],
  responses: readonly Answers[],
  k: number,
  random: Random,
): Aggregate | undefined {
  const respondents = responses.length;
  if (respondents < k) return undefined;
  const withComments = respondents >= commentThreshold(k);
  return {
    respondents,
    questions: questions.map((q): QuestionResult => {
      const values = responses.map((r) => r[q.id]).filter((v) => v !== undefined);
      if (q.kind === 'rating') {
        const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
        let sum = 0;
        let n = 0;
        for (const v of values) {
          if (typeof v !== 'number' || v < 1 || v > 5) continue;
          distribution[v - 1] = (distribution[v - 1] ?? 0) + 1;
          sum += v;
          n += 1;
        }
        return { id: q.id, kind: 'rating', distribution, mean: n === 0 ? 0 : round2(sum / n) };
      }
      if (q.kind === 'choice') {
        const counts = q.options.map(() => 0);
        for (const v of values) {
          if (typeof v === 'number' && v >= 0 && v < counts.length)
            counts[v] = (counts[v] ?? 0) + 1;
        }
        return { id: q.id, kind: 'choice', counts };
      }
      if (!withComments) return { id: q.id, kind: 'text', comments: null };
      const comments = values.filter((v): v is string => typeof v === 'string' && v !== '');
      return { id: q.id, kind: 'text', comments: shuffleInPlace([...comments], random) };
    }),
  };
}

/** Mean per rating question over a set of responses (for a series' periods). */
export function ratingMeans(
  questions: readonly Question[],
  responses: readonly Answers[],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const q of questions) {
    if (q.kind !== 'rating') continue;
    const values = responses.map((r) => r[q.id]).filter((v): v is number => typeof v === 'number');
    if (values.length > 0) out[q.id] = round2(values.reduce((a, b) => a + b, 0) / values.length);
  }
  return out;
}
