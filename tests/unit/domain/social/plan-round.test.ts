import { describe, expect, it } from 'vitest';
import { planRound } from '../../../../src/domain/social/plan-round';
import type { PlanResult } from '../../../../src/domain/social/plan-types';
import { instant } from '../../../../src/domain/time/instant';
import { instantToZonedLocal } from '../../../../src/domain/time/zones';
import { at, person, planInput } from './builders';

const ids = (result: PlanResult) => result.groups.map((g) => [...g.memberIds].sort());
const localTime = (ms: number, zone: string) => instantToZonedLocal(ms as never, zone).slice(0, 16);
/** Busy all window long except `[from, to)`. */
const freeOnly = (from: string, to: string) => [
  { start: at('2026-03-01T00:00:00Z'), end: at(from) },
  { start: at(to), end: at('2026-04-01T00:00:00Z') },
];

describe('planRound', () => {
  it('reads New York working hours on both sides of the DST change', () => {
    // Free only on Monday 9 March from 12:00Z: 08:00 EDT, so the first working start is 13:00Z
    // (09:00 EDT), not 14:00Z as the week before (09:00 EST).
    const busy = freeOnly('2026-03-09T12:00:00Z', '2026-03-09T13:30:00Z');
    const result = planRound(planInput({ participants: [person('a', { busy }), person('b')] }));
    expect(result.leftOut).toEqual([]);
    expect(result.groups[0]?.slot).toEqual({
      start: at('2026-03-09T13:00:00Z'),
      end: at('2026-03-09T13:30:00Z'),
    });
    expect(localTime(at('2026-03-09T13:00:00Z'), 'America/New_York')).toBe('2026-03-09T09:00');
  });

  it('uses a Friday slot in EST (14:00Z) when that is the only free time', () => {
    const busy = freeOnly('2026-03-06T13:00:00Z', '2026-03-06T14:30:00Z');
    const result = planRound(planInput({ participants: [person('a', { busy }), person('b')] }));
    expect(result.groups[0]?.slot.start).toBe(at('2026-03-06T14:00:00Z'));
  });

  it('handles the +5:30 offset of India', () => {
    // Free 12:00–13:00Z, but work ends at 18:00 in Kolkata (12:30Z): one start, 17:30 local.
    const busy = freeOnly('2026-03-09T12:00:00Z', '2026-03-09T13:00:00Z');
    const result = planRound(
      planInput({
        participants: [
          person('in', {
            timeZone: 'Asia/Kolkata',
            workingHours: { days: ['monday'], start: '09:30', end: '18:00' },
            busy,
          }),
          person('uk', { timeZone: 'Europe/London' }),
        ],
      }),
    );
    const slot = result.groups[0]?.slot;
    expect(slot?.start).toBe(at('2026-03-09T12:00:00Z'));
    expect(localTime(slot?.start ?? 0, 'Asia/Kolkata')).toBe('2026-03-09T17:30');
  });

  it('accepts Windows zone names as Graph gives them', () => {
    const result = planRound(
      planInput({
        participants: [
          person('w', { timeZone: 'W. Europe Standard Time' }),
          person('b', {
            timeZone: 'Europe/Berlin',
            busy: freeOnly('2026-03-10T08:00:00Z', '2026-03-10T08:30:00Z'),
          }),
        ],
      }),
    );
    // 09:00 in Berlin (CET, +1).
    expect(result.groups[0]?.slot.start).toBe(at('2026-03-10T08:00:00Z'));
  });

  it('leaves a snoozed person out and says so; a snooze that has ended does not count', () => {
    const result = planRound(
      planInput({
        participants: [
          person('a'),
          person('b'),
          person('z', { snoozedUntil: at('2026-03-20T00:00:00Z') }),
          person('c', { snoozedUntil: at('2026-03-01T00:00:00Z') }),
        ],
      }),
    );
    expect(result.leftOut).toEqual([{ id: 'z', reason: 'snoozed' }]);
    expect(ids(result).flat().sort()).toEqual(['a', 'b', 'c']);
  });

  it('makes a group of three rather than leaving the odd person out', () => {
    const result = planRound(
      planInput({ participants: ['a', 'b', 'c', 'd', 'e'].map((id) => person(id)) }),
    );
    expect(result.leftOut).toEqual([]);
    expect(
      ids(result)
        .map((g) => g.length)
        .sort(),
    ).toEqual([2, 3]);
  });

  it('avoids a recent repeat when another partner is free, whatever the seed', () => {
    const pastGroups = [{ memberIds: ['a', 'b'], at: at('2026-02-20T12:00:00Z') }];
    for (let seed = 0; seed < 20; seed += 1) {
      const result = planRound(
        planInput({
          participants: ['a', 'b', 'c', 'd'].map((id) => person(id)),
          pastGroups,
          seed,
        }),
      );
      expect(ids(result)).not.toContainEqual(['a', 'b']);
      expect(result.leftOut).toEqual([]);
    }
  });

  it('repeats a pair only when there is nobody else', () => {
    const pastGroups = [{ memberIds: ['a', 'b'], at: at('2026-02-20T12:00:00Z') }];
    const result = planRound(planInput({ participants: [person('a'), person('b')], pastGroups }));
    expect(ids(result)).toEqual([['a', 'b']]);
  });

  it('forgets groups older than the avoidance window', () => {
    const pastGroups = [{ memberIds: ['a', 'b'], at: at('2025-10-01T12:00:00Z') }];
    const result = planRound(
      planInput({ participants: [person('a'), person('b')], pastGroups, avoidRepeatWeeks: 4 }),
    );
    expect(ids(result)).toEqual([['a', 'b']]);
  });

  it('mixes sub-teams when asked', () => {
    const participants = [
      person('a1', { subTeam: 'a' }),
      person('a2', { subTeam: 'a' }),
      person('b1', { subTeam: 'b' }),
      person('b2', { subTeam: 'b' }),
    ];
    for (let seed = 0; seed < 10; seed += 1) {
      const result = planRound(planInput({ participants, mixSubTeams: true, seed }));
      for (const group of ids(result)) expect(group.map((id) => id[0])).toEqual(['a', 'b']);
    }
  });

  it('gives each left-out person a reason', () => {
    const result = planRound(
      planInput({
        participants: [
          person('la', { timeZone: 'America/Los_Angeles' }),
          // 09:00–17:00 in Tokyo is 00:00–08:00Z; Los Angeles works 16:00–00:00Z (PST/PDT).
          person('tokyo', { timeZone: 'Asia/Tokyo' }),
          person('busy', { busy: freeOnly('2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') }),
          person('mars', { timeZone: 'Mars/Olympus_Mons' }),
        ],
      }),
    );
    expect(result.groups).toEqual([]);
    expect(result.leftOut).toEqual([
      { id: 'la', reason: 'noWorkingHoursOverlap' },
      { id: 'tokyo', reason: 'noWorkingHoursOverlap' },
      { id: 'busy', reason: 'noFreeTime' },
      { id: 'mars', reason: 'invalidTimeZone' },
    ]);
  });

  it('says noPartner when working hours overlap but free times never meet', () => {
    const result = planRound(
      planInput({
        participants: [
          person('a', { busy: freeOnly('2026-03-09T14:00:00Z', '2026-03-09T15:00:00Z') }),
          person('b', { busy: freeOnly('2026-03-10T14:00:00Z', '2026-03-10T15:00:00Z') }),
        ],
      }),
    );
    expect(result.leftOut).toEqual([
      { id: 'a', reason: 'noPartner' },
      { id: 'b', reason: 'noPartner' },
    ]);
  });

  it('prefers the chosen part of the day in local time', () => {
    const participants = [person('a'), person('b', { timeZone: 'America/Chicago' })];
    const result = planRound(planInput({ participants, preferredPart: 'afternoon' }));
    const start = result.groups[0]?.slot.start ?? 0;
    expect(Number(localTime(start, 'America/Chicago').slice(11, 13))).toBeGreaterThanOrEqual(13);
    expect(Number(localTime(start, 'America/New_York').slice(11, 13))).toBeGreaterThanOrEqual(13);
  });

  it('spreads groups over different starts and rotates hosts', () => {
    const participants = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => person(id));
    const result = planRound(planInput({ participants }));
    expect(new Set(result.groups.map((g) => g.slot.start)).size).toBe(3);
    const pastGroups = [{ memberIds: ['a', 'b'], at: at('2026-02-20T12:00:00Z'), hostId: 'a' }];
    const next = planRound(planInput({ participants: [person('a'), person('b')], pastGroups }));
    expect(next.groups[0]?.hostId).toBe('b');
  });

  it('is deterministic for a seed', () => {
    const participants = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => person(id));
    expect(planRound(planInput({ participants, seed: 3 }))).toEqual(
      planRound(planInput({ participants, seed: 3 })),
    );
  });

  it('names who gets an early or late hour, from the real day, not the window’s edge', () => {
    // Regression (property test seed, 2026-12-01): a Sydney day that began before the window
    // opened was counted as starting at the window, so 11:30 looked "early".
    const sydney = {
      timeZone: 'Australia/Sydney',
      workingHours: { days: ['thursday'], start: '10:15', end: '17:00' },
    } as const;
    const onlyAt = (free: string) => [
      { start: at('2026-03-04T00:00:00Z'), end: at(free) },
      { start: instant(at(free) + 15 * 60_000), end: at('2026-03-06T00:00:00Z') },
    ];
    const window = { start: at('2026-03-05T00:00:00Z'), end: at('2026-03-05T06:00:00Z') };
    const plan = (free: string) =>
      planRound(
        planInput({
          participants: [
            person('a', { ...sydney, busy: onlyAt(free) }),
            person('b', { ...sydney, busy: onlyAt(free) }),
          ],
          window,
          slotMinutes: 15,
        }),
      ).groups[0];
    // 11:30 in Sydney: neither early nor late.
    expect(plan('2026-03-05T00:30:00Z')?.earlyLateIds).toEqual([]);
    // 16:30: inside the last hour, for both.
    expect(plan('2026-03-05T05:30:00Z')?.earlyLateIds).toEqual(['a', 'b']);
  });
});
