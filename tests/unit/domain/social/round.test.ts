import { describe, expect, it } from 'vitest';
import {
  LEFT_OUT_REASONS,
  LEFT_OUT_TEXT,
  bookingTransactionId,
  placeOf,
  roundSchema,
} from '../../../../src/domain/social/round';

const round = roundSchema.parse({
  schemaVersion: 1,
  programId: '6c0ffee0-0000-4000-8000-000000000003',
  number: 4,
  startsAt: '2026-03-16T00:00:00.000Z',
  plannedAt: '2026-03-16T08:00:00.000Z',
  seed: 7,
  prompt: 'Best thing you ate this week?',
  groups: [
    {
      memberIds: ['a', 'b', 'c'],
      hostId: 'b',
      slot: { start: '2026-03-17T10:00:00.000Z', end: '2026-03-17T10:20:00.000Z' },
    },
  ],
  leftOut: [{ id: 'd', reason: 'noFreeTime' }],
});

describe('a round', () => {
  it('places each person: their group, why they were left out, or not in it', () => {
    expect(placeOf(round, 'c')).toMatchObject({ kind: 'group', index: 0 });
    expect(placeOf(round, 'd')).toEqual({ kind: 'leftOut', reason: 'noFreeTime' });
    expect(placeOf(round, 'z')).toEqual({ kind: 'absent' });
  });

  it('has a host among the group', () => {
    const bad = { ...round, groups: [{ ...round.groups[0], hostId: 'z' }] };
    expect(roundSchema.safeParse(bad).error?.issues[0]?.message).toBe(
      'Every group’s host is one of its members.',
    );
  });

  it('books each group under its own stable transaction id', () => {
    expect(bookingTransactionId(round, 0)).toBe(bookingTransactionId(round, 0));
    expect(bookingTransactionId(round, 0)).not.toBe(bookingTransactionId(round, 1));
    expect(bookingTransactionId(round, 0)).not.toBe(
      bookingTransactionId({ ...round, number: 5 }, 0),
    );
  });

  it('tells every left-out reason in words', () => {
    for (const reason of LEFT_OUT_REASONS) expect(LEFT_OUT_TEXT[reason].length).toBeGreaterThan(20);
  });
});
