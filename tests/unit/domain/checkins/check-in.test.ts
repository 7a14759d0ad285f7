import { describe, expect, it } from 'vitest';
import {
  CHECK_IN_LIMITS,
  checkInAnswerSchema,
  checkInChangeSchema,
  isIsoWeek,
  isoWeekOf,
  mondayOf,
  orderForLead,
  shiftWeek,
  type IsoWeek,
} from '../../../../src/domain/checkins/check-in';
import { instant } from '../../../../src/domain/time/instant';

const at = (iso: string) => instant(Date.parse(iso));
const week = (w: string) => w as IsoWeek;

describe('ISO weeks', () => {
  it.each([
    ['2026-03-11T15:00:00Z', '2026-W11'],
    // Monday 00:00 UTC starts a week; Sunday 23:59 still ends the last one.
    ['2026-03-09T00:00:00Z', '2026-W11'],
    ['2026-03-08T23:59:59Z', '2026-W10'],
    // Year edges: week 1 holds the year's first Thursday.
    ['2021-01-03T12:00:00Z', '2020-W53'],
    ['2020-12-31T12:00:00Z', '2020-W53'],
    ['2024-12-30T12:00:00Z', '2025-W01'],
    ['2026-01-01T00:00:00Z', '2026-W01'],
    ['2027-01-01T00:00:00Z', '2026-W53'],
  ])('%s is in %s (UTC)', (iso, expected) => {
    expect(isoWeekOf(at(iso))).toBe(expected);
  });

  it('matches a day-by-day count from a known Monday for six years', () => {
    // 2024-01-01 is Monday of 2024-W01; walk day by day and count weeks by hand.
    let year = 2024;
    let n = 1;
    const start = Date.parse('2024-01-01T12:00:00Z');
    for (let d = 0; d < 6 * 366; d++) {
      const ms = start + d * 86_400_000;
      const date = new Date(ms);
      if (d > 0 && date.getUTCDay() === 1) {
        n += 1;
        // A new ISO year starts on the Monday whose Thursday is in January.
        const thursday = new Date(ms + 3 * 86_400_000);
        if (thursday.getUTCMonth() === 0 && thursday.getUTCDate() <= 7) {
          year = thursday.getUTCFullYear();
          n = 1;
        }
      }
      const expected = `${String(year)}-W${String(n).padStart(2, '0')}`;
      expect(isoWeekOf(instant(ms))).toBe(expected);
    }
  });

  it('knows which text is a week, and each week’s Monday', () => {
    expect(mondayOf('2026-W11')?.toString()).toBe('2026-03-09');
    expect(mondayOf('2020-W53')?.toString()).toBe('2020-12-28');
    expect(mondayOf('2025-W01')?.toString()).toBe('2024-12-30');
    for (const bad of [
      '2026-W00',
      '2026-W54',
      '2025-W53',
      '2026-11',
      '2026-w11',
      ' 2026-W11',
      '',
    ]) {
      expect(isIsoWeek(bad)).toBe(false);
    }
    expect(isIsoWeek('2026-W53')).toBe(true);
  });

  it('steps weeks across years', () => {
    expect(shiftWeek(week('2026-W01'), -1)).toBe('2025-W52');
    expect(shiftWeek(week('2026-W52'), 1)).toBe('2026-W53');
    expect(shiftWeek(week('2026-W53'), 1)).toBe('2027-W01');
    expect(shiftWeek(week('2021-W01'), -1)).toBe('2020-W53');
    expect(shiftWeek(week('2026-W11'), 0)).toBe('2026-W11');
    expect(() => shiftWeek(week('2025-W53'), 1)).toThrow(RangeError);
  });
});

describe('check-in payloads', () => {
  it('takes yes/no with an optional note, trimmed, up to the limit', () => {
    expect(checkInAnswerSchema.parse({ blocked: true })).toEqual({ blocked: true, note: '' });
    expect(checkInAnswerSchema.parse({ blocked: false, note: '  ok  ' })).toEqual({
      blocked: false,
      note: 'ok',
    });
    const max = 'x'.repeat(CHECK_IN_LIMITS.note);
    expect(checkInAnswerSchema.parse({ blocked: true, note: max }).note).toBe(max);
    const over = checkInAnswerSchema.safeParse({ blocked: true, note: `${max}x` });
    expect(over.success).toBe(false);
    expect(over.error?.issues[0]?.message).toBe('Keep the note to 1000 characters.');
    expect(checkInAnswerSchema.safeParse({ blocked: 'yes' }).error?.issues[0]?.message).toBe(
      'blocked must be true or false.',
    );
    expect(checkInAnswerSchema.safeParse({ note: 'hi' }).success).toBe(false);
  });

  it('takes a change as "off" or a new lead, nothing else', () => {
    expect(checkInChangeSchema.parse({ enabled: false })).toEqual({ enabled: false });
    expect(checkInChangeSchema.parse({ leadId: 'abc' })).toEqual({ leadId: 'abc' });
    expect(checkInChangeSchema.safeParse({ enabled: true }).success).toBe(false);
    expect(checkInChangeSchema.safeParse({ leadId: 'a', leadName: 'Me' }).success).toBe(false);
    expect(checkInChangeSchema.safeParse({}).success).toBe(false);
  });

  it('orders answers for the lead: blocked first, then by name', () => {
    const a = (name: string, blocked: boolean) => ({ person: { id: name, name }, blocked });
    expect(
      orderForLead([a('Ben', false), a('Ana', false), a('Kemi', true), a('Divya', true)]).map(
        (x) => x.person.name,
      ),
    ).toEqual(['Divya', 'Kemi', 'Ana', 'Ben']);
  });
});
