/**
 * Pools a recurring series' occurrences into consecutive periods that each reach k respondents,
 * so a series whose single meetings have too few answers still shows a trend, and no period is a
 * group smaller than the threshold. Greedy in order: a period closes as soon as it reaches k; a
 * remainder below k joins the last period. A series that never reaches k has no periods at all.
 */
export interface Occurrence {
  respondents: number;
}

/**
 * `remainder: 'hold'` leaves a trailing remainder below k out instead: what a live trend needs,
 * since folding each newly closed small occurrence into the last period would change that period
 * by fewer than k respondents, and the two versions could be subtracted. Held back, earlier
 * periods never change as occurrences are added (greedy from the start is prefix-stable).
 */
export function poolPeriods<T extends Occurrence>(
  occurrences: readonly T[],
  k: number,
  options: { remainder?: 'merge' | 'hold' } = {},
): T[][] {
  const periods: T[][] = [];
  let current: T[] = [];
  let count = 0;
  for (const occurrence of occurrences) {
    current.push(occurrence);
    count += occurrence.respondents;
    if (count >= k) {
      periods.push(current);
      current = [];
      count = 0;
    }
  }
  const last = periods.at(-1);
  if (current.length > 0 && last && options.remainder !== 'hold') last.push(...current);
  return periods;
}
