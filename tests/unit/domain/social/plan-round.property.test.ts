import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { planRound } from '../../../../src/domain/social/plan-round';
import type {
  Interval,
  Participant,
  PastGroup,
  PlanInput,
} from '../../../../src/domain/social/plan-types';
import { instant } from '../../../../src/domain/time/instant';
import { DAYS_OF_WEEK, requireIanaZone, toIanaZone } from '../../../../src/domain/time/zones';
import { at } from './builders';

/** Fixed so a failure reproduces; failing seeds found along the way are pinned below. */
const SEED = 20_260_306;
const MIN = 60_000;

const ZONES = [
  'America/New_York',
  'Pacific Standard Time',
  'Europe/London',
  'W. Europe Standard Time',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Sydney',
  'America/Sao_Paulo',
];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;
const SUN_THU = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday'] as const;
/** Weeks with a DST change: the US in March, Europe in October. */
const WINDOWS = [at('2026-03-05T00:00:00Z'), at('2026-10-22T00:00:00Z')];
const WINDOW_DAYS = 7;

const participantArb = (id: string, windowStart: number) =>
  fc.record({
    id: fc.constant(id),
    timeZone: fc.constantFrom(...ZONES),
    workingHours: fc.record({
      days: fc.constantFrom<Participant['workingHours']['days']>(WEEKDAYS, SUN_THU),
      start: fc.constantFrom('07:00', '08:00', '08:30', '09:00', '10:15'),
      end: fc.constantFrom('15:00', '16:30', '17:00', '18:45'),
    }),
    busy: fc.array(
      fc
        .record({
          offset: fc.integer({ min: 0, max: WINDOW_DAYS * 24 * 60 }),
          length: fc.integer({ min: 5, max: 600 }),
        })
        .map(({ offset, length }) => ({
          start: instant(windowStart + offset * MIN),
          end: instant(windowStart + (offset + length) * MIN),
        })),
      { maxLength: 12 },
    ),
    snoozedUntil: fc.option(
      fc.constantFrom(instant(windowStart - 86_400_000), instant(windowStart + 86_400_000)),
      {
        nil: undefined,
      },
    ),
    subTeam: fc.option(fc.constantFrom('red', 'blue'), { nil: undefined }),
    earlyLateCount: fc.integer({ min: 0, max: 4 }),
  });

const inputArb = (maxPeople: number, maxGroupSize: number) =>
  fc
    .record({
      windowStart: fc.constantFrom(...WINDOWS),
      people: fc.integer({ min: 1, max: maxPeople }),
    })
    .chain(({ windowStart, people }) => {
      const ids = Array.from({ length: people }, (_, i) => `p${String(i)}`);
      return fc.record({
        participants: fc.tuple(...ids.map((id) => participantArb(id, windowStart))),
        // A past group needs two people.
        pastGroups:
          people < 2
            ? fc.constant([])
            : fc.array(
                fc.record({
                  memberIds: fc.uniqueArray(fc.constantFrom(...ids), {
                    minLength: 2,
                    maxLength: 3,
                  }),
                  at: fc
                    .integer({ min: 1, max: 20 })
                    .map((weeks) => instant(windowStart - weeks * 7 * 86_400_000)),
                }),
                { maxLength: people },
              ),
        window: fc.constant({
          start: windowStart,
          end: instant(windowStart + WINDOW_DAYS * 86_400_000),
        }),
        slotMinutes: fc.constantFrom<PlanInput['slotMinutes']>(15, 20, 30),
        groupSize: fc.integer({ min: 2, max: maxGroupSize }),
        preferredPart: fc.constantFrom<PlanInput['preferredPart']>(
          'morning',
          'lunch',
          'afternoon',
          'any',
        ),
        mixSubTeams: fc.boolean(),
        now: fc.constant(windowStart),
        seed: fc.integer(),
      });
    });

/**
 * Our own reading of "inside working hours", by wall clock rather than by instants: the slot
 * starts and ends on one local date that is a working day, within the day's start and end.
 */
function insideWorkingHours(p: Participant, slot: Interval): boolean {
  const zone = requireIanaZone(p.timeZone);
  const start = Temporal.Instant.fromEpochMilliseconds(slot.start).toZonedDateTimeISO(zone);
  const end = Temporal.Instant.fromEpochMilliseconds(slot.end).toZonedDateTimeISO(zone);
  const day = DAYS_OF_WEEK[start.dayOfWeek % 7] ?? '';
  const hhmm = (t: Temporal.ZonedDateTime) => t.toPlainTime().toString().slice(0, 5);
  return (
    (p.workingHours.days as readonly string[]).includes(day) &&
    start.toPlainDate().equals(end.toPlainDate()) &&
    hhmm(start) >= p.workingHours.start &&
    hhmm(end) <= p.workingHours.end &&
    end.toPlainTime().second === 0
  );
}

/** Our own reading of "early or late": the slot touches the first or last hour of the day. */
function earlyOrLate(p: Participant, slot: Interval): boolean {
  const zone = requireIanaZone(p.timeZone);
  const local = (at: number) =>
    Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone).toPlainTime();
  const minutes = (t: Temporal.PlainTime) => t.hour * 60 + t.minute;
  const hm = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
  return (
    minutes(local(slot.start)) < hm(p.workingHours.start) + 60 ||
    minutes(local(slot.end)) > hm(p.workingHours.end) - 60
  );
}

const isFree = (p: Participant, slot: Interval) =>
  p.busy.every((b) => b.end <= slot.start || slot.end <= b.start);

const eligible = (p: Participant, now: number) =>
  toIanaZone(p.timeZone) !== undefined && !(p.snoozedUntil !== undefined && p.snoozedUntil > now);

describe('planRound on random organisations', () => {
  it('keeps every hard rule and accounts for everyone', () => {
    fc.assert(
      fc.property(inputArb(40, 4), (input) => {
        const result = planRound(input);
        const byId = new Map(input.participants.map((p) => [p.id, p]));
        const seen = [
          ...result.groups.flatMap((g) => g.memberIds),
          ...result.leftOut.map((l) => l.id),
        ];
        expect([...seen].sort()).toEqual([...byId.keys()].sort());
        for (const g of result.groups) {
          expect(g.memberIds.length).toBeGreaterThanOrEqual(2);
          expect(g.memberIds.length).toBeLessThanOrEqual(input.groupSize + 1);
          expect(g.memberIds).toContain(g.hostId);
          expect(g.slot.end - g.slot.start).toBe(input.slotMinutes * MIN);
          expect(g.slot.start).toBeGreaterThanOrEqual(input.window.start);
          expect(g.slot.end).toBeLessThanOrEqual(input.window.end);
          for (const id of g.memberIds) {
            const p = byId.get(id);
            if (!p) throw new Error(`unknown member ${id}`);
            expect(eligible(p, input.now)).toBe(true);
            expect(insideWorkingHours(p, g.slot), `${id} in working hours`).toBe(true);
            expect(isFree(p, g.slot), `${id} free`).toBe(true);
            expect(g.earlyLateIds.includes(id), `${id} early or late`).toBe(earlyOrLate(p, g.slot));
          }
        }
        for (const { id, reason } of result.leftOut) {
          const p = byId.get(id);
          if (p?.snoozedUntil !== undefined && p.snoozedUntil > input.now)
            expect(reason).toBe('snoozed');
        }
        expect(planRound(input)).toEqual(result);
      }),
      { seed: SEED, numRuns: 150, endOnFailure: true },
    );
  });

  it('matches an exhaustive search on small organisations', () => {
    fc.assert(
      fc.property(inputArb(6, 3), (input) => {
        // Only "at least one shared start", so the search below needs no other overlap rule.
        const planned = planRound({ ...input, minOverlapMinutes: 15 });
        const grouped = new Set(planned.groups.flatMap((g) => g.memberIds));
        const free = freeSlots(input);
        // Not "everyone coverable is covered": two people whose only partner is the same third
        // person cannot both be (seed 20260306, run 26 found it). Instead: nobody left out has a
        // repeat-free partner also left out, and no grouping covers more people than the plan.
        const leftOut = coverable(input, free).filter((id) => !grouped.has(id));
        for (const a of leftOut)
          for (const b of leftOut)
            if (a < b) expect(feasibleGroup([a, b], free, input), `${a}+${b} missed`).toBe(false);
        expect(grouped.size).toBeGreaterThanOrEqual(maxCoverage(input, free));
      }),
      { seed: SEED, numRuns: 60, endOnFailure: true },
    );
  });
});

/** Slots on the quarter-hour grid in the window. */
function gridSlots(input: PlanInput): Interval[] {
  const step = 15 * MIN;
  const slots: Interval[] = [];
  const first = Math.ceil(input.window.start / step) * step;
  for (let s = first; s + input.slotMinutes * MIN <= input.window.end; s += step)
    slots.push({ start: instant(s), end: instant(s + input.slotMinutes * MIN) });
  return slots;
}

/** Per person, the grid slots inside working hours and free, by brute force. */
function freeSlots(input: PlanInput): Map<string, Set<number>> {
  const slots = gridSlots(input);
  return new Map(
    input.participants
      .filter((p) => eligible(p, input.now))
      .map((p) => [
        p.id,
        new Set(slots.filter((s) => isFree(p, s) && insideWorkingHours(p, s)).map((s) => s.start)),
      ]),
  );
}

const metRecently = (past: readonly PastGroup[], a: string, b: string, input: PlanInput) =>
  past.some(
    (g) =>
      g.at >= input.now - (input.avoidRepeatWeeks ?? 12) * 7 * 86_400_000 &&
      g.memberIds.includes(a) &&
      g.memberIds.includes(b),
  );

/** Can these people form one group: a common free slot, no recent repeat, mixed sub-teams? */
function feasibleGroup(ids: string[], free: Map<string, Set<number>>, input: PlanInput): boolean {
  const byId = new Map(input.participants.map((p) => [p.id, p]));
  for (const a of ids)
    for (const b of ids) {
      if (a >= b) continue;
      if (metRecently(input.pastGroups, a, b, input)) return false;
      const ta = byId.get(a)?.subTeam;
      if (input.mixSubTeams && ta !== undefined && ta === byId.get(b)?.subTeam) return false;
    }
  const [first, ...rest] = ids.map((id) => free.get(id) ?? new Set<number>());
  return [...(first ?? [])].some((s) => rest.every((set) => set.has(s)));
}

/** Everyone in some repeat-free feasible group (any feasible group contains a feasible pair). */
function coverable(input: PlanInput, free: Map<string, Set<number>>): string[] {
  const ids = [...free.keys()];
  return ids.filter((a) => ids.some((b) => a !== b && feasibleGroup([a, b], free, input)));
}

/** The most people any set of disjoint repeat-free groups (2 to groupSize + 1 people) covers. */
function maxCoverage(input: PlanInput, free: Map<string, Set<number>>): number {
  const ids = [...free.keys()];
  const best = (rest: string[]): number => {
    const [first, ...others] = rest;
    if (first === undefined) return 0;
    let result = best(others); // `first` left out
    const subsets = (from: string[], size: number): string[][] =>
      size === 0
        ? [[]]
        : from.flatMap((x, i) => subsets(from.slice(i + 1), size - 1).map((s) => [x, ...s]));
    for (let size = 1; size <= input.groupSize; size += 1)
      for (const mates of subsets(others, size)) {
        if (!feasibleGroup([first, ...mates], free, input)) continue;
        const remaining = others.filter((x) => !mates.includes(x));
        result = Math.max(result, 1 + size + best(remaining));
      }
    return result;
  };
  return best(ids);
}
