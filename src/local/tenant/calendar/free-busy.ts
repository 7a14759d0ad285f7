/**
 * One `scheduleInformation` entry of `POST /me/calendar/getSchedule`, computed from a person's
 * calendar the way Exchange's availability service reports it.
 */
import { instant } from '../../../domain/time/instant';
import { instantToZonedLocal, toIanaZone } from '../../../domain/time/zones';

export type FreeBusyStatus = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere';

/** One occurrence in the person's calendar; recurrences are expanded by the caller. */
export interface BusyItem {
  /** Epoch milliseconds, inclusive. */
  start: number;
  /** Epoch milliseconds, exclusive. */
  end: number;
  status: FreeBusyStatus;
  /** Listed only when given: leave it out for viewers who may see free/busy only. */
  subject?: string;
  /** Listed only when given, like `subject`. */
  location?: string;
  isPrivate?: boolean;
}

export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

/** Passed through as stored in mailboxSettings; `timeZone` may be a customTimeZone. */
export interface WorkingHours {
  daysOfWeek: string[];
  startTime: string;
  endTime: string;
  timeZone: { name: string } & Record<string, unknown>;
}

export interface ScheduleItem {
  isPrivate?: boolean;
  status: FreeBusyStatus;
  subject?: string;
  location?: string;
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
}

export interface ScheduleInformation {
  scheduleId: string;
  availabilityView: string;
  scheduleItems: ScheduleItem[];
  workingHours: WorkingHours;
}

export interface ScheduleQuery {
  scheduleId: string;
  /** Epoch milliseconds, inclusive. */
  windowStart: number;
  /** Epoch milliseconds, exclusive. */
  windowEnd: number;
  /** `availabilityViewInterval`: 5 to 1440 minutes. */
  intervalMinutes: number;
  items: readonly BusyItem[];
  /** The response's time zone (Windows or IANA name), echoed as given in every item. */
  timeZone: string;
  workingHours: WorkingHours;
  /**
   * Whether items shown as free are listed in `scheduleItems`. Off by default: Graph's docs say a
   * person is free wherever no item is listed ("You can assume Alex is free for the remaining
   * time"), so free time is the absence of items. Not verified against a live tenant.
   */
  includeFreeItems?: boolean;
}

export const MIN_INTERVAL_MINUTES = 5;
export const MAX_INTERVAL_MINUTES = 1440;

/**
 * The digit each status contributes to `availabilityView`, and so its severity when several items
 * overlap one slot (the highest digit wins: oof 3 > busy 2 > tentative 1 > free 0).
 *
 * The CSDL's freeBusyStatus gives workingElsewhere the value 4, but the scheduleInformation docs
 * say the view reports it as 0 "instead of 4 for backward compatibility" (Exchange 2007/2010
 * clients know no 4). So it never outranks anything, and a slot that is only working-elsewhere
 * reads as free, while the item itself is still listed with status workingElsewhere.
 */
const VIEW_DIGIT: Readonly<Record<FreeBusyStatus, number>> = {
  free: 0,
  workingElsewhere: 0,
  tentative: 1,
  busy: 2,
  oof: 3,
};

export function computeScheduleInformation(query: ScheduleQuery): ScheduleInformation {
  const { windowStart, windowEnd, intervalMinutes } = query;
  if (
    !Number.isInteger(intervalMinutes) ||
    intervalMinutes < MIN_INTERVAL_MINUTES ||
    intervalMinutes > MAX_INTERVAL_MINUTES
  ) {
    throw new RangeError(
      `intervalMinutes must be an integer from ${MIN_INTERVAL_MINUTES} to ${MAX_INTERVAL_MINUTES}`,
    );
  }
  if (!Number.isFinite(windowStart) || !Number.isFinite(windowEnd) || windowEnd <= windowStart) {
    throw new RangeError('the window must end after it starts');
  }
  if (toIanaZone(query.timeZone) === undefined) {
    throw new RangeError(`unknown time zone '${query.timeZone}'`);
  }

  const intervalMs = intervalMinutes * 60_000;
  const slotCount = Math.ceil((windowEnd - windowStart) / intervalMs);
  const view = new Array<number>(slotCount).fill(0);
  // Zero-length and inverted items block nothing and are not listed; neither is anything outside.
  const inWindow = query.items.filter(
    (item) => item.end > item.start && item.start < windowEnd && item.end > windowStart,
  );

  for (const item of inWindow) {
    const digit = VIEW_DIGIT[item.status];
    if (digit === 0) continue;
    // The last slot stops at the window's end when the interval does not divide the window, so an
    // item after the window never marks it.
    const first = Math.max(0, Math.floor((item.start - windowStart) / intervalMs));
    const last = Math.min(slotCount - 1, Math.ceil((item.end - windowStart) / intervalMs) - 1);
    for (let slot = first; slot <= last; slot++) {
      const current = view[slot] ?? 0;
      if (digit > current) view[slot] = digit;
    }
  }

  const scheduleItems = inWindow
    .filter((item) => query.includeFreeItems === true || item.status !== 'free')
    .map((item, index) => ({ item, index }))
    // Chronological, as Exchange lists them; the caller's order breaks ties.
    .sort((a, b) => a.item.start - b.item.start || a.index - b.index)
    .map(({ item }) => toScheduleItem(item, query.timeZone));

  return {
    scheduleId: query.scheduleId,
    availabilityView: view.join(''),
    scheduleItems,
    workingHours: query.workingHours,
  };
}

function toScheduleItem(item: BusyItem, zone: string): ScheduleItem {
  // Keys in the order Graph writes them. What the viewer may see (subject, location, even for
  // private items) depends on their permission on the mailbox, which only the caller knows.
  return {
    ...(item.isPrivate === undefined ? {} : { isPrivate: item.isPrivate }),
    status: item.status,
    ...(item.subject === undefined ? {} : { subject: item.subject }),
    ...(item.location === undefined ? {} : { location: item.location }),
    start: { dateTime: instantToZonedLocal(instant(item.start), zone), timeZone: zone },
    end: { dateTime: instantToZonedLocal(instant(item.end), zone), timeZone: zone },
  };
}
