import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { instant, type Instant } from '../../../domain/time/instant';
import {
  DAYS_OF_WEEK,
  type DayOfWeek,
  parseLocalDateTime,
  requireIanaZone,
  toIanaZone,
  zonedLocalToInstant,
} from '../../../domain/time/zones';

/**
 * Graph's `patternedRecurrence`: validation of what clients send, and expansion of a series master
 * into the occurrences calendarView returns.
 */

export const RECURRENCE_PATTERN_TYPES = [
  'daily',
  'weekly',
  'absoluteMonthly',
  'relativeMonthly',
  'absoluteYearly',
  'relativeYearly',
] as const;
export const RECURRENCE_RANGE_TYPES = ['endDate', 'noEnd', 'numbered'] as const;
export const WEEK_INDEXES = ['first', 'second', 'third', 'fourth', 'last'] as const;

export type RecurrencePatternType = (typeof RECURRENCE_PATTERN_TYPES)[number];
export type RecurrenceRangeType = (typeof RECURRENCE_RANGE_TYPES)[number];
export type WeekIndex = (typeof WEEK_INDEXES)[number];
export type { DayOfWeek };

/**
 * Graph reads its enums case-insensitively (its own docs post `"daysOfWeek": ["Monday"]`,
 * `"type": "Required"`, `"locationType": "Default"`); the value is kept as the member is spelt.
 */
export function graphEnum<const T extends readonly [string, ...string[]]>(values: T) {
  const byLowerCase = new Map<string, string>(values.map((value) => [value.toLowerCase(), value]));
  return z
    .string()
    .transform((value) => byLowerCase.get(value.toLowerCase()) ?? value)
    .pipe(z.enum(values));
}

/** Graph echoes unset recurrence fields with fixed values (month 0, index "first"…); so do we. */
function withDefault<T extends z.ZodType>(schema: T, fallback: z.output<T>) {
  return schema.nullish().transform((value) => value ?? fallback);
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date such as 2026-03-15')
  .refine((value) => {
    try {
      Temporal.PlainDate.from(value, { overflow: 'reject' });
      return true;
    } catch {
      return false;
    }
  }, 'no such date');

const dayOfWeekSchema = graphEnum(DAYS_OF_WEEK);

/** Longest month length per month, February in a leap year: a yearly day must exist some year. */
const MAX_DAY_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export const recurrencePatternSchema = z
  .object({
    type: graphEnum(RECURRENCE_PATTERN_TYPES),
    // Bounded so that interval arithmetic stays far inside Temporal's date range.
    interval: z.number().int().min(1).max(999),
    month: withDefault(z.number().int().min(0).max(12), 0),
    dayOfMonth: withDefault(z.number().int().min(0).max(31), 0),
    daysOfWeek: withDefault(z.array(dayOfWeekSchema).max(7), []).transform((days) =>
      DAYS_OF_WEEK.filter((day) => days.includes(day)),
    ),
    firstDayOfWeek: withDefault(dayOfWeekSchema, 'sunday'),
    index: withDefault(graphEnum(WEEK_INDEXES), 'first'),
  })
  .superRefine((pattern, ctx) => {
    const needs = (path: string, message: string) => {
      ctx.addIssue({ code: 'custom', path: [path], message });
    };
    const { type, month, dayOfMonth, daysOfWeek } = pattern;
    if (
      (type === 'weekly' || type === 'relativeMonthly' || type === 'relativeYearly') &&
      daysOfWeek.length === 0
    ) {
      needs('daysOfWeek', `a ${type} pattern needs at least one day of the week`);
    }
    if ((type === 'absoluteMonthly' || type === 'absoluteYearly') && dayOfMonth < 1) {
      needs('dayOfMonth', `a ${type} pattern needs a dayOfMonth from 1 to 31`);
    }
    if (type === 'absoluteYearly' || type === 'relativeYearly') {
      const longest = MAX_DAY_IN_MONTH[month - 1];
      if (longest === undefined) needs('month', `a ${type} pattern needs a month from 1 to 12`);
      else if (type === 'absoluteYearly' && dayOfMonth > longest) {
        needs('dayOfMonth', `month ${month} has no day ${dayOfMonth}`);
      }
    }
  });

export const recurrenceRangeSchema = z
  .object({
    type: graphEnum(RECURRENCE_RANGE_TYPES),
    startDate: isoDate,
    // Graph echoes "0001-01-01" and 0 for the end a range does not use.
    endDate: withDefault(isoDate, '0001-01-01'),
    numberOfOccurrences: withDefault(z.number().int().min(0).max(2_147_483_647), 0),
    // Graph sets it to the start's zone; expansion reads range dates in the start's zone too.
    recurrenceTimeZone: z
      .string()
      .max(100)
      .refine((zone) => toIanaZone(zone) !== undefined, 'unknown time zone')
      .nullish()
      .transform((zone) => zone ?? undefined),
  })
  .superRefine((range, ctx) => {
    if (range.type === 'endDate' && range.endDate < range.startDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['endDate'],
        message: 'an endDate range needs an endDate on or after its startDate',
      });
    }
    if (range.type === 'numbered' && range.numberOfOccurrences < 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['numberOfOccurrences'],
        message: 'a numbered range needs numberOfOccurrences of at least 1',
      });
    }
  });

/**
 * Validates a client's `recurrence` and fills the fields Graph echoes back. Accepts what Graph
 * itself returns (month 0, "0001-01-01", nulls), so a read-modify-write round-trips.
 */
export const recurrenceSchema = z.object({
  pattern: recurrencePatternSchema,
  range: recurrenceRangeSchema,
});

export type RecurrencePattern = z.output<typeof recurrencePatternSchema>;
export type RecurrenceRange = z.output<typeof recurrenceRangeSchema>;
export type PatternedRecurrence = z.output<typeof recurrenceSchema>;
export type PatternedRecurrenceInput = z.input<typeof recurrenceSchema>;

/** Graph's `dateTimeTimeZone`: a wall-clock time and a Windows or IANA zone name. */
export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

/** A modified occurrence: where the pattern put it (`originalStart`) and where it is now. */
export interface ExceptionOccurrence {
  originalStart: Instant;
  start: Instant;
  end: Instant;
}

export interface RecurrenceExpansion<E extends ExceptionOccurrence = ExceptionOccurrence> {
  /** The series master's start; its wall-clock time and zone are every occurrence's. */
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  recurrence: PatternedRecurrence;
  /** Original starts of deleted occurrences. */
  cancelled?: Iterable<Instant>;
  exceptions?: readonly E[];
  /** The half-open window [windowStart, windowEnd) of the calendarView request. */
  windowStart: Instant;
  windowEnd: Instant;
}

export interface Occurrence<E extends ExceptionOccurrence = ExceptionOccurrence> {
  /** Where the pattern puts this occurrence; identifies it even after it was moved. */
  originalStart: Instant;
  start: Instant;
  end: Instant;
  isException: boolean;
  /** The exception this occurrence comes from, when it was modified. */
  exception?: E;
}

const DAY_MS = 86_400_000;

/**
 * Periods visited in one expansion. Expansion stops at the window's end by itself; this only
 * bounds huge windows and numbered series that start long before the window (about 137 years of
 * a daily series).
 */
const MAX_PERIODS = 50_000;

/** Graph's day index (sunday = 0) of a date; Temporal counts monday = 1 … sunday = 7. */
const graphDay = (date: Temporal.PlainDate): number => date.dayOfWeek % 7;
const dayIndex = (day: DayOfWeek): number => DAYS_OF_WEEK.indexOf(day);
const daysBetween = (from: Temporal.PlainDate, to: Temporal.PlainDate): number =>
  from.until(to, { largestUnit: 'day' }).days;
const isBefore = (a: Temporal.PlainDate, b: Temporal.PlainDate): boolean =>
  Temporal.PlainDate.compare(a, b) < 0;

/**
 * A pattern cut into periods of `interval` units (days, weeks, months or years) counted from the
 * range start, as Outlook anchors them. Period p's dates are all before period p + 1's.
 */
interface Cadence {
  /** The first day period p may contain. */
  periodStart(p: number): Temporal.PlainDate;
  /** Period p's dates, ascending; they may fall before the range start, which the caller drops. */
  datesIn(p: number): Temporal.PlainDate[];
  /** The last period starting on or before `date`: every earlier period ends before `date`. */
  periodOf(date: Temporal.PlainDate): number;
}

/**
 * The `index`-th of the days in a month that fall on one of `days`.
 * With several days this is Outlook's "first weekday"/"last weekend day": second of
 * [saturday, sunday] in June 2024 is Sunday the 2nd.
 */
function relativeDayInMonth(
  yearMonth: Temporal.PlainYearMonth,
  days: readonly DayOfWeek[],
  index: WeekIndex,
): Temporal.PlainDate | undefined {
  const first = yearMonth.toPlainDate({ day: 1 });
  const wanted = new Set(days.map(dayIndex));
  const matches: number[] = [];
  for (let day = 1; day <= yearMonth.daysInMonth; day++) {
    if (wanted.has((graphDay(first) + day - 1) % 7)) matches.push(day);
  }
  const day = index === 'last' ? matches.at(-1) : matches[WEEK_INDEXES.indexOf(index)];
  return day === undefined ? undefined : yearMonth.toPlainDate({ day });
}

function absoluteDayInMonth(
  yearMonth: Temporal.PlainYearMonth,
  dayOfMonth: number,
): Temporal.PlainDate | undefined {
  // Outlook skips months without the day rather than moving to their last day.
  return dayOfMonth <= yearMonth.daysInMonth
    ? yearMonth.toPlainDate({ day: dayOfMonth })
    : undefined;
}

function cadenceOf(pattern: RecurrencePattern, rangeStart: Temporal.PlainDate): Cadence {
  const { interval } = pattern;
  const present = (date: Temporal.PlainDate | undefined): Temporal.PlainDate[] =>
    date === undefined ? [] : [date];
  switch (pattern.type) {
    case 'daily': {
      const periodStart = (p: number) => rangeStart.add({ days: p * interval });
      return {
        periodStart,
        datesIn: (p) => [periodStart(p)],
        periodOf: (date) => Math.floor(daysBetween(rangeStart, date) / interval),
      };
    }
    case 'weekly': {
      // Weeks begin on firstDayOfWeek: with interval 2, Sunday belongs to the week before a
      // Monday when weeks start on Monday, and to the week of it when they start on Sunday.
      const firstDay = dayIndex(pattern.firstDayOfWeek);
      const week0 = rangeStart.subtract({ days: (graphDay(rangeStart) - firstDay + 7) % 7 });
      const offsets = pattern.daysOfWeek
        .map((day) => (dayIndex(day) - firstDay + 7) % 7)
        .sort((a, b) => a - b);
      const periodStart = (p: number) => week0.add({ days: p * interval * 7 });
      return {
        periodStart,
        datesIn: (p) => {
          const start = periodStart(p);
          return offsets.map((offset) => start.add({ days: offset }));
        },
        periodOf: (date) => Math.floor(daysBetween(week0, date) / (interval * 7)),
      };
    }
    case 'absoluteMonthly':
    case 'relativeMonthly': {
      const month0 = rangeStart.toPlainYearMonth();
      const monthOf = (p: number) => month0.add({ months: p * interval });
      const dayIn =
        pattern.type === 'absoluteMonthly'
          ? (month: Temporal.PlainYearMonth) => absoluteDayInMonth(month, pattern.dayOfMonth)
          : (month: Temporal.PlainYearMonth) =>
              relativeDayInMonth(month, pattern.daysOfWeek, pattern.index);
      return {
        periodStart: (p) => monthOf(p).toPlainDate({ day: 1 }),
        datesIn: (p) => present(dayIn(monthOf(p))),
        periodOf: (date) => {
          const months = (date.year - month0.year) * 12 + (date.month - month0.month);
          return Math.floor(months / interval);
        },
      };
    }
    case 'absoluteYearly':
    case 'relativeYearly': {
      const year0 = rangeStart.year;
      const monthOf = (p: number) =>
        Temporal.PlainYearMonth.from({ year: year0 + p * interval, month: pattern.month });
      const dayIn =
        pattern.type === 'absoluteYearly'
          ? (month: Temporal.PlainYearMonth) => absoluteDayInMonth(month, pattern.dayOfMonth)
          : (month: Temporal.PlainYearMonth) =>
              relativeDayInMonth(month, pattern.daysOfWeek, pattern.index);
      return {
        periodStart: (p) =>
          Temporal.PlainDate.from({ year: year0 + p * interval, month: 1, day: 1 }),
        datesIn: (p) => present(dayIn(monthOf(p))),
        periodOf: (date) => Math.floor((date.year - year0) / interval),
      };
    }
  }
}

interface PatternOccurrence {
  originalStart: Instant;
  end: Instant;
}

/** Everything about a series that does not depend on the window. */
interface Series {
  recurrence: PatternedRecurrence;
  zone: string;
  rangeStart: Temporal.PlainDate;
  startTime: Temporal.PlainTime;
  /** The master's length as wall-clock time in its start zone (Outlook stores end minutes too). */
  length: Temporal.Duration;
  /** Whole days an occurrence may span, to look back far enough for ones reaching into a window. */
  spanDays: number;
}

function seriesOf(input: RecurrenceExpansion): Series {
  const zone = requireIanaZone(input.start.timeZone);
  const start = parseLocalDateTime(input.start.dateTime);
  const end =
    requireIanaZone(input.end.timeZone) === zone
      ? parseLocalDateTime(input.end.dateTime)
      : Temporal.Instant.fromEpochMilliseconds(
          zonedLocalToInstant(input.end.dateTime, input.end.timeZone),
        )
          .toZonedDateTimeISO(zone)
          .toPlainDateTime();
  const length =
    Temporal.PlainDateTime.compare(start, end) < 0 ? start.until(end) : new Temporal.Duration();
  return {
    recurrence: input.recurrence,
    zone,
    rangeStart: Temporal.PlainDate.from(input.recurrence.range.startDate),
    startTime: start.toPlainTime(),
    length,
    spanDays: Math.ceil(length.total({ unit: 'millisecond' }) / DAY_MS),
  };
}

/**
 * The pattern's occurrences (exceptions and cancellations not applied) with local dates in
 * [from, until], in order. Numbered ranges always count from the range start, whatever `from` is.
 */
function* patternOccurrences(
  series: Series,
  from: Temporal.PlainDate,
  until: Temporal.PlainDate,
): Generator<PatternOccurrence> {
  const { pattern, range } = series.recurrence;
  const cadence = cadenceOf(pattern, series.rangeStart);
  const endDate = range.type === 'endDate' ? Temporal.PlainDate.from(range.endDate) : undefined;
  const last = endDate !== undefined && isBefore(endDate, until) ? endDate : until;
  const counted = range.type === 'numbered';
  let count = 0;
  let previous = -Infinity;
  const first = counted ? 0 : Math.max(0, cadence.periodOf(from));
  for (let p = first; p < first + MAX_PERIODS; p++) {
    if (isBefore(last, cadence.periodStart(p))) return;
    for (const date of cadence.datesIn(p)) {
      if (isBefore(date, series.rangeStart)) continue;
      if (isBefore(last, date)) return;
      if (counted && count >= range.numberOfOccurrences) return;
      count++;
      if (isBefore(date, from)) continue;
      const local = date.toPlainDateTime(series.startTime);
      const startMs = local.toZonedDateTime(series.zone).epochMilliseconds;
      // A day a zone skipped entirely (Samoa, 2011-12-30) lands on the next day's instant.
      if (startMs <= previous) continue;
      previous = startMs;
      const endMs = Math.max(
        startMs,
        local.add(series.length).toZonedDateTime(series.zone).epochMilliseconds,
      );
      yield { originalStart: instant(startMs), end: instant(endMs) };
    }
  }
  throw new RangeError(
    `Recurrence expansion visited ${MAX_PERIODS} periods; narrow the window or the series`,
  );
}

function localDate(at: Instant, zone: string): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone).toPlainDate();
}

/**
 * Whether [start, end) shows in the window [windowStart, windowEnd), as calendarView decides:
 * it overlaps the window. A zero-length item is a point and shows when windowStart <= start <
 * windowEnd, so adjacent windows [a, b) and [b, c) together show exactly what [a, c) shows.
 */
export function overlapsWindow(
  start: Instant,
  end: Instant,
  windowStart: Instant,
  windowEnd: Instant,
): boolean {
  return start < windowEnd && (end > windowStart || (start === end && start >= windowStart));
}

/**
 * The occurrences of a series that overlap [windowStart, windowEnd), ordered by start, as
 * calendarView lists them.
 *
 * Occurrences keep the master's wall-clock time in its start zone: a 09:00 Los Angeles meeting
 * is at 17:00Z in winter and 16:00Z in summer. A cancelled occurrence is gone; an exception is
 * shown where it is now, so one moved into the window shows and one moved out of it does not.
 * Exceptions and cancellations whose original start the pattern does not produce are ignored.
 *
 * @throws Error on an unknown zone or a malformed dateTime in `start`/`end`.
 */
export function expandRecurrence<E extends ExceptionOccurrence>(
  input: RecurrenceExpansion<E>,
): Occurrence<E>[] {
  const { windowStart, windowEnd } = input;
  if (windowEnd <= windowStart) return [];
  const series = seriesOf(input);
  const cancelled = new Set<number>(input.cancelled ?? []);
  const exceptions = new Map<number, E>();
  for (const exception of input.exceptions ?? []) {
    if (!cancelled.has(exception.originalStart)) exceptions.set(exception.originalStart, exception);
  }

  const out: Occurrence<E>[] = [];
  const from = localDate(windowStart, series.zone).subtract({ days: series.spanDays + 1 });
  const until = localDate(windowEnd, series.zone).add({ days: 1 });
  for (const o of patternOccurrences(series, from, until)) {
    if (cancelled.has(o.originalStart) || exceptions.has(o.originalStart)) continue;
    if (!overlapsWindow(o.originalStart, o.end, windowStart, windowEnd)) continue;
    out.push({
      originalStart: o.originalStart,
      start: o.originalStart,
      end: o.end,
      isException: false,
    });
  }

  for (const exception of exceptions.values()) {
    if (!overlapsWindow(exception.start, exception.end, windowStart, windowEnd)) continue;
    if (!isPatternOccurrence(series, exception.originalStart)) continue;
    out.push({
      originalStart: exception.originalStart,
      start: exception.start,
      end: exception.end,
      isException: true,
      exception,
    });
  }
  return out.sort((a, b) => a.start - b.start || a.originalStart - b.originalStart);
}

function isPatternOccurrence(series: Series, originalStart: Instant): boolean {
  const date = localDate(originalStart, series.zone);
  for (const o of patternOccurrences(series, date.subtract({ days: 1 }), date.add({ days: 1 }))) {
    if (o.originalStart === originalStart) return true;
  }
  return false;
}
