import { instant } from '../../../domain/time/instant';
import { instantToZonedLocal } from '../../../domain/time/zones';
import type { StoredEvent } from '../store/state';
import { expandRecurrence, recurrenceSchema } from './recurrence';
import { instantOf } from './events';

export interface SeriesOccurrence {
  originalStart: number;
  start: number;
  end: number;
  isException: boolean;
  subject?: string;
}

/**
 * The occurrences of a stored series master that overlap [from, to), exceptions and
 * cancellations applied. Stored times are UTC; the pattern runs on the wall clock of the zone the
 * organizer chose, so the master's start is handed over in that zone.
 */
export function expandSeries(stored: StoredEvent, from: number, to: number): SeriesOccurrence[] {
  const e = stored.event;
  if (!e.recurrence || !e.start || !e.end) return [];
  const zone = e.originalStartTimeZone ?? 'UTC';
  const endZone = e.originalEndTimeZone ?? zone;
  const local = (ms: number, z: string) => ({
    dateTime: instantToZonedLocal(instant(ms), z),
    timeZone: z,
  });
  const exceptions = Object.entries(stored.exceptions ?? {}).map(([original, ex]) => ({
    originalStart: instant(Number(original)),
    start: instant(instantOf(ex.start)),
    end: instant(instantOf(ex.end)),
    subject: ex.subject,
  }));
  return expandRecurrence({
    start: local(instantOf(e.start), zone),
    end: local(instantOf(e.end), endZone),
    recurrence: recurrenceSchema.parse(e.recurrence),
    cancelled: (stored.cancelled ?? []).map(instant),
    exceptions,
    windowStart: instant(from),
    windowEnd: instant(to),
  }).map((o) => ({
    originalStart: o.originalStart,
    start: o.start,
    end: o.end,
    isException: o.isException,
    ...(o.exception?.subject !== undefined ? { subject: o.exception.subject } : {}),
  }));
}
