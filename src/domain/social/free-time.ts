import { Temporal } from 'temporal-polyfill';
import { instant } from '../time/instant';
import { DAYS_OF_WEEK } from '../time/zones';
import type { Interval, WorkingHours } from './plan-types';
import type { DayPart } from './program';
import {
  clearRange,
  emptySet,
  setRange,
  startsInside,
  startsOverlapping,
  type SlotGrid,
} from './slot-grid';

/**
 * A person's free time: their working hours, read in their own zone day by day (so a DST change
 * moves the instants, not the wall clock), minus their busy times.
 */

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d(?:\.\d{1,7})?)?$/;

/** "09:30" (or Graph's "09:30:00.0000000") as a time of day; undefined when malformed. */
export function parseTimeOfDay(text: string): Temporal.PlainTime | undefined {
  const match = HH_MM.exec(text);
  if (!match) return undefined;
  return new Temporal.PlainTime(Number(match[1]), Number(match[2]));
}

/** One working day: its instants, and the local date it belongs to. */
export interface WorkingDay extends Interval {
  date: Temporal.PlainDate;
  /** The whole day's working time, before clipping to the window: its first and last hours. */
  whole: Interval;
}

const at = (date: Temporal.PlainDate, time: Temporal.PlainTime, zone: string): number =>
  date.toZonedDateTime({ timeZone: zone, plainTime: time }).epochMilliseconds;

/**
 * The working intervals of `hours` in IANA `zone` that overlap `window`, clipped to it, sorted.
 * Wall-clock times that a DST change skips resolve as Temporal's 'compatible' rule does.
 *
 * Example: Monday–Friday 09:00–17:00 in America/New_York over 2026-03-06..09 (UTC) gives
 * Friday 14:00–22:00Z (EST) and Monday 13:00–21:00Z (EDT, the clocks changed on Sunday).
 */
export function workingDays(zone: string, hours: WorkingHours, window: Interval): WorkingDay[] {
  const start = parseTimeOfDay(hours.start);
  const end = parseTimeOfDay(hours.end);
  if (!start || !end || Temporal.PlainTime.compare(start, end) >= 0) return [];
  const days = new Set(hours.days);
  const first = Temporal.Instant.fromEpochMilliseconds(window.start)
    .toZonedDateTimeISO(zone)
    .toPlainDate();
  const last = Temporal.Instant.fromEpochMilliseconds(window.end)
    .toZonedDateTimeISO(zone)
    .toPlainDate();
  const result: WorkingDay[] = [];
  for (
    let date = first;
    Temporal.PlainDate.compare(date, last) <= 0;
    date = date.add({ days: 1 })
  ) {
    const day = DAYS_OF_WEEK[date.dayOfWeek % 7];
    if (day === undefined || !days.has(day)) continue;
    const whole = { start: instant(at(date, start, zone)), end: instant(at(date, end, zone)) };
    const s = Math.max(whole.start, window.start);
    const e = Math.min(whole.end, window.end);
    if (s < e) result.push({ start: instant(s), end: instant(e), date, whole });
  }
  return result;
}

/**
 * Sorted, non-overlapping `intervals` minus `busy` (in any order, possibly overlapping).
 * [9:00–12:00) minus [10:00–10:30) and [10:15–11:00) is [9:00–10:00), [11:00–12:00).
 */
export function subtractBusy(
  intervals: readonly Interval[],
  busy: readonly Interval[],
): Interval[] {
  const cuts = busy.filter((b) => b.start < b.end).sort((a, b) => a.start - b.start);
  const result: Interval[] = [];
  for (const interval of intervals) {
    let cursor: number = interval.start;
    for (const cut of cuts) {
      if (cut.end <= cursor) continue;
      if (cut.start >= interval.end) break;
      if (cut.start > cursor) result.push({ start: instant(cursor), end: cut.start });
      cursor = Math.max(cursor, cut.end);
    }
    if (cursor < interval.end) result.push({ start: instant(cursor), end: interval.end });
  }
  return result;
}

/**
 * Where a part of the day lies in local wall-clock time. A slot is in the part when it lies
 * wholly inside; "lunch" overlaps both others on purpose.
 */
const PART_BOUNDS: Record<Exclude<DayPart, 'any'>, [string, string]> = {
  morning: ['00:00', '12:00'],
  lunch: ['11:30', '14:00'],
  afternoon: ['13:00', '23:59'],
};

/** Slots starting within this long after the day's start, or ending within it before its end. */
const EARLY_LATE_MS = 60 * 60_000;

/** Everything that depends on a zone and working hours alone, shared by everyone who has them. */
export interface WorkingPattern {
  days: WorkingDay[];
  /** Starts whose slot lies inside one working day. */
  working: Uint32Array;
  /** Working starts in the preferred part of the day (empty for 'any'). */
  preferred: Uint32Array;
  /** Working starts in the first or last hour of a working day. */
  earlyLate: Uint32Array;
}

export function workingPattern(
  zone: string,
  hours: WorkingHours,
  window: Interval,
  grid: SlotGrid,
  part: DayPart,
): WorkingPattern {
  const days = workingDays(zone, hours, window);
  const working = emptySet(grid);
  const preferred = emptySet(grid);
  const earlyLate = emptySet(grid);
  const bounds =
    part === 'any'
      ? undefined
      : PART_BOUNDS[part].map((t) => parseTimeOfDay(t) ?? Temporal.PlainTime.from(t));
  for (const day of days) {
    const [lo, hi] = startsInside(grid, day.start, day.end);
    if (lo > hi) continue;
    setRange(working, lo, hi);
    // Measured from the day's real start and end: a day cut by the window's edge is not early there.
    if (day.whole.start + EARLY_LATE_MS > grid.origin) {
      const [, earlyHi] = startsOverlapping(grid, day.whole.start, day.whole.start + EARLY_LATE_MS);
      setRange(earlyLate, lo, Math.min(hi, earlyHi));
    }
    const [lateLo] = startsOverlapping(grid, day.whole.end - EARLY_LATE_MS, day.whole.end);
    setRange(earlyLate, Math.max(lo, lateLo), hi);
    if (bounds?.[0] && bounds[1]) {
      const from = Math.max(day.start, at(day.date, bounds[0], zone));
      const to = Math.min(day.end, at(day.date, bounds[1], zone));
      const [pLo, pHi] = startsInside(grid, from, to);
      setRange(preferred, pLo, pHi);
    }
  }
  return { days, working, preferred, earlyLate };
}

/** The working starts of a pattern that are free of every busy interval. */
export function freeStarts(
  pattern: WorkingPattern,
  busy: readonly Interval[],
  grid: SlotGrid,
): Uint32Array {
  const free = Uint32Array.from(pattern.working);
  for (const b of busy) {
    if (b.end <= b.start) continue;
    const [lo, hi] = startsOverlapping(grid, b.start, b.end);
    clearRange(free, lo, hi);
  }
  return free;
}
