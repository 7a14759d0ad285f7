import type { Question } from '../../domain/feedback/schema';
import type { ResultPeriod } from '../../domain/ports/feedback';

/** A series' trend as the results table shows it: plain text cells, so numbers carry the meaning. */
export interface Trend {
  /** The poll's rating questions: the only ones a period has a mean for. */
  columns: { id: string; text: string }[];
  rows: { key: string; period: string; respondents: number; means: string[] }[];
}

/**
 * One row per period the relay pooled, in its order, one column per rating question. Worked
 * example: a period from 2026-03-02 to 2026-03-06 of 6 people with valuable 4.25 reads
 * "2026-03-02 – 2026-03-06", 6, "4.3"; a question without a mean in that period reads "—".
 * `undefined` when there is no period to show.
 */
export function trendOf(
  questions: readonly Question[],
  periods: readonly ResultPeriod[] | undefined,
): Trend | undefined {
  if (!periods || periods.length === 0) return undefined;
  const columns = questions
    .filter((q) => q.kind === 'rating')
    .map((q) => ({ id: q.id, text: q.text }));
  return {
    columns,
    rows: periods.map((p) => ({
      key: `${p.from}-${p.to}`,
      period: p.from === p.to ? p.from : `${p.from} – ${p.to}`,
      respondents: p.respondents,
      means: columns.map((c) => p.means[c.id]?.toFixed(1) ?? '—'),
    })),
  };
}
