import { describe, expect, it } from 'vitest';
import { instant } from '../../../src/domain/time/instant';
import {
  instantToZonedLocal,
  localDateOf,
  parseLocalDateTime,
  requireIanaZone,
  toIanaZone,
  toWindowsZone,
  weekdayOf,
  zonedLocalToInstant,
} from '../../../src/domain/time/zones';

const utc = (iso: string) => instant(Date.parse(iso));

describe('toIanaZone', () => {
  it.each([
    ['Pacific Standard Time', 'America/Los_Angeles'],
    ['India Standard Time', 'Asia/Kolkata'],
    ['AUS Eastern Standard Time', 'Australia/Sydney'],
    ['GMT Standard Time', 'Europe/London'],
    ['pacific standard time', 'America/Los_Angeles'],
    ['  Pacific Standard Time ', 'America/Los_Angeles'],
  ])('resolves the Windows name %j to %s', (name, iana) => {
    expect(toIanaZone(name)).toBe(iana);
  });

  it.each([
    ['America/Los_Angeles', 'America/Los_Angeles'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['australia/sydney', 'Australia/Sydney'],
    ['US/Pacific', 'US/Pacific'],
  ])('accepts the IANA name %j as %s', (name, iana) => {
    expect(toIanaZone(name)).toBe(iana);
  });

  it.each(['UTC', 'utc', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Zulu', 'tzone://Microsoft/Utc'])(
    'reads %j as UTC',
    (name) => {
      expect(toIanaZone(name)).toBe('UTC');
    },
  );

  it('prefers the current IANA name over the legacy one CLDR lists first', () => {
    expect(toIanaZone('Nepal Standard Time')).toBe('Asia/Kathmandu');
    expect(toIanaZone('Asia/Katmandu')).toBe('Asia/Kathmandu');
    expect(toIanaZone('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(toIanaZone('Myanmar Standard Time')).toBe('Asia/Yangon');
  });

  it.each(['Mars Standard Time', 'Nowhere/City', '', '+05:30', 'Customized Time Zone'])(
    'returns undefined for %j',
    (name) => {
      expect(toIanaZone(name)).toBeUndefined();
    },
  );

  it('names the zone in the error when one is required', () => {
    expect(() => requireIanaZone('Mars Standard Time')).toThrow(/Mars Standard Time/);
  });
});

describe('toWindowsZone', () => {
  it.each([
    ['America/Los_Angeles', 'Pacific Standard Time'],
    ['Asia/Kolkata', 'India Standard Time'],
    ['Asia/Calcutta', 'India Standard Time'],
    ['Australia/Sydney', 'AUS Eastern Standard Time'],
    ['Asia/Kathmandu', 'Nepal Standard Time'],
    ['Europe/Kyiv', 'FLE Standard Time'],
    ['UTC', 'UTC'],
    ['Etc/GMT', 'UTC'],
    ['india standard time', 'India Standard Time'],
  ])('names %j as %j', (zone, windows) => {
    expect(toWindowsZone(zone)).toBe(windows);
  });

  it('returns undefined for an unknown zone', () => {
    expect(toWindowsZone('Nowhere/City')).toBeUndefined();
  });
});

describe('zonedLocalToInstant and instantToZonedLocal', () => {
  it('reads Graph date-times in a Windows zone, with or without fractional digits', () => {
    const expected = utc('2019-03-15T16:00:00Z');
    expect(zonedLocalToInstant('2019-03-15T09:00:00', 'Pacific Standard Time')).toBe(expected);
    expect(zonedLocalToInstant('2019-03-15T09:00:00.0000000', 'America/Los_Angeles')).toBe(
      expected,
    );
  });

  it('writes seven fractional digits, as Graph does', () => {
    expect(instantToZonedLocal(utc('2019-03-15T19:00:00Z'), 'Pacific Standard Time')).toBe(
      '2019-03-15T12:00:00.0000000',
    );
    expect(instantToZonedLocal(utc('2019-03-15T19:00:00.123Z'), 'UTC')).toBe(
      '2019-03-15T19:00:00.1230000',
    );
  });

  it('handles a half-hour zone', () => {
    const at = zonedLocalToInstant('2024-06-01T09:00:00', 'India Standard Time');
    expect(at).toBe(utc('2024-06-01T03:30:00Z'));
    expect(instantToZonedLocal(at, 'Asia/Kolkata')).toBe('2024-06-01T09:00:00.0000000');
  });

  it('follows southern-hemisphere daylight saving (Sydney is UTC+11 in January, +10 in July)', () => {
    expect(zonedLocalToInstant('2024-01-15T09:00:00', 'AUS Eastern Standard Time')).toBe(
      utc('2024-01-14T22:00:00Z'),
    );
    expect(zonedLocalToInstant('2024-07-15T09:00:00', 'Australia/Sydney')).toBe(
      utc('2024-07-14T23:00:00Z'),
    );
  });

  it('moves a time in the spring-forward gap forward by the gap', () => {
    // 02:30 does not exist on 2024-03-10 in Los Angeles; it is read with the PST offset.
    const at = zonedLocalToInstant('2024-03-10T02:30:00', 'Pacific Standard Time');
    expect(at).toBe(utc('2024-03-10T10:30:00Z'));
    expect(instantToZonedLocal(at, 'America/Los_Angeles')).toBe('2024-03-10T03:30:00.0000000');
  });

  it('takes the earlier of the two instants in the fall-back overlap', () => {
    const at = zonedLocalToInstant('2024-11-03T01:30:00', 'America/Los_Angeles');
    expect(at).toBe(utc('2024-11-03T08:30:00Z'));
    // One hour later the wall clock shows 01:30 again.
    expect(instantToZonedLocal(instant(at + 3_600_000), 'America/Los_Angeles')).toBe(
      '2024-11-03T01:30:00.0000000',
    );
  });

  it('rejects an unknown zone and malformed or impossible date-times', () => {
    expect(() => zonedLocalToInstant('2019-03-15T09:00:00', 'Mars Standard Time')).toThrow(
      /Unknown time zone/,
    );
    expect(() => zonedLocalToInstant('2019-03-15', 'UTC')).toThrow(/Invalid local date-time/);
    expect(() => zonedLocalToInstant('2019-03-15T09:00:00Z', 'UTC')).toThrow(
      /Invalid local date-time/,
    );
    expect(() => zonedLocalToInstant('2019-02-30T09:00:00', 'UTC')).toThrow(/no such date/);
    expect(() => parseLocalDateTime('2019-03-15T25:00:00')).toThrow(/no such date/);
  });
});

describe('local calendar facts', () => {
  it('gives the date and weekday of an instant in a zone', () => {
    const at = utc('2024-06-02T20:00:00Z'); // Sunday evening in UTC, Monday morning in Sydney
    expect(localDateOf(at, 'UTC')).toBe('2024-06-02');
    expect(weekdayOf(at, 'UTC')).toBe('sunday');
    expect(localDateOf(at, 'AUS Eastern Standard Time')).toBe('2024-06-03');
    expect(weekdayOf(at, 'AUS Eastern Standard Time')).toBe('monday');
  });
});
