import {
  CONTENT_FIELDS,
  EXPECTATIONS_SCHEMA_VERSION,
  type ContentField,
  type Expectations,
  type ExpectationsOverride,
} from './schema';

/** Where each field of the effective expectations came from, so the UI can say "from the series". */
export type FieldOrigin = 'series' | 'occurrence';

export interface EffectiveExpectations {
  expectations: Expectations;
  origin: Record<ContentField, FieldOrigin>;
}

/**
 * The expectations that hold for one meeting, from the series' record and the occurrence's own.
 *
 * Precedence, field by field (purpose, outcome, agenda, roles, deliverables, success metrics):
 * 1. A field present in the occurrence's record wins, even when it is empty: an empty agenda
 *    there means "no agenda this time", not "use the series' agenda". Lists are replaced whole,
 *    never merged item by item, so an occurrence's agenda is exactly what its organizer saw.
 * 2. Otherwise the series' value applies.
 * 3. Otherwise the field's default (empty outcome, empty lists).
 * A purpose is required: if neither record has one, the meeting has no expectations (undefined).
 *
 * Keys: `meetingKey` is the occurrence's when it has a record, else the series' (the caller keys
 * by occurrence as soon as it writes one); `seriesKey` is the series' key when a series applies.
 * A series whose key differs from the occurrence's `seriesKey` belongs to another series and is
 * ignored: another meeting's expectations must never show up here.
 *
 * Example: series {purpose "Weekly sync", agenda [Wins, Blockers]} and occurrence {agenda []}
 * give purpose "Weekly sync" (origin series) and an empty agenda (origin occurrence).
 */
export function effectiveExpectations(
  series?: Expectations,
  occurrence?: ExpectationsOverride,
): EffectiveExpectations | undefined {
  const applicableSeries =
    series !== undefined &&
    occurrence?.seriesKey !== undefined &&
    occurrence.seriesKey !== series.meetingKey
      ? undefined
      : series;

  const origin = {} as Record<ContentField, FieldOrigin>;
  for (const field of CONTENT_FIELDS) {
    origin[field] = occurrence?.[field] !== undefined ? 'occurrence' : 'series';
  }

  const purpose = occurrence?.purpose ?? applicableSeries?.purpose;
  if (purpose === undefined) return undefined;

  const meetingKey = occurrence?.meetingKey ?? applicableSeries?.meetingKey;
  if (meetingKey === undefined) return undefined;
  const seriesKey = applicableSeries?.meetingKey ?? occurrence?.seriesKey;

  const expectations: Expectations = {
    schemaVersion:
      occurrence?.schemaVersion ?? applicableSeries?.schemaVersion ?? EXPECTATIONS_SCHEMA_VERSION,
    meetingKey,
    ...(seriesKey !== undefined && seriesKey !== meetingKey ? { seriesKey } : {}),
    purpose,
    outcome: occurrence?.outcome ?? applicableSeries?.outcome ?? '',
    agenda: occurrence?.agenda ?? applicableSeries?.agenda ?? [],
    roles: occurrence?.roles ?? applicableSeries?.roles ?? [],
    deliverables: occurrence?.deliverables ?? applicableSeries?.deliverables ?? [],
    successMetrics: occurrence?.successMetrics ?? applicableSeries?.successMetrics ?? [],
  };
  return { expectations, origin };
}
