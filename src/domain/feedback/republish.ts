/**
 * When the relay may publish a poll's results again. Each published result is an aggregate over
 * every answer so far; if two successive results differed by fewer than k respondents, anyone who
 * saw both could subtract them and learn what those few people answered (with one new answer,
 * exactly what that one person said). So:
 *
 * - the first publish waits for k respondents;
 * - a republish waits for at least k answers that arrived since the last publish.
 *
 * Closing the poll does not relax this. The issue allowed a republish "or at close"; we do not,
 * because a close-time republish of fewer than k new answers lets anyone subtract the two results
 * just as well. At close we republish only when k new answers arrived or nothing was published
 * yet, which is the same rule; `closing` is accepted so callers state it and the rule is visible.
 */
export interface PublishState {
  /** Distinct respondents now. */
  responses: number;
  /** Respondents in the last published result, if there is one. */
  lastPublished?: number;
  k: number;
  closing?: boolean;
}

export function shouldPublish(state: PublishState): boolean {
  const { responses, lastPublished, k } = state;
  if (lastPublished === undefined) return responses >= k;
  return responses - lastPublished >= k;
}
