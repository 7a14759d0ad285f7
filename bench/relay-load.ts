import { DEFAULT_QUESTIONS } from '../src/domain/feedback/questions';
import { startLocalRelay } from '../src/local/relay/local-relay';
import { runVoteLoad, syntheticVoterId, tally, voterTokens } from '../src/local/relay/vote-load';
import { startLocalTenant } from '../src/local/tenant/server';
import type { Metrics } from './report';

export const RELAY_VOTERS = 200;
export const RELAY_DUPLICATES = 50;

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
};

/**
 * The relay under a burst: 200 voters answer one poll at once and 50 of them vote a second time
 * concurrently, on loopback against its own in-memory tenant. Reports round-trip percentiles over
 * every request, voters not counted (lost) and answers counted twice.
 */
export async function measureRelayLoad(): Promise<Metrics> {
  const tenant = await startLocalTenant({ port: 0 });
  const relay = await startLocalRelay(tenant);
  try {
    const ids = Array.from({ length: RELAY_VOTERS }, (_, i) => syntheticVoterId(i));
    const [creator, ...voters] = await voterTokens(tenant, [syntheticVoterId(9999), ...ids]);
    if (!creator) throw new Error('no creator token');
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${relay.url}${path}`, {
        method,
        headers: { Authorization: `Bearer ${creator.token}`, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${String(res.status)} ${await res.text()}`);
      return (await res.json()) as { responses: number };
    };
    const pollId = crypto.randomUUID();
    await call('POST', '/api/polls', {
      id: pollId,
      meetingKey: `bench-${pollId}`,
      meetingTitle: 'Relay load',
      meetingEnd: new Date(tenant.tenant.clock.now()).toISOString(),
      anonymous: true,
      shareResults: false,
      questions: DEFAULT_QUESTIONS,
      attendeeIds: ids,
    });
    const result = await runVoteLoad({
      relayUrl: relay.url,
      pollId,
      voters,
      duplicates: RELAY_DUPLICATES,
      answers: { valuable: 4, 'expectations-clear': 3, 'speak-up': 5, improve: 'ok' },
    });
    const stored = (await call('GET', `/api/polls/${pollId}`)).responses;
    const { lost, doubleCounted } = tally(result, RELAY_VOTERS, stored);
    return {
      'relay.load.p50Ms': { value: percentile(result.latenciesMs, 50), unit: 'ms' },
      'relay.load.p95Ms': { value: percentile(result.latenciesMs, 95), unit: 'ms' },
      'relay.load.lost': { value: lost, unit: 'voters' },
      'relay.load.doubleCounted': { value: doubleCounted, unit: 'answers' },
    };
  } finally {
    await relay.close();
    await tenant.close();
  }
}
