import type { PollStore } from './poll-store';

/** A person's vote on one poll (or one coffee round): keyed hashes only, never the person. */
export interface Vote {
  /** What the vote is for, as VoteKeys records it. */
  pollKey: string;
  /** The keyed hash of (person, poll): VoteKeys' unique Key. */
  voter: string;
  /** The keyed hash of the submission that takes the vote. */
  tag: string;
}

/**
 * Stores one person's one answer exactly once, through retries and faults. The vote key goes
 * first: the list's unique Key refuses a second vote atomically, and a 409 on it is still this
 * submission's when the stored tag names it (a retried write, or the client's resend), so the
 * answer, written under the submission's own unique key, is written again harmlessly.
 *
 * When the answer's write fails, the vote is given back only if the answer surely did not land:
 * a vote given back under a stored answer would let a new submission count a second time. When
 * that cannot be read either, the vote stays taken, and a resend of this same submission (which
 * the client makes) still goes through on its tag.
 */
export async function storeOnce(
  store: PollStore,
  vote: Vote,
  answer: { write: () => Promise<unknown>; landed: () => Promise<boolean> },
): Promise<'stored' | 'alreadyAnswered'> {
  const taken = await store.takeVoteKey(vote.pollKey, vote.voter, vote.tag);
  if (taken.kind === 'exists' && taken.submissionTag !== vote.tag) return 'alreadyAnswered';
  try {
    await answer.write();
  } catch (err) {
    const landed = await answer.landed().catch(() => undefined);
    if (landed === false) await store.releaseVoteKey(vote.voter).catch(() => undefined);
    if (landed !== true) throw err;
  }
  return 'stored';
}
