import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { instant, type Instant } from '../../../src/domain/time/instant';
import {
  DAYS_OF_WEEK,
  type DayOfWeek,
  instantToZonedLocal,
  localDateOf,
  requireIanaZone,
  weekdayOf,
  zonedLocalToInstant,
} from '../../../src/domain/time/zones';
import {
  expandRecurrence,
  overlapsWindow,
  recurrenceSchema,
  type ExceptionOccurrence,
  type Occurrence,
  type PatternedRecurrenceInput,
  type RecurrenceExpansion,
} from '../../../src/local/tenant/calendar/recurrence';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const utc = (iso: string): Instant => instant(Date.parse(iso));

interface SeriesOptions<E extends ExceptionOccurrence> {
  start?: string;
  end?: string;
  zone?: string;
  recurrence: PatternedRecurrenceInput;
  window: [string, string];
  cancelled?: Instant[];
  exceptions?: E[];
}

/** A series in one zone, its window given as wall-clock times in that zone. */
function expand<E extends ExceptionOccurrence = ExceptionOccurrence>(
  options: SeriesOptions<E>,
): Occurrence<E>[] {
  const zone = options.zone ?? 'UTC';
  const input: RecurrenceExpansion<E> = {
    start: { dateTime: options.start ?? '2024-01-01T09:00:00', timeZone: zone },
    end: { dateTime: options.end ?? '2024-01-01T10:00:00', timeZone: zone },
    recurrence: recurrenceSchema.parse(options.recurrence),
    windowStart: zonedLocalToInstant(options.window[0], zone),
    windowEnd: zonedLocalToInstant(options.window[1], zone),
  };
  if (options.cancelled) input.cancelled = options.cancelled;
  if (options.exceptions) input.exceptions = options.exceptions;
  return expandRecurrence(input);
}

const localStarts = (occurrences: Occurrence[], zone = 'UTC'): string[] =>
  occurrences.map((o) => instantToZonedLocal(o.start, zone).slice(0, 16));

const noEnd = (startDate: string) => ({ type: 'noEnd', startDate }) as const;

describe('expandRecurrence: patterns', () => {
  it('repeats daily every other day', () => {
    const occurrences = expand({
      recurrence: { pattern: { type: 'daily', interval: 2 }, range: noEnd('2024-01-01') },
      window: ['2024-01-01T00:00:00', '2024-01-10T00:00:00'],
    });
    expect(localStarts(occurrences)).toEqual([
      '2024-01-01T09:00',
      '2024-01-03T09:00',
      '2024-01-05T09:00',
      '2024-01-07T09:00',
      '2024-01-09T09:00',
    ]);
    expect(occurrences.every((o) => o.end - o.start === HOUR && !o.isException)).toBe(true);
  });

  it('keeps a Mon/Wed/Fri meeting at 09:00 Los Angeles time across the switch to daylight time', () => {
    const zone = 'Pacific Standard Time';
    const occurrences = expand({
      zone,
      start: '2024-03-04T09:00:00',
      end: '2024-03-04T09:30:00',
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['Monday', 'Wednesday', 'Friday'] },
        range: noEnd('2024-03-04'),
      },
      window: ['2024-03-04T00:00:00', '2024-03-16T00:00:00'],
    });
    expect(localStarts(occurrences, zone)).toEqual([
      '2024-03-04T09:00',
      '2024-03-06T09:00',
      '2024-03-08T09:00',
      '2024-03-11T09:00',
      '2024-03-13T09:00',
      '2024-03-15T09:00',
    ]);
    // DST began on Sunday 10 March: 17:00Z before, 16:00Z after.
    expect(localStarts(occurrences)).toEqual([
      '2024-03-04T17:00',
      '2024-03-06T17:00',
      '2024-03-08T17:00',
      '2024-03-11T16:00',
      '2024-03-13T16:00',
      '2024-03-15T16:00',
    ]);
    expect(occurrences.every((o) => o.end - o.start === HOUR / 2)).toBe(true);
  });

  it('keeps a Sydney meeting at its local time when Sydney leaves daylight time in April', () => {
    const zone = 'AUS Eastern Standard Time';
    const occurrences = expand({
      zone,
      start: '2024-04-01T09:00:00',
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
        range: noEnd('2024-04-01'),
      },
      end: '2024-04-01T10:00:00',
      window: ['2024-04-01T00:00:00', '2024-04-09T00:00:00'],
    });
    expect(localStarts(occurrences, zone)).toEqual(['2024-04-01T09:00', '2024-04-08T09:00']);
    expect(localStarts(occurrences)).toEqual(['2024-03-31T22:00', '2024-04-07T23:00']);
  });

  it('starts weeks on firstDayOfWeek when a weekly pattern skips weeks', () => {
    const everyOtherWeek = (firstDayOfWeek: DayOfWeek) =>
      localStarts(
        expand({
          start: '2024-01-08T09:00:00',
          end: '2024-01-08T10:00:00',
          recurrence: {
            pattern: {
              type: 'weekly',
              interval: 2,
              daysOfWeek: ['sunday', 'monday'],
              firstDayOfWeek,
            },
            range: noEnd('2024-01-08'),
          },
          window: ['2024-01-01T00:00:00', '2024-02-06T00:00:00'],
        }),
      ).map((start) => start.slice(0, 10));
    // Monday 8 January starts a week when weeks start on Monday; with Sunday weeks, the Sunday
    // before it (7 January, before the range) shares its week.
    expect(everyOtherWeek('sunday')).toEqual([
      '2024-01-08',
      '2024-01-21',
      '2024-01-22',
      '2024-02-04',
      '2024-02-05',
    ]);
    expect(everyOtherWeek('monday')).toEqual([
      '2024-01-08',
      '2024-01-14',
      '2024-01-22',
      '2024-01-28',
      '2024-02-05',
    ]);
  });

  it('finds the second Tuesday and the last Friday of each month', () => {
    const monthly = (start: string, daysOfWeek: DayOfWeek[], index: 'second' | 'last') =>
      localStarts(
        expand({
          start: `${start}T09:00:00`,
          end: `${start}T10:00:00`,
          recurrence: {
            pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek, index },
            range: noEnd(start),
          },
          window: ['2024-01-01T00:00:00', '2024-06-01T00:00:00'],
        }),
      ).map((s) => s.slice(0, 10));
    expect(monthly('2024-01-09', ['tuesday'], 'second')).toEqual([
      '2024-01-09',
      '2024-02-13',
      '2024-03-12',
      '2024-04-09',
      '2024-05-14',
    ]);
    expect(monthly('2024-01-26', ['friday'], 'last')).toEqual([
      '2024-01-26',
      '2024-02-23',
      '2024-03-29',
      '2024-04-26',
      '2024-05-31',
    ]);
  });

  it('reads several days with an index as "the first weekday of the month"', () => {
    const occurrences = expand({
      start: '2024-06-03T09:00:00',
      end: '2024-06-03T10:00:00',
      recurrence: {
        pattern: {
          type: 'relativeMonthly',
          interval: 1,
          daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
          index: 'first',
        },
        range: noEnd('2024-06-01'),
      },
      window: ['2024-06-01T00:00:00', '2024-10-01T00:00:00'],
    });
    // 1 June and 1 September 2024 are weekend days.
    expect(localStarts(occurrences).map((s) => s.slice(0, 10))).toEqual([
      '2024-06-03',
      '2024-07-01',
      '2024-08-01',
      '2024-09-02',
    ]);
  });

  it('skips months without day 31', () => {
    const occurrences = expand({
      start: '2024-01-31T09:00:00',
      end: '2024-01-31T10:00:00',
      recurrence: {
        pattern: { type: 'absoluteMonthly', interval: 1, dayOfMonth: 31 },
        range: noEnd('2024-01-31'),
      },
      window: ['2024-01-01T00:00:00', '2024-09-01T00:00:00'],
    });
    expect(localStarts(occurrences).map((s) => s.slice(0, 10))).toEqual([
      '2024-01-31',
      '2024-03-31',
      '2024-05-31',
      '2024-07-31',
      '2024-08-31',
    ]);
  });

  it('repeats yearly on a date and on a relative day', () => {
    const leapDay = expand({
      start: '2024-02-29T09:00:00',
      end: '2024-02-29T10:00:00',
      recurrence: {
        pattern: { type: 'absoluteYearly', interval: 1, month: 2, dayOfMonth: 29 },
        range: noEnd('2024-02-29'),
      },
      window: ['2024-01-01T00:00:00', '2033-01-01T00:00:00'],
    });
    expect(localStarts(leapDay).map((s) => s.slice(0, 10))).toEqual([
      '2024-02-29',
      '2028-02-29',
      '2032-02-29',
    ]);
    const thanksgiving = expand({
      start: '2024-11-28T09:00:00',
      end: '2024-11-28T10:00:00',
      recurrence: {
        pattern: {
          type: 'relativeYearly',
          interval: 1,
          month: 11,
          daysOfWeek: ['thursday'],
          index: 'fourth',
        },
        range: noEnd('2024-11-28'),
      },
      window: ['2024-01-01T00:00:00', '2027-01-01T00:00:00'],
    });
    expect(localStarts(thanksgiving).map((s) => s.slice(0, 10))).toEqual([
      '2024-11-28',
      '2025-11-27',
      '2026-11-26',
    ]);
  });
});

describe('expandRecurrence: ranges', () => {
  const weeklyMonday: PatternedRecurrenceInput['pattern'] = {
    type: 'weekly',
    interval: 1,
    daysOfWeek: ['monday'],
  };

  it('counts a numbered range from its start, not from the window', () => {
    const recurrence: PatternedRecurrenceInput = {
      pattern: weeklyMonday,
      range: { type: 'numbered', startDate: '2024-01-01', numberOfOccurrences: 5 },
    };
    // Occurrences: 1, 8, 15, 22 and 29 January.
    expect(
      localStarts(expand({ recurrence, window: ['2024-01-20T00:00:00', '2024-03-01T00:00:00'] })),
    ).toEqual(['2024-01-22T09:00', '2024-01-29T09:00']);
    expect(expand({ recurrence, window: ['2024-01-30T00:00:00', '2024-12-01T00:00:00'] })).toEqual(
      [],
    );
  });

  it('includes the end date of an endDate range', () => {
    const occurrences = expand({
      recurrence: {
        pattern: { type: 'daily', interval: 1 },
        range: { type: 'endDate', startDate: '2024-01-01', endDate: '2024-01-05' },
      },
      window: ['2023-12-01T00:00:00', '2024-02-01T00:00:00'],
    });
    expect(localStarts(occurrences).map((s) => s.slice(0, 10))).toEqual([
      '2024-01-01',
      '2024-01-02',
      '2024-01-03',
      '2024-01-04',
      '2024-01-05',
    ]);
  });

  it('starts at the first date matching the pattern on or after the range start', () => {
    // Created on a Sunday for a Monday meeting: the Sunday is not an occurrence.
    const occurrences = expand({
      start: '2024-01-07T09:00:00',
      end: '2024-01-07T10:00:00',
      recurrence: { pattern: weeklyMonday, range: noEnd('2024-01-07') },
      window: ['2024-01-01T00:00:00', '2024-01-16T00:00:00'],
    });
    expect(localStarts(occurrences)).toEqual(['2024-01-08T09:00', '2024-01-15T09:00']);
  });

  it('stays bounded: a pattern that never occurs ends at the window, a huge window is refused', () => {
    // Every April 31st never happens.
    expect(
      expand({
        start: '2024-04-30T09:00:00',
        end: '2024-04-30T10:00:00',
        recurrence: {
          pattern: { type: 'absoluteMonthly', interval: 12, dayOfMonth: 31 },
          range: { type: 'numbered', startDate: '2024-04-01', numberOfOccurrences: 10 },
        },
        window: ['2024-01-01T00:00:00', '2124-01-01T00:00:00'],
      }),
    ).toEqual([]);
    expect(() =>
      expand({
        recurrence: { pattern: { type: 'daily', interval: 1 }, range: noEnd('2024-01-01') },
        window: ['2024-01-01T00:00:00', '2400-01-01T00:00:00'],
      }),
    ).toThrow(RangeError);
  });
});

describe('expandRecurrence: cancellations, exceptions and the window', () => {
  const daily = { pattern: { type: 'daily', interval: 1 }, range: noEnd('2024-01-01') } as const;
  const window: [string, string] = ['2024-01-01T00:00:00', '2024-01-06T00:00:00'];

  it('leaves out a cancelled occurrence', () => {
    const occurrences = expand({
      recurrence: daily,
      window,
      cancelled: [utc('2024-01-03T09:00:00Z')],
    });
    expect(localStarts(occurrences).map((s) => s.slice(0, 10))).toEqual([
      '2024-01-01',
      '2024-01-02',
      '2024-01-04',
      '2024-01-05',
    ]);
  });

  it('shows a moved occurrence at its new time and not at its original time', () => {
    const moved = {
      originalStart: utc('2024-01-03T09:00:00Z'),
      start: utc('2024-01-03T15:00:00Z'),
      end: utc('2024-01-03T15:30:00Z'),
      subject: 'Moved',
    };
    const occurrences = expand({ recurrence: daily, window, exceptions: [moved] });
    expect(localStarts(occurrences)).toEqual([
      '2024-01-01T09:00',
      '2024-01-02T09:00',
      '2024-01-03T15:00',
      '2024-01-04T09:00',
      '2024-01-05T09:00',
    ]);
    const exception = occurrences[2];
    expect(exception?.isException).toBe(true);
    expect(exception?.originalStart).toBe(moved.originalStart);
    expect(exception?.exception?.subject).toBe('Moved');

    // A window holding only the original time shows nothing.
    expect(
      expand({
        recurrence: daily,
        window: ['2024-01-03T08:00:00', '2024-01-03T12:00:00'],
        exceptions: [moved],
      }),
    ).toEqual([]);
  });

  it('shows an occurrence moved into the window from outside it', () => {
    const movedEarlier = {
      originalStart: utc('2024-01-20T09:00:00Z'),
      start: utc('2024-01-02T14:00:00Z'),
      end: utc('2024-01-02T15:00:00Z'),
    };
    const occurrences = expand({
      recurrence: daily,
      window: ['2024-01-02T00:00:00', '2024-01-03T00:00:00'],
      exceptions: [movedEarlier],
    });
    expect(localStarts(occurrences)).toEqual(['2024-01-02T09:00', '2024-01-02T14:00']);
    expect(occurrences.map((o) => o.isException)).toEqual([false, true]);
  });

  it('ignores an exception or cancellation the pattern does not produce', () => {
    const stray = {
      originalStart: utc('2024-01-03T10:00:00Z'),
      start: utc('2024-01-03T16:00:00Z'),
      end: utc('2024-01-03T17:00:00Z'),
    };
    const occurrences = expand({
      recurrence: daily,
      window,
      exceptions: [stray],
      cancelled: [utc('2024-01-04T10:00:00Z')],
    });
    expect(occurrences).toHaveLength(5);
    expect(occurrences.some((o) => o.isException)).toBe(false);
  });

  it('lets a cancellation win over an exception of the same occurrence', () => {
    const originalStart = utc('2024-01-03T09:00:00Z');
    const occurrences = expand({
      recurrence: daily,
      window,
      cancelled: [originalStart],
      exceptions: [
        {
          originalStart,
          start: instant(originalStart + HOUR),
          end: instant(originalStart + 2 * HOUR),
        },
      ],
    });
    expect(occurrences.map((o) => o.originalStart)).not.toContain(originalStart);
  });

  it('shows occurrences that overlap the window, half-open at both ends', () => {
    const within = (from: string, to: string) =>
      localStarts(expand({ recurrence: daily, window: [from, to] }));
    expect(within('2024-01-02T09:30:00', '2024-01-02T09:45:00')).toEqual(['2024-01-02T09:00']);
    expect(within('2024-01-02T10:00:00', '2024-01-02T11:00:00')).toEqual([]);
    expect(within('2024-01-02T08:00:00', '2024-01-02T09:00:00')).toEqual([]);
    expect(within('2024-01-02T08:00:00', '2024-01-02T09:00:01')).toEqual(['2024-01-02T09:00']);
  });

  it('finds an occurrence that began the day before the window', () => {
    const overnight = expand({
      start: '2024-01-01T23:00:00',
      end: '2024-01-02T01:00:00',
      recurrence: daily,
      window: ['2024-01-03T00:00:00', '2024-01-03T00:30:00'],
    });
    expect(localStarts(overnight)).toEqual(['2024-01-02T23:00']);
  });

  it('treats a zero-length item as a point in the window', () => {
    const at = utc('2024-01-02T09:00:00Z');
    expect(overlapsWindow(at, at, at, instant(at + HOUR))).toBe(true);
    expect(overlapsWindow(at, at, instant(at - HOUR), at)).toBe(false);
    expect(overlapsWindow(at, instant(at + HOUR), instant(at - HOUR), at)).toBe(false);
  });

  it('returns nothing for an empty window', () => {
    expect(
      expand({ recurrence: daily, window: ['2024-01-03T00:00:00', '2024-01-03T00:00:00'] }),
    ).toEqual([]);
  });
});

describe('recurrenceSchema', () => {
  it("accepts Graph's own echo of a recurrence, so a read-modify-write round-trips", () => {
    const echoed = {
      pattern: {
        type: 'weekly',
        interval: 1,
        month: 0,
        dayOfMonth: 0,
        daysOfWeek: ['monday'],
        firstDayOfWeek: 'sunday',
        index: 'first',
      },
      range: {
        type: 'endDate',
        startDate: '2017-09-04',
        endDate: '2017-12-31',
        recurrenceTimeZone: 'Pacific Standard Time',
        numberOfOccurrences: 0,
      },
    };
    expect(recurrenceSchema.parse(echoed)).toEqual(echoed);
  });

  it('fills the fields Graph echoes and normalises the case of enums', () => {
    expect(
      recurrenceSchema.parse({
        pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Friday', 'Monday', 'monday'] },
        range: { type: 'noEnd', startDate: '2017-09-04', endDate: null },
      }),
    ).toEqual({
      pattern: {
        type: 'weekly',
        interval: 1,
        month: 0,
        dayOfMonth: 0,
        daysOfWeek: ['monday', 'friday'],
        firstDayOfWeek: 'sunday',
        index: 'first',
      },
      range: {
        type: 'noEnd',
        startDate: '2017-09-04',
        endDate: '0001-01-01',
        numberOfOccurrences: 0,
        recurrenceTimeZone: undefined,
      },
    });
  });

  const pattern = (p: object) => ({ pattern: p, range: noEnd('2024-01-01') });

  it.each([
    ['a weekly pattern without days', pattern({ type: 'weekly', interval: 1 })],
    ['an interval of 0', pattern({ type: 'daily', interval: 0 })],
    ['an unknown pattern type', pattern({ type: 'hourly', interval: 1 })],
    ['an unknown day', pattern({ type: 'weekly', interval: 1, daysOfWeek: ['funday'] })],
    ['an absoluteMonthly pattern without a day', pattern({ type: 'absoluteMonthly', interval: 1 })],
    ['a relativeMonthly pattern without days', pattern({ type: 'relativeMonthly', interval: 1 })],
    [
      'a yearly pattern on 30 February',
      pattern({ type: 'absoluteYearly', interval: 1, month: 2, dayOfMonth: 30 }),
    ],
    [
      'a yearly pattern without a month',
      pattern({ type: 'relativeYearly', interval: 1, daysOfWeek: ['monday'] }),
    ],
    [
      'an endDate range ending before it starts',
      {
        pattern: { type: 'daily', interval: 1 },
        range: { type: 'endDate', startDate: '2024-01-05', endDate: '2024-01-04' },
      },
    ],
    [
      'an endDate range without an end',
      {
        pattern: { type: 'daily', interval: 1 },
        range: { type: 'endDate', startDate: '2024-01-05' },
      },
    ],
    [
      'a numbered range of no occurrences',
      {
        pattern: { type: 'daily', interval: 1 },
        range: { type: 'numbered', startDate: '2024-01-05', numberOfOccurrences: 0 },
      },
    ],
    [
      'an impossible start date',
      { pattern: { type: 'daily', interval: 1 }, range: noEnd('2023-02-29') },
    ],
    [
      'an unknown recurrence time zone',
      {
        pattern: { type: 'daily', interval: 1 },
        range: { type: 'noEnd', startDate: '2024-01-01', recurrenceTimeZone: 'Mars Time' },
      },
    ],
  ])('rejects %s', (_, value) => {
    expect(recurrenceSchema.safeParse(value).success).toBe(false);
  });
});

/**
 * An independent reading of daily and weekly patterns: walk every date from the range start and
 * keep the ones the pattern selects.
 */
function bruteForce(
  zone: string,
  startTime: string,
  lengthMinutes: number,
  recurrence: ReturnType<typeof recurrenceSchema.parse>,
  windowStart: Instant,
  windowEnd: Instant,
): Instant[] {
  const { pattern, range } = recurrence;
  const first = Temporal.PlainDate.from(range.startDate);
  const firstDay = DAYS_OF_WEEK.indexOf(pattern.firstDayOfWeek);
  const week0 = first.subtract({ days: ((first.dayOfWeek % 7) - firstDay + 7) % 7 });
  const last = Temporal.PlainDate.from(localDateOf(windowEnd, zone)).add({ days: 1 });
  const out: Instant[] = [];
  let count = 0;
  for (
    let date = first;
    Temporal.PlainDate.compare(date, last) <= 0;
    date = date.add({ days: 1 })
  ) {
    if (range.type === 'endDate' && date.toString() > range.endDate) break;
    if (range.type === 'numbered' && count >= range.numberOfOccurrences) break;
    const selected =
      pattern.type === 'daily'
        ? first.until(date).days % pattern.interval === 0
        : pattern.daysOfWeek.includes(DAYS_OF_WEEK[date.dayOfWeek % 7] ?? 'sunday') &&
          Math.floor(week0.until(date).days / 7) % pattern.interval === 0;
    if (!selected) continue;
    count++;
    const local = date.toPlainDateTime(Temporal.PlainTime.from(startTime));
    const start = zonedLocalToInstant(local.toString(), zone);
    // The end is a wall-clock time too, never before the start.
    const endAt = zonedLocalToInstant(local.add({ minutes: lengthMinutes }).toString(), zone);
    const end = instant(Math.max(start, endAt));
    if (overlapsWindow(start, end, windowStart, windowEnd)) out.push(start);
  }
  return out;
}

describe('expandRecurrence: properties of daily and weekly series', () => {
  const zones = [
    'America/Los_Angeles',
    'Pacific Standard Time',
    'Australia/Sydney',
    'India Standard Time',
    'Europe/London',
    'UTC',
  ];
  const dayList = fc.uniqueArray(fc.constantFrom(...DAYS_OF_WEEK), { minLength: 1, maxLength: 7 });
  const patternArb = fc.oneof(
    fc.record({ type: fc.constant('daily' as const), interval: fc.integer({ min: 1, max: 5 }) }),
    fc.record({
      type: fc.constant('weekly' as const),
      interval: fc.integer({ min: 1, max: 4 }),
      daysOfWeek: dayList,
      firstDayOfWeek: fc.constantFrom(...DAYS_OF_WEEK),
    }),
  );
  const rangeArb = fc.oneof(
    fc.record({ type: fc.constant('noEnd' as const) }),
    fc.record({ type: fc.constant('endDate' as const), days: fc.integer({ min: 0, max: 120 }) }),
    fc.record({
      type: fc.constant('numbered' as const),
      numberOfOccurrences: fc.integer({ min: 1, max: 40 }),
    }),
  );
  const seriesArb = fc.record({
    zone: fc.constantFrom(...zones),
    // Around both hemispheres' DST changes in 2024.
    startDay: fc.integer({ min: 0, max: 330 }),
    startMinute: fc.integer({ min: 0, max: 24 * 4 - 1 }).map((quarter) => quarter * 15),
    lengthMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 * 24 * 60 })),
    pattern: patternArb,
    range: rangeArb,
    // Window edges as hours from the series start.
    edges: fc.tuple(
      fc.integer({ min: -240, max: 3000 }),
      fc.integer({ min: 0, max: 1500 }),
      fc.integer({ min: 0, max: 1500 }),
    ),
  });

  it('agrees with a brute-force walk, keeps wall-clock time and weekday, and splits windows cleanly', () => {
    fc.assert(
      fc.property(seriesArb, (s) => {
        const startDate = Temporal.PlainDate.from('2024-01-01').add({ days: s.startDay });
        const time = Temporal.PlainTime.from({ hour: 0 }).add({ minutes: s.startMinute });
        const startTime = time.toString();
        const startLocal = `${startDate.toString()}T${startTime}`;
        const zone = requireIanaZone(s.zone);
        const startAt = zonedLocalToInstant(startLocal, s.zone);
        const endLocal = startDate
          .toPlainDateTime(time)
          .add({ minutes: s.lengthMinutes })
          .toString();
        const recurrence = recurrenceSchema.parse({
          pattern: s.pattern,
          range: {
            type: s.range.type,
            startDate: startDate.toString(),
            ...(s.range.type === 'endDate'
              ? { endDate: startDate.add({ days: s.range.days }).toString() }
              : {}),
            ...(s.range.type === 'numbered'
              ? { numberOfOccurrences: s.range.numberOfOccurrences }
              : {}),
          },
        });
        const [offset, firstSpan, secondSpan] = s.edges;
        const a = instant(startAt + offset * HOUR);
        const b = instant(a + firstSpan * HOUR);
        const c = instant(b + secondSpan * HOUR);
        const run = (windowStart: Instant, windowEnd: Instant) =>
          expandRecurrence({
            start: { dateTime: startLocal, timeZone: s.zone },
            end: { dateTime: endLocal, timeZone: s.zone },
            recurrence,
            windowStart,
            windowEnd,
          });

        const whole = run(a, c);
        expect(whole.map((o) => o.originalStart)).toEqual(
          bruteForce(zone, startTime, s.lengthMinutes, recurrence, a, c),
        );

        for (const o of whole) {
          expect(o.start).toBe(o.originalStart);
          const date = localDateOf(o.start, zone);
          expect(zonedLocalToInstant(`${date}T${startTime}`, zone)).toBe(o.start);
          if (recurrence.pattern.type === 'weekly') {
            expect(recurrence.pattern.daysOfWeek).toContain(weekdayOf(o.start, zone));
          }
        }

        const byOriginalStart = new Map<number, Occurrence>();
        for (const o of [...run(a, b), ...run(b, c)]) byOriginalStart.set(o.originalStart, o);
        const joined = [...byOriginalStart.values()].sort((x, y) => x.start - y.start);
        expect(joined).toEqual(whole);
      }),
      { seed: 20_240_607, numRuns: 150 },
    );
  });
});

describe('expandRecurrence: errors', () => {
  it('throws on an unknown zone', () => {
    expect(() =>
      expandRecurrence({
        start: { dateTime: '2024-01-01T09:00:00', timeZone: 'Mars Standard Time' },
        end: { dateTime: '2024-01-01T10:00:00', timeZone: 'Mars Standard Time' },
        recurrence: recurrenceSchema.parse({
          pattern: { type: 'daily', interval: 1 },
          range: noEnd('2024-01-01'),
        }),
        windowStart: utc('2024-01-01T00:00:00Z'),
        windowEnd: utc('2024-01-02T00:00:00Z'),
      }),
    ).toThrow(/Unknown time zone/);
  });

  it('expands a series whose end is written in another zone', () => {
    const occurrences = expandRecurrence({
      start: { dateTime: '2024-01-01T09:00:00', timeZone: 'Pacific Standard Time' },
      end: { dateTime: '2024-01-01T18:30:00', timeZone: 'UTC' },
      recurrence: recurrenceSchema.parse({
        pattern: { type: 'daily', interval: 1 },
        range: noEnd('2024-01-01'),
      }),
      windowStart: utc('2024-01-01T00:00:00Z'),
      windowEnd: instant(utc('2024-01-01T00:00:00Z') + 2 * DAY),
    });
    expect(occurrences.map((o) => o.end - o.start)).toEqual([1.5 * HOUR, 1.5 * HOUR]);
  });
});
