import { describe, expect, it } from 'vitest';
import { myRound } from '../../../../src/domain/social/my-round';
import {
  applyMembership,
  dueRound,
  roundStart,
  startRoundNow,
} from '../../../../src/domain/social/program';
import { ICE_BREAKERS, promptFor } from '../../../../src/domain/social/prompts';
import { LEFT_OUT_TEXT, roundSchema } from '../../../../src/domain/social/round';
import { instant } from '../../../../src/domain/time/instant';
import { joinedBy, programFixture } from '../../../support/programs';

const at = (iso: string) => instant(Date.parse(iso));
const program = joinedBy(
  programFixture({ id: '6c0ffee0-0000-4000-8000-000000000010', name: 'Coffee', leadIds: ['lead'] }),
  ['a', 'b', 'c', 'd'],
  '2026-03-01T00:00:00Z',
);
const round = roundSchema.parse({
  schemaVersion: 1,
  programId: program.id,
  number: 0,
  startsAt: '2026-03-16T00:00:00.000Z',
  plannedAt: '2026-03-16T08:00:00.000Z',
  seed: 7,
  prompt: promptFor(7),
  groups: [
    {
      memberIds: ['a', 'b', 'c'],
      hostId: 'b',
      slot: { start: '2026-03-17T10:00:00.000Z', end: '2026-03-17T10:20:00.000Z' },
    },
  ],
  leftOut: [{ id: 'd', reason: 'noFreeTime' }],
  people: {
    a: { name: 'Ana', mail: 'a@x' },
    b: { name: 'Ben', mail: 'b@x' },
    c: { name: 'Cai', mail: 'c@x' },
  },
});
const MONDAY = at('2026-03-16T09:00:00Z');

describe('my place in a coffee round, as Home shows it', () => {
  it('is nothing for a program I never joined, even as its lead', () => {
    expect(myRound(program, round, 'lead', MONDAY)).toBeUndefined();
  });

  it('waits for the first round, then asks this client to plan a due one', () => {
    expect(myRound(program, undefined, 'a', at('2026-03-12T00:00:00Z'))).toEqual({
      kind: 'waiting',
      program,
      nextRoundAt: at('2026-03-16T00:00:00Z'),
    });
    expect(myRound(program, undefined, 'a', MONDAY)).toEqual({
      kind: 'toPlan',
      program,
      number: 0,
    });
    // Last week's round is not this week's: the new one is planned.
    const nextWeek = at('2026-03-23T09:00:00Z');
    expect(myRound(program, round, 'a', nextWeek)).toMatchObject({ kind: 'toPlan', number: 1 });
  });

  it('shows my group by name, its host, and whether it is booked or past', () => {
    const view = myRound(program, round, 'a', MONDAY);
    expect(view).toMatchObject({
      kind: 'grouped',
      others: [
        { id: 'b', name: 'Ben' },
        { id: 'c', name: 'Cai' },
      ],
      host: { id: 'b', name: 'Ben' },
      iAmHost: false,
      booked: false,
      past: false,
    });
    expect(myRound(program, round, 'b', MONDAY)).toMatchObject({ iAmHost: true });
    const booked = roundSchema.parse({
      ...round,
      groups: [{ ...round.groups[0], eventId: 'evt-1' }],
    });
    expect(myRound(program, booked, 'c', MONDAY)).toMatchObject({ booked: true });
    expect(myRound(program, round, 'c', at('2026-03-17T10:20:00Z'))).toMatchObject({
      past: true,
    });
  });

  it('tells the person left out why, in words', () => {
    expect(myRound(program, round, 'd', MONDAY)).toMatchObject({
      kind: 'leftOut',
      reason: LEFT_OUT_TEXT.noFreeTime,
    });
  });

  it('says snoozed rather than left out, unless a group was already set', () => {
    const snoozedD = applyMembership(
      program,
      { kind: 'snooze', id: 'd', until: at('2026-04-01T00:00:00Z') },
      MONDAY,
    );
    expect(myRound(snoozedD, round, 'd', MONDAY)).toMatchObject({ kind: 'snoozed' });
    const snoozedA = applyMembership(
      program,
      { kind: 'snooze', id: 'a', until: at('2026-04-01T00:00:00Z') },
      MONDAY,
    );
    expect(myRound(snoozedA, round, 'a', MONDAY)).toMatchObject({ kind: 'grouped' });
  });

  it('puts someone who joined after planning in the next round', () => {
    const late = applyMembership(program, { kind: 'join', id: 'e' }, MONDAY);
    expect(myRound(late, round, 'e', MONDAY)).toEqual({
      kind: 'nextRound',
      program: late,
      nextRoundAt: at('2026-03-23T00:00:00Z'),
    });
  });
});

describe('a lead starting a round now', () => {
  it('moves the cadence so the next round is due now; only a lead can', () => {
    const now = at('2026-03-11T15:00:00Z');
    expect(startRoundNow(program, 'a', now)).toBe(program);
    const first = startRoundNow(program, 'lead', now);
    expect(first.firstRoundAt).toBe('2026-03-11T15:00:00.000Z');
    expect(dueRound(first, now)).toBe(0);
    const later = at('2026-03-12T09:00:00Z');
    const second = startRoundNow(first, 'lead', later);
    expect(dueRound(second, later)).toBe(1);
    expect(roundStart(second, 1)).toBe(later);
    expect(roundStart(second, 2)).toBe(at('2026-03-19T09:00:00Z'));
  });

  it('keeps a monthly round due now across a short month', () => {
    const monthly = {
      ...program,
      cadence: 'monthly' as const,
      firstRoundAt: '2026-01-31T00:00:00.000Z',
    };
    const now = at('2026-03-31T12:00:00Z');
    expect(dueRound(monthly, now)).toBe(2);
    const moved = startRoundNow(monthly, 'lead', now);
    expect(dueRound(moved, now)).toBe(3);
  });
});

describe('ice-breaker prompts', () => {
  it('are chosen by the round seed, the same on every client, for any seed', () => {
    expect(promptFor(7)).toBe(promptFor(7));
    expect(new Set([0, 1, 2, 3].map(promptFor)).size).toBe(4);
    for (const seed of [-1, 2 ** 31, 4_294_967_295, 1.5]) {
      expect(ICE_BREAKERS).toContain(promptFor(seed));
    }
  });
});
