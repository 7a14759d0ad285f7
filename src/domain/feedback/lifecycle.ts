import type { Instant } from '../time/instant';

/** A poll closes this long after its meeting ends, unless its creator closes it earlier. */
export const CLOSE_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

export const closesAt = (meetingEndIso: string): string =>
  new Date(Date.parse(meetingEndIso) + CLOSE_AFTER_MS).toISOString();

/** Closed by its creator, or past its closing time by the given clock. */
export const isClosed = (
  poll: { status: 'open' | 'closed'; closesAt: string },
  now: Instant,
): boolean => poll.status === 'closed' || now >= Date.parse(poll.closesAt);

/** The UTC day of an instant (yyyy-mm-dd): the finest time an anonymous answer carries. */
export const dayOf = (now: Instant): string => new Date(now).toISOString().slice(0, 10);
