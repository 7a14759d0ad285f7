import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activeMembers,
  applyMembership,
  dueRound,
  programSchema,
  roundStart,
  type MembershipChange,
  type Program,
} from '../../../../src/domain/social/program';
import { instant } from '../../../../src/domain/time/instant';
import { programFixture } from '../../../support/programs';

const at = (iso: string) => instant(Date.parse(iso));
const NOW = at('2026-03-11T15:00:00Z');

const program = (over: Partial<Program> = {}): Program =>
  programFixture({ id: '3f2b8c1e-5d4a-4b6f-9a7e-1c2d3e4f5a6b', name: 'Coffee roulette', ...over });

describe('program settings', () => {
  it('refuse what a program cannot be, naming the field', () => {
    const bad = programSchema.safeParse({
      ...program(),
      name: '  ',
      groupSize: 5,
      lengthMinutes: 25,
    });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['name', 'groupSize', 'lengthMinutes']));
    expect(bad.error?.issues.find((i) => i.path[0] === 'groupSize')?.message).toBe(
      'Groups have 2 to 4 people.',
    );
  });
});

describe('membership, each person’s own act', () => {
  it('joins once, snoozes, resumes and leaves', () => {
    let p = applyMembership(program(), { kind: 'join', id: 'ben' }, NOW);
    expect(applyMembership(p, { kind: 'join', id: 'ben' }, NOW)).toBe(p);
    p = applyMembership(p, { kind: 'snooze', id: 'ben', until: at('2026-04-01T00:00:00Z') }, NOW);
    expect(activeMembers(p, at('2026-03-23T00:00:00Z'))).toEqual([]);
    expect(activeMembers(p, at('2026-04-06T00:00:00Z')).map((m) => m.id)).toEqual(['ben']);
    p = applyMembership(p, { kind: 'resume', id: 'ben' }, NOW);
    expect(activeMembers(p, at('2026-03-23T00:00:00Z')).map((m) => m.id)).toEqual(['ben']);
    p = applyMembership(p, { kind: 'leave', id: 'ben' }, NOW);
    expect(p.members).toEqual([]);
  });

  it('people who joined after a round started are not in it', () => {
    const p = applyMembership(program(), { kind: 'join', id: 'ben' }, at('2026-03-17T09:00:00Z'));
    expect(activeMembers(p, roundStart(p, 0))).toEqual([]);
    expect(activeMembers(p, roundStart(p, 1)).map((m) => m.id)).toEqual(['ben']);
  });

  it('concurrent changes by different people all survive, in any order', () => {
    const people = ['ana', 'ben', 'divya', 'emma', 'felipe'];
    const change = fc.oneof(
      fc.record({ kind: fc.constant('join' as const), id: fc.constantFrom(...people) }),
      fc.record({ kind: fc.constant('leave' as const), id: fc.constantFrom(...people) }),
    );
    fc.assert(
      fc.property(fc.uniqueArray(change, { selector: (c) => c.id, maxLength: 5 }), (changes) => {
        // Each person changes only their own membership, so the order of applying cannot matter.
        const apply = (list: MembershipChange[]) =>
          list.reduce((p, c) => applyMembership(p, c, NOW), program());
        const ids = (p: Program) => p.members.map((m) => m.id).sort();
        expect(ids(apply(changes))).toEqual(ids(apply([...changes].reverse())));
        expect(ids(apply(changes))).toEqual(
          changes
            .filter((c) => c.kind === 'join')
            .map((c) => c.id)
            .sort(),
        );
      }),
      { seed: 6161, numRuns: 200 },
    );
  });
});

describe('rounds on the cadence, without a server job', () => {
  it('weekly, every two weeks, and monthly keeping the day of the month', () => {
    expect(new Date(roundStart(program(), 2)).toISOString()).toBe('2026-03-30T00:00:00.000Z');
    expect(new Date(roundStart(program({ cadence: 'biweekly' }), 1)).toISOString()).toBe(
      '2026-03-30T00:00:00.000Z',
    );
    const monthly = program({ cadence: 'monthly', firstRoundAt: '2026-01-31T09:00:00.000Z' });
    expect(new Date(roundStart(monthly, 1)).toISOString()).toBe('2026-02-28T09:00:00.000Z');
    expect(new Date(roundStart(monthly, 2)).toISOString()).toBe('2026-03-31T09:00:00.000Z');
  });

  it('the due round is the latest one whose start has passed', () => {
    const p = program();
    expect(dueRound(p, NOW)).toBeUndefined();
    expect(dueRound(p, at('2026-03-16T00:00:00Z'))).toBe(0);
    expect(dueRound(p, at('2026-03-29T23:59:59Z'))).toBe(1);
    expect(dueRound(p, at('2026-03-30T00:00:00Z'))).toBe(2);
  });
});
