import type { Instant } from '../time/instant';
import type { AgendaItem } from './schema';

export interface AgendaTime {
  /** Minutes the timed agenda items add up to. */
  total: number;
  /** Whole minutes between the meeting's start and end (0 if the end is not after the start). */
  meetingMinutes: number;
  /** Minutes the agenda runs past the meeting's end; 0 when it fits. */
  over: number;
  /** Items without minutes: they take time too, so the UI can say the total is a lower bound. */
  untimed: number;
}

const MINUTE_MS = 60_000;

/**
 * The agenda's planned minutes against the meeting's length.
 *
 * Worked example: a 10:00–10:45 meeting (45 minutes) with items of 10, 20 and 25 minutes and one
 * untimed item gives `{ total: 55, meetingMinutes: 45, over: 10, untimed: 1 }`; drop the
 * 25-minute item and it gives `{ total: 30, meetingMinutes: 45, over: 0, untimed: 1 }`.
 * A meeting of 44 minutes 30 seconds counts as 44: an agenda has to fit in whole minutes.
 */
export function agendaTime(
  agenda: readonly Pick<AgendaItem, 'minutes'>[],
  meeting: { start: Instant; end: Instant },
): AgendaTime {
  let total = 0;
  let untimed = 0;
  for (const item of agenda) {
    if (item.minutes === undefined) untimed++;
    else total += item.minutes;
  }
  const meetingMinutes = Math.max(0, Math.floor((meeting.end - meeting.start) / MINUTE_MS));
  return { total, meetingMinutes, over: Math.max(0, total - meetingMinutes), untimed };
}
