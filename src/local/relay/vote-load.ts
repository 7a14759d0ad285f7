import { RELAY_API_AUDIENCE, RELAY_SCOPE } from '../tenant/seed/directory';
import type { LocalTenant } from '../tenant/server';

/**
 * Load on the relay from many voters at once (the bench and its loopback test): each voter sends
 * one submission, some also send a second vote (a new submission id) at the same moment, and a
 * request a 5xx or a dropped connection interrupted is retried with the same submission id, as
 * the app's client does.
 */
export interface VoteLoadResult {
  /** Every attempt's round trip. */
  latenciesMs: number[];
  /** 201s per voter: exactly one each when nothing was double counted. */
  confirmations: Map<string, number>;
  /** Voters who never got a 201 (nor a 409 for a vote already in). */
  gaveUp: string[];
}

/** A synthetic person's object id (the demo directory has only 14 people). */
export const syntheticVoterId = (i: number): string =>
  `5e3d9999-0000-4000-8000-${i.toString().padStart(12, '0')}`;

/** Relay tokens for synthetic voters, signed by the tenant itself as it signs everyone's. */
export async function voterTokens(tenant: Pick<LocalTenant, 'tenant'>, ids: readonly string[]) {
  return Promise.all(
    ids.map(async (id) => ({
      id,
      token: await tenant.tenant.issuer.delegated({
        oid: id,
        name: 'Load voter',
        upn: `${id}@load.invalid`,
        audience: RELAY_API_AUDIENCE,
        scopes: [RELAY_SCOPE],
      }),
    })),
  );
}

export async function runVoteLoad(options: {
  relayUrl: string;
  pollId: string;
  voters: readonly { id: string; token: string }[];
  duplicates: number;
  answers: Record<string, number | string>;
  maxAttempts?: number;
}): Promise<VoteLoadResult> {
  const result: VoteLoadResult = { latenciesMs: [], confirmations: new Map(), gaveUp: [] };
  const send = async (voter: { id: string; token: string }) => {
    const body = JSON.stringify({ submissionId: crypto.randomUUID(), answers: options.answers });
    for (let attempt = 1; attempt <= (options.maxAttempts ?? 6); attempt++) {
      const started = performance.now();
      let status = 0;
      try {
        const res = await fetch(`${options.relayUrl}/api/polls/${options.pollId}/answers`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${voter.token}`, 'Content-Type': 'application/json' },
          body,
        });
        await res.arrayBuffer();
        status = res.status;
      } catch {
        // A dropped connection: retried with the same submission below.
      }
      result.latenciesMs.push(performance.now() - started);
      if (status === 201) {
        result.confirmations.set(voter.id, (result.confirmations.get(voter.id) ?? 0) + 1);
        return true;
      }
      if (status === 409) return true;
      if (status !== 0 && status < 500) return false;
    }
    return false;
  };
  const dupes = options.voters.slice(0, options.duplicates);
  await Promise.all([...options.voters, ...dupes].map((v) => send(v)));
  for (const v of options.voters) {
    if (!result.confirmations.has(v.id)) result.gaveUp.push(v.id);
  }
  return result;
}

/** Lost: voters not counted once; double counted: 201s and stored answers beyond one per voter. */
export function tally(result: VoteLoadResult, voters: number, stored: number) {
  const extraConfirmations = [...result.confirmations.values()].reduce((a, n) => a + n - 1, 0);
  return {
    lost: Math.max(0, voters - stored),
    doubleCounted: Math.max(0, stored - voters) + extraConfirmations,
  };
}
