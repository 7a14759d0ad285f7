/**
 * Pools a recurring series' occurrences into consecutive periods that each reach k respondents,
 * so a series whose single meetings have too few answers still shows a trend, and no period is a
 * group smaller than the threshold. Greedy in order: a period closes as soon as it reaches k; a
 * remainder below k joins the last period. A series that never reaches k has no periods at all.
 */
export interface Occurrence {
  respondents: number;
  /**
   * Who could answer it. Given, a period also needs k distinct people among its occurrences'
   * attendees: k counts distinct respondents, and three people answering twice make six answers
   * but are still three people. So a series with fewer than k attendees never has a period.
   */
  attendeeIds?: readonly string[];
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
  let people = new Set<string>();
  let listed = false;
  for (const occurrence of occurrences) {
    current.push(occurrence);
    count += occurrence.respondents;
    if (occurrence.attendeeIds) {
      listed = true;
      for (const id of occurrence.attendeeIds) people.add(id);
    }
    if (count >= k && (!listed || people.size >= k)) {
      periods.push(current);
      current = [];
      count = 0;
      people = new Set();
      listed = false;
    }
  }
  const last = periods.at(-1);
  if (current.length > 0 && last && options.remainder !== 'hold') last.push(...current);
  return periods;
}
