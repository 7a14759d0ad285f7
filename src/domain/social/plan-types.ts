import type { Instant } from '../time/instant';
import type { DayOfWeek } from '../time/zones';
import type { DayPart } from './program';

/**
 * What the social-slot planner reads and writes. Intervals are half-open, `[start, end)`.
 */

export interface Interval {
  start: Instant;
  end: Instant;
}

/** Working hours as Graph's `mailboxSettings.workingHours` gives them, in the person's own zone. */
export interface WorkingHours {
  days: readonly DayOfWeek[];
  /** Local wall-clock time, "HH:MM". */
  start: string;
  /** Local wall-clock time, "HH:MM"; a day with `end` not after `start` has no working time. */
  end: string;
}

export interface Participant {
  id: string;
  /** IANA ("Asia/Kolkata") or Windows ("India Standard Time") name. */
  timeZone: string;
  workingHours: WorkingHours;
  busy: readonly Interval[];
  snoozedUntil?: Instant;
  subTeam?: string;
  /** Early or late slots this person got in past rounds; the planner gives them to those with fewer. */
  earlyLateCount?: number;
}

export interface PastGroup {
  memberIds: readonly string[];
  at: Instant;
  /** Who booked it, so hosting rotates. */
  hostId?: string;
}

export type SlotMinutes = 15 | 20 | 30;

export interface PlanInput {
  participants: readonly Participant[];
  pastGroups: readonly PastGroup[];
  /** Where slots may lie, e.g. the next N working days. */
  window: Interval;
  slotMinutes: SlotMinutes;
  /** 2..4; for 2 an odd person makes a group of three rather than being left out. */
  groupSize: number;
  preferredPart: DayPart;
  /** Groups within this many weeks before `now` are not repeated when avoidable. Default 12. */
  avoidRepeatWeeks?: number;
  /** Keep people of one sub-team apart where possible. */
  mixSubTeams?: boolean;
  /**
   * Two people are grouped only when their working hours share at least this many minutes of
   * possible start times over the window (at least one start in any case). Default 60.
   */
  minOverlapMinutes?: number;
  now: Instant;
  seed: number;
}

export interface PlannedGroup {
  memberIds: string[];
  slot: Interval;
  /** The member who books the meeting for the group. */
  hostId: string;
  /** Members for whom the slot is early or late in their day; later rounds spare them. */
  earlyLateIds: string[];
}

export const LEFT_OUT_REASONS = [
  'snoozed',
  'invalidTimeZone',
  'noFreeTime',
  'noWorkingHoursOverlap',
  'noPartner',
] as const;
export type LeftOutReason = (typeof LEFT_OUT_REASONS)[number];

export interface PlanResult {
  groups: PlannedGroup[];
  /** Everyone not in a group, with why; nobody is dropped silently. */
  leftOut: { id: string; reason: LeftOutReason }[];
}
