import { performance } from 'node:perf_hooks';
import { Temporal } from 'temporal-polyfill';
import { seededRandom, type Random } from '../src/domain/random';
import { roundAvailability, type RoundAvailability } from '../src/domain/social/availability';
import { naivePlan } from '../src/domain/social/naive-plan';
import { planRound } from '../src/domain/social/plan-round';
import type {
  Interval,
  Participant,
  PastGroup,
  PlanInput,
  PlanResult,
  WorkingHours,
} from '../src/domain/social/plan-types';
import { intersects } from '../src/domain/social/slot-grid';
import { instant } from '../src/domain/time/instant';
import { requireIanaZone } from '../src/domain/time/zones';
import { median, type Metrics } from './report';

/**
 * The social-slot planner against the naive baseline (shuffle, pair, then look for a slot) on the
 * same synthetic organisations: people across nine zones (one given by its Windows name), four
 * working-hours patterns, ten working days, about half the working time busy, all seeded.
 *
 * Per size N: the time of one round (median of 3), the share of people matched among those with
 * a feasible partner, and over 8 rounds replayed on the same calendars with growing history:
 * avoidable repeats, member slots outside working hours and in busy time (checked here, with our
 * own working-day arithmetic, not the planner's), and the fairness spread of early/late slots.
 */

export const PLANNER_SIZES = [100, 1_000, 10_000] as const;
const TIMED_RUNS = 3;
const ROUNDS = 8;
const SEED = 20_260_306;
const HOUR = 60 * 60_000;
const WEEK = 7 * 24 * HOUR;
/** A Friday; the window is the next two weeks: ten working days (Monday 9 to Friday 20 March). */
const NOW = instant(Date.parse('2026-03-06T00:00:00Z'));
const WINDOW: Interval = { start: NOW, end: instant(NOW + 2 * WEEK) };

const ZONES = [
  'America/Los_Angeles',
  'America/New_York',
  'America/Sao_Paulo',
  'Europe/London',
  'W. Europe Standard Time',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Australia/Sydney',
  'Asia/Jerusalem',
];
const WEEKDAYS: WorkingHours['days'] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const HOURS: [string, string][] = [
  ['09:00', '17:00'],
  ['08:00', '16:00'],
  ['10:00', '18:00'],
  ['08:30', '17:30'],
];

const pick = <T>(random: Random, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
};

/** Working intervals computed here, independently of the planner, for generation and checks. */
const workingCache = new Map<string, Interval[]>();
function working(p: Participant): Interval[] {
  const zone = requireIanaZone(p.timeZone);
  const h = p.workingHours;
  const key = `${zone}|${h.days.join()}|${h.start}|${h.end}`;
  const cached = workingCache.get(key);
  if (cached) return cached;
  const days: Interval[] = [];
  const first = Temporal.Instant.fromEpochMilliseconds(WINDOW.start).toZonedDateTimeISO(zone);
  for (let d = -1; d <= 15; d += 1) {
    const date = first.toPlainDate().add({ days: d });
    const name = date.toLocaleString('en-US', { weekday: 'long' }).toLowerCase();
    if (!(h.days as readonly string[]).includes(name)) continue;
    const time = (hhmm: string) =>
      Temporal.ZonedDateTime.from(`${date.toString()}T${hhmm}[${zone}]`).epochMilliseconds;
    const start = Math.max(time(h.start), WINDOW.start);
    const end = Math.min(time(h.end), WINDOW.end);
    if (start < end) days.push({ start: instant(start), end: instant(end) });
  }
  workingCache.set(key, days);
  return days;
}

export function syntheticOrg(size: number, seed: number): Participant[] {
  const random = seededRandom(seed);
  return Array.from({ length: size }, (_, i) => {
    const timeZone = pick(random, ZONES);
    const [start, end] = pick(random, HOURS);
    const days: WorkingHours['days'] =
      timeZone === 'Asia/Jerusalem'
        ? ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday']
        : WEEKDAYS;
    const person: Participant = {
      id: `p${String(i)}`,
      timeZone,
      workingHours: { days, start, end },
      busy: [],
      subTeam: `team${String(i % 12)}`,
    };
    const busy: Interval[] = [];
    for (const day of working(person)) {
      // Half-hour steps; each step starts a 30- or 60-minute meeting half the time.
      for (let t: number = day.start; t < day.end;) {
        const length = (random() < 0.5 ? 1 : 2) * 30 * 60_000;
        if (random() < 0.5) busy.push({ start: instant(t), end: instant(t + length) });
        t += random() < 0.5 ? length : 30 * 60_000;
      }
    }
    return { ...person, busy };
  });
}

const EARLY_LATE = HOUR;

interface RoundCheck {
  outside: number;
  conflicts: number;
  /** Member ids whose slot was in the first or last hour of their working day. */
  earlyLate: string[];
}

function checkRound(result: PlanResult, byId: Map<string, Participant>): RoundCheck {
  const check: RoundCheck = { outside: 0, conflicts: 0, earlyLate: [] };
  for (const g of result.groups) {
    for (const id of g.memberIds) {
      const p = byId.get(id);
      if (!p) continue;
      const day = working(p).find((d) => d.start <= g.slot.start && g.slot.end <= d.end);
      if (!day) check.outside += 1;
      else if (g.slot.start < day.start + EARLY_LATE || g.slot.end > day.end - EARLY_LATE)
        check.earlyLate.push(id);
      if (p.busy.some((b) => b.start < g.slot.end && g.slot.start < b.end)) check.conflicts += 1;
    }
  }
  return check;
}

/** People with at least one partner they could be grouped with (repeat-free) this round. */
function hasPartner(
  round: RoundAvailability,
  recent: Map<string, Set<string>>,
  among?: Set<string>,
): Set<string> {
  const byPattern = round.patterns.map(() => [] as RoundAvailability['people']);
  for (const p of round.people)
    if (!among || among.has(p.participant.id)) byPattern[p.pattern]?.push(p);
  const n = round.patterns.length;
  const found = new Set<string>();
  for (const p of round.people) {
    const seen = recent.get(p.participant.id);
    search: for (let b = 0; b < n; b += 1) {
      if (round.compatible[p.pattern * n + b] !== 1) continue;
      for (const q of byPattern[b] ?? []) {
        if (q === p || seen?.has(q.participant.id) || !intersects(p.free, q.free)) continue;
        found.add(p.participant.id);
        break search;
      }
    }
  }
  return found;
}

function recentOf(past: readonly PastGroup[]): Map<string, Set<string>> {
  const recent = new Map<string, Set<string>>();
  for (const g of past)
    for (const a of g.memberIds)
      for (const b of g.memberIds) {
        if (a === b) continue;
        const set = recent.get(a) ?? new Set<string>();
        set.add(b);
        recent.set(a, set);
      }
  return recent;
}

type Plan = (input: PlanInput) => PlanResult;

function measure(plan: Plan, org: Participant[], prefix: string): Metrics {
  const byId = new Map(org.map((p) => [p.id, p]));
  const base: PlanInput = {
    participants: org,
    pastGroups: [],
    window: WINDOW,
    slotMinutes: 30,
    groupSize: 2,
    preferredPart: 'any',
    avoidRepeatWeeks: 12,
    now: NOW,
    seed: SEED,
  };
  const times: number[] = [];
  let first: PlanResult | undefined;
  for (let run = 0; run < TIMED_RUNS; run += 1) {
    const t0 = performance.now();
    first = plan(base);
    times.push(performance.now() - t0);
  }
  if (!first) throw new Error('no run');
  const round0 = roundAvailability(base);
  const feasible = hasPartner(round0, new Map());
  const matched = new Set(first.groups.flatMap((g) => g.memberIds));
  const matchedFeasible = [...feasible].filter((id) => matched.has(id)).length;

  let outside = 0;
  let conflicts = 0;
  let avoidable = 0;
  const earlyLate = new Map(org.map((p) => [p.id, 0]));
  const past: PastGroup[] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    const participants = org.map((p) => ({ ...p, earlyLateCount: earlyLate.get(p.id) ?? 0 }));
    const input = { ...base, participants, pastGroups: [...past], now: instant(NOW + r * WEEK) };
    const result = r === 0 ? first : plan({ ...input, seed: SEED + r });
    const check = checkRound(result, byId);
    outside += check.outside;
    conflicts += check.conflicts;
    for (const id of check.earlyLate) earlyLate.set(id, (earlyLate.get(id) ?? 0) + 1);
    // A repeat is avoidable when a member has a feasible repeat-free partner left out this round.
    const recent = recentOf(past);
    const leftOut = new Set(result.leftOut.map((l) => l.id));
    const couldHaveMet = hasPartner(roundAvailability(input), recent, leftOut);
    for (const g of result.groups) {
      const avoidableHere = g.memberIds.some(
        (a) => couldHaveMet.has(a) && g.memberIds.some((b) => recent.get(a)?.has(b) === true),
      );
      if (avoidableHere) avoidable += 1;
    }
    past.push(
      ...result.groups.map((g) => ({ memberIds: g.memberIds, at: input.now, hostId: g.hostId })),
    );
  }
  const counts = [...earlyLate.values()];
  const round1 = (x: number) => Math.round(x * 10) / 10;
  return {
    [`${prefix}.ms`]: { value: round1(median(times)), unit: 'ms' },
    [`${prefix}.matchedFeasibleShare`]: {
      value: feasible.size === 0 ? 1 : matchedFeasible / feasible.size,
      unit: 'share',
    },
    [`${prefix}.avoidableRepeats`]: {
      value: avoidable,
      unit: `groups in ${String(ROUNDS)} rounds`,
    },
    [`${prefix}.outsideWorkingHours`]: { value: outside, unit: 'member slots' },
    [`${prefix}.conflicts`]: { value: conflicts, unit: 'member slots' },
    [`${prefix}.fairnessSpread`]: {
      value: Math.max(...counts) - Math.min(...counts),
      unit: `early/late slots in ${String(ROUNDS)} rounds`,
    },
  };
}

export function measurePlanner(): Promise<Metrics> {
  const metrics: Metrics = {};
  for (const size of PLANNER_SIZES) {
    const org = syntheticOrg(size, SEED + size);
    Object.assign(metrics, measure(planRound, org, `planner.n${String(size)}`));
    Object.assign(metrics, measure(naivePlan, org, `baseline.n${String(size)}`));
  }
  return Promise.resolve(metrics);
}
