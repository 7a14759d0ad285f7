import { toIanaZone } from '../time/zones';
import { freeStarts, workingPattern, type WorkingPattern } from './free-time';
import type { LeftOutReason, Participant, PlanInput } from './plan-types';
import { hasBit, popcount, popcountAnd, slotGrid, GRID_MINUTES, type SlotGrid } from './slot-grid';

/**
 * Everyone's possible slots for one round, computed once: the planner and the naive baseline
 * both start from here, so they are judged on the same free time.
 */

export interface Candidate {
  /** Index in `RoundAvailability.people`. */
  index: number;
  participant: Participant;
  /** Index in `RoundAvailability.patterns`: people with one zone and working hours share one. */
  pattern: number;
  /** Starts where the whole slot is inside working hours and free. */
  free: Uint32Array;
  freeCount: number;
}

export interface RoundAvailability {
  grid: SlotGrid;
  patterns: WorkingPattern[];
  /** `compatible[a * patterns.length + b]`: working hours of a and b overlap enough. */
  compatible: Uint8Array;
  /** How many people (with free time) have each pattern. */
  patternSize: number[];
  /** People who can be grouped this round: joined, not snoozed, known zone, some free time. */
  people: Candidate[];
  /** Everyone else, with why, in input order. */
  excluded: { id: string; reason: LeftOutReason }[];
}

const DEFAULT_MIN_OVERLAP_MINUTES = 60;

export function roundAvailability(input: PlanInput): RoundAvailability {
  const grid = slotGrid(input.window, input.slotMinutes);
  const patterns: WorkingPattern[] = [];
  const patternIndex = new Map<string, number>();
  const people: Candidate[] = [];
  const excluded: RoundAvailability['excluded'] = [];
  for (const participant of input.participants) {
    if (participant.snoozedUntil !== undefined && participant.snoozedUntil > input.now) {
      excluded.push({ id: participant.id, reason: 'snoozed' });
      continue;
    }
    const zone = toIanaZone(participant.timeZone);
    if (zone === undefined) {
      excluded.push({ id: participant.id, reason: 'invalidTimeZone' });
      continue;
    }
    const hours = participant.workingHours;
    const key = [zone, [...hours.days].sort().join(','), hours.start, hours.end].join('|');
    let pattern = patternIndex.get(key);
    if (pattern === undefined) {
      pattern = patterns.length;
      patterns.push(workingPattern(zone, hours, input.window, grid, input.preferredPart));
      patternIndex.set(key, pattern);
    }
    const working = patterns[pattern];
    const free = working ? freeStarts(working, participant.busy, grid) : new Uint32Array(0);
    const freeCount = popcount(free);
    if (freeCount === 0) {
      excluded.push({ id: participant.id, reason: 'noFreeTime' });
      continue;
    }
    people.push({ index: people.length, participant, pattern, free, freeCount });
  }

  const minStarts = Math.max(
    1,
    Math.floor((input.minOverlapMinutes ?? DEFAULT_MIN_OVERLAP_MINUTES) / GRID_MINUTES),
  );
  const n = patterns.length;
  const compatible = new Uint8Array(n * n);
  for (let a = 0; a < n; a += 1) {
    for (let b = a; b < n; b += 1) {
      const pa = patterns[a];
      const pb = patterns[b];
      const ok = pa && pb && popcountAnd(pa.working, pb.working) >= minStarts ? 1 : 0;
      compatible[a * n + b] = ok;
      compatible[b * n + a] = ok;
    }
  }
  const patternSize = patterns.map(() => 0);
  for (const p of people) patternSize[p.pattern] = (patternSize[p.pattern] ?? 0) + 1;
  return { grid, patterns, compatible, patternSize, people, excluded };
}

export const workingOverlap = (round: RoundAvailability, a: Candidate, b: Candidate): boolean =>
  round.compatible[a.pattern * round.patterns.length + b.pattern] === 1;

/** Members for whom a start is early or late in their own working day (fairness rotates these). */
export const earlyLateAt = (
  round: RoundAvailability,
  members: readonly Candidate[],
  cell: number,
): string[] =>
  members.flatMap((m) => {
    const pattern = round.patterns[m.pattern];
    return pattern && hasBit(pattern.earlyLate, cell) ? [m.participant.id] : [];
  });
