import { describe, expect, it } from 'vitest';
import { earlyLateCounts, roundSchema } from '../../../../src/domain/social/round';
import { programStats } from '../../../../src/domain/social/stats';

const group = (ids: string[], eventId?: string) => ({
  memberIds: ids,
  hostId: ids[0] ?? '',
  slot: { start: '2026-03-17T10:00:00.000Z', end: '2026-03-17T10:20:00.000Z' },
  ...(eventId ? { eventId } : {}),
});
const round = (n: number, groups: ReturnType<typeof group>[]) =>
  roundSchema.parse({
    schemaVersion: 1,
    programId: '6c0ffee0-0000-4000-8000-000000000010',
    number: n,
    startsAt: '2026-03-16T00:00:00.000Z',
    plannedAt: '2026-03-16T08:00:00.000Z',
    seed: n,
    prompt: 'Hello',
    groups,
    leftOut: [],
  });

describe('a program’s numbers', () => {
  it('count rounds, groups, bookings and people placed; nothing per person', () => {
    const stats = programStats([
      round(0, [group(['a', 'b'], 'e1'), group(['c', 'd', 'e'])]),
      round(1, [group(['a', 'c'], 'e2')]),
    ]);
    expect(stats).toEqual({ rounds: 2, groups: 3, booked: 2, grouped: 7 });
    expect(programStats([])).toEqual({ rounds: 0, groups: 0, booked: 0, grouped: 0 });
  });

  it('counts each person’s early or late slots across rounds, for the next plan’s fairness', () => {
    const early = (ids: string[], who: string[]) => ({ ...group(ids), earlyLate: who });
    const counts = earlyLateCounts([
      round(0, [early(['a', 'b'], ['a']), early(['c', 'd'], [])]),
      round(1, [early(['a', 'c'], ['a', 'c'])]),
    ]);
    expect(Object.fromEntries(counts)).toEqual({ a: 2, c: 1 });
  });
});
