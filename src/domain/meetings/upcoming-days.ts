import { instant, type Instant } from '../time/instant';
import { localDateOf } from '../time/zones';
import type { MeetingSummary } from './meeting';

export const UPCOMING_DAYS = 7;
const DAY_MS = 86_400_000;

/** The window Home shows: from now for seven days. */
export const upcomingWindow = (now: Instant): { start: Instant; end: Instant } => ({
  start: now,
  end: instant(now + UPCOMING_DAYS * DAY_MS),
});

export interface MeetingDay {
  /** The local date in the person's zone, "2026-03-11". */
  date: string;
  meetings: MeetingSummary[];
}

/**
 * Groups meetings by the day they start on in the person's own zone, earliest first, dropping
 * ones already over. A 23:30 UTC meeting is on the next day for someone in Tokyo.
 */
export function groupByLocalDay(
  meetings: readonly MeetingSummary[],
  zone: string,
  now: Instant,
): MeetingDay[] {
  const days = new Map<string, MeetingSummary[]>();
  const sorted = [...meetings]
    .filter((m) => m.end > now)
    .sort((a, b) => a.start - b.start || a.subject.localeCompare(b.subject));
  for (const m of sorted) {
    const date = localDateOf(instant(Math.max(m.start, now)), zone);
    const list = days.get(date);
    if (list) list.push(m);
    else days.set(date, [m]);
  }
  return [...days].map(([date, list]) => ({ date, meetings: list }));
}
