import { describe, expect, it } from 'vitest';
import { runVoteLoad, syntheticVoterId, tally, voterTokens } from '../../src/local/relay/vote-load';
import { createPoll, defaultAnswers } from '../support/relay-polls';
import { useTestRelay } from '../support/use-test-relay';

const t = useTestRelay();

/** Voters answer at once, some twice; the relay's count is then compared with who voted. */
async function load(voterCount: number, duplicates: number) {
  const ids = Array.from({ length: voterCount }, (_, i) => syntheticVoterId(i));
  const { draft } = await createPoll(t, { attendeeIds: ids, threshold: 3 });
  const voters = await voterTokens(t.tenant, ids);
  const result = await runVoteLoad({
    relayUrl: t.relay.url,
    pollId: draft.id,
    voters,
    duplicates,
    answers: defaultAnswers(4, 'ok'),
  });
  const view = await t.call({ token: voters[0]!.token }, 'GET', `/api/polls/${draft.id}`);
  return { result, ...tally(result, voterCount, view.body.responses as number) };
}

describe('relay under load on loopback', () => {
  it('counts 60 concurrent voters exactly once despite 20 duplicate votes', async () => {
    const { result, lost, doubleCounted } = await load(60, 20);
    expect(result.gaveUp).toEqual([]);
    expect(lost).toBe(0);
    expect(doubleCounted).toBe(0);
  }, 60_000);

  it('still counts every voter exactly once with 20% 429/503 and dropped connections in Graph', async () => {
    const path = '^/sites/';
    await t.tenant.addFault({ path, kind: 'status', status: 429, retryAfterSeconds: 0, rate: 0.1 });
    await t.tenant.addFault({ path, kind: 'status', status: 503, rate: 0.05 });
    await t.tenant.addFault({ path, kind: 'drop', when: 'after', methods: ['POST'], rate: 0.05 });
    await t.tenant.addFault({ path, kind: 'drop', when: 'before', rate: 0.03 });
    const { result, lost, doubleCounted } = await load(30, 10);
    const faults = await (await fetch(`${t.tenant.url}/_local/faults`)).json();
    expect(faults.reduce((n: number, f: any) => n + Number(f.applied), 0)).toBeGreaterThan(0);
    expect(result.gaveUp).toEqual([]);
    expect(lost).toBe(0);
    expect(doubleCounted).toBe(0);
  }, 120_000);
});
