import { describe, expect, it } from 'vitest';
import { groupByLocalDay, upcomingWindow } from '../../../src/domain/meetings/upcoming-days';
import type { MeetingSummary } from '../../../src/domain/meetings/meeting';
import { instant } from '../../../src/domain/time/instant';

const meeting = (
  overrides: Partial<Omit<MeetingSummary, 'start' | 'end'>> & { start: string; end: string },
): MeetingSummary => ({
  id: overrides.id ?? overrides.start,
  iCalUId: 'uid',
  subject: overrides.subject ?? 'Meeting',
  isAllDay: false,
  isOnline: false,
  organizerName: 'Ana',
  isOrganizer: false,
  isCancelled: false,
  response: 'accepted',
  ...overrides,
  start: instant(Date.parse(overrides.start)),
  end: instant(Date.parse(overrides.end)),
});

describe('groupByLocalDay', () => {
  const now = instant(Date.parse('2026-03-11T12:00:00Z'));

  it('puts a meeting on the day it starts in the person’s own zone', () => {
    const late = meeting({ start: '2026-03-11T23:30:00Z', end: '2026-03-12T00:00:00Z' });
    expect(groupByLocalDay([late], 'Europe/London', now).map((d) => d.date)).toEqual([
      '2026-03-11',
    ]);
    expect(groupByLocalDay([late], 'Asia/Tokyo', now).map((d) => d.date)).toEqual(['2026-03-12']);
    // Half-hour zone: 18:29Z is 23:59 in Kolkata, 18:30Z is the next day.
    const edge = [
      meeting({ id: 'a', start: '2026-03-11T18:29:00Z', end: '2026-03-11T18:45:00Z' }),
      meeting({ id: 'b', start: '2026-03-11T18:30:00Z', end: '2026-03-11T18:45:00Z' }),
    ];
    expect(
      groupByLocalDay(edge, 'Asia/Kolkata', now).map((d) => [d.date, d.meetings.map((m) => m.id)]),
    ).toEqual([
      ['2026-03-11', ['a']],
      ['2026-03-12', ['b']],
    ]);
  });

  it('drops meetings already over, keeps one in progress under today, and sorts by start', () => {
    const days = groupByLocalDay(
      [
        meeting({ id: 'later', start: '2026-03-13T09:00:00Z', end: '2026-03-13T10:00:00Z' }),
        meeting({ id: 'over', start: '2026-03-11T08:00:00Z', end: '2026-03-11T09:00:00Z' }),
        meeting({ id: 'running', start: '2026-03-10T23:00:00Z', end: '2026-03-11T13:00:00Z' }),
      ],
      'UTC',
      now,
    );
    expect(days.map((d) => [d.date, d.meetings.map((m) => m.id)])).toEqual([
      ['2026-03-11', ['running']],
      ['2026-03-13', ['later']],
    ]);
  });

  it('spans seven days from now', () => {
    const w = upcomingWindow(now);
    expect(w.end - w.start).toBe(7 * 86_400_000);
  });
});
