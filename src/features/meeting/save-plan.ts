import { resolveConflict, type MergeConflict } from '../../domain/expectations/merge';
import {
  CONTENT_FIELDS,
  EXPECTATIONS_SCHEMA_VERSION,
  type Expectations,
} from '../../domain/expectations/schema';
import type { InviteWords } from '../../domain/expectations/invite-section';
import { effectiveExpectations } from '../../domain/expectations/series';
import type { MeetingRef } from '../../domain/meetings/meeting-ref';
import type {
  DeliverableState,
  ExpectationsRecord,
  MeetingExpectations,
  SaveRequest,
} from '../../domain/ports/expectations';
import type { ExpectationsKeys, Scope } from './expectations-form';

/**
 * Which record the meeting tab shows and which one a save writes over. Series rules live in the
 * domain (`effectiveExpectations`); this only picks records and keys for the port.
 */

export interface Effective {
  expectations: Expectations;
  /** The stored record the expectations come from (its version says who changed it last). */
  record: ExpectationsRecord;
  /** Where that record is stored. */
  scope: Scope;
  /** Every field comes from the series' record. */
  fromSeries: boolean;
}

export function effectiveOf(data: MeetingExpectations): Effective | undefined {
  const effective = effectiveExpectations(data.series?.expectations, data.occurrence?.expectations);
  const record = data.occurrence ?? data.series;
  if (effective === undefined || record === undefined) return undefined;
  return {
    expectations: effective.expectations,
    record,
    scope: data.occurrence === undefined ? 'series' : 'occurrence',
    fromSeries: CONTENT_FIELDS.every((field) => effective.origin[field] === 'series'),
  };
}

/** The scopes a save can target: a meeting outside a series has only its own. */
export const scopesFor = (meeting: MeetingRef): Scope[] =>
  meeting.seriesKey === undefined ? ['occurrence'] : ['occurrence', 'series'];

/** The scope the editor starts with: the one the shown expectations are stored at. */
export const defaultScope = (data: MeetingExpectations): Scope =>
  data.occurrence === undefined && data.series !== undefined && data.meeting.seriesKey !== undefined
    ? 'series'
    : 'occurrence';

/**
 * The keys of a record for `scope`: an occurrence is keyed by its own `iCalUId` and names its
 * series; a series-level record is keyed by the series master's `iCalUId`.
 */
export function keysFor(meeting: MeetingRef, scope: Scope): ExpectationsKeys {
  if (scope === 'series') {
    if (meeting.seriesKey === undefined) throw new Error('This meeting is not part of a series.');
    return { schemaVersion: EXPECTATIONS_SCHEMA_VERSION, meetingKey: meeting.seriesKey };
  }
  return {
    schemaVersion: EXPECTATIONS_SCHEMA_VERSION,
    meetingKey: meeting.iCalUId,
    ...(meeting.seriesKey === undefined ? {} : { seriesKey: meeting.seriesKey }),
  };
}

/** What the person loaded for `scope`: the save's base (undefined: nothing stored there yet). */
export const baseFor = (data: MeetingExpectations, scope: Scope): ExpectationsRecord | undefined =>
  scope === 'series' ? data.series : data.occurrence;

/**
 * The scope of the record that failed validation: as the port says, or else the one of the two
 * that did not come back readable. Undefined when either could be (a series meeting with neither
 * record readable, from a port that does not say).
 */
export function invalidScope(data: MeetingExpectations): Scope | undefined {
  if (data.invalid === undefined) return undefined;
  if (data.invalid.scope !== undefined) return data.invalid.scope;
  if (data.meeting.seriesKey === undefined) return 'occurrence';
  if (data.occurrence !== undefined && data.series === undefined) return 'series';
  if (data.series !== undefined && data.occurrence === undefined) return 'occurrence';
  return undefined;
}

/**
 * The base for an explicit "Start over" over an unreadable record: its version, so the write
 * replaces exactly the item the person was warned about (and fails if it changed since), with
 * empty content, so that if it became readable meanwhile every field the two sides wrote shows up
 * as a conflict instead of being overwritten. Without a known scope there is no safe version to
 * use, and the ordinary base applies (the service then refuses to overwrite).
 */
export function startOverBase(
  data: MeetingExpectations,
  scope: Scope,
): ExpectationsRecord | undefined {
  if (data.invalid === undefined || invalidScope(data) !== scope) return baseFor(data, scope);
  const keys = keysFor(data.meeting, scope);
  return {
    version: data.invalid.version,
    expectations: {
      ...keys,
      purpose: '',
      outcome: '',
      agenda: [],
      roles: [],
      deliverables: [],
      successMetrics: [],
    },
  };
}

export function buildSaveRequest(
  data: MeetingExpectations,
  scope: Scope,
  base: ExpectationsRecord | undefined,
  expectations: Expectations,
  /** The invite section's words, in the saver's language. */
  inviteWords?: InviteWords,
): SaveRequest {
  return {
    meeting: data.meeting,
    scope,
    ...(base === undefined ? {} : { base }),
    expectations,
    attendees: data.attendees,
    ...(inviteWords === undefined ? {} : { inviteWords }),
  };
}

export type Choice = 'mine' | 'theirs';

/** The merge result with the person's choice applied for every conflict, in order. */
export function resolveChoices(
  merged: Expectations,
  conflicts: readonly MergeConflict[],
  choices: readonly (Choice | undefined)[],
): Expectations {
  return conflicts.reduce((value, conflict, index) => {
    const choice = choices[index];
    if (choice === undefined) throw new Error('Choose a version for every change first.');
    return resolveConflict(value, conflict, choice);
  }, merged);
}

/**
 * Each deliverable of the shown expectations with its live state. The organizer's fields (title,
 * owner, due date) come from the record; status and obstacle from the deliverable's own item,
 * which owners write. A deliverable without an item yet gets a state without a version, which the
 * port creates on the first status change.
 */
export function deliverableStates(
  data: MeetingExpectations,
  expectations: Expectations,
): { record: Expectations['deliverables'][number]; state: DeliverableState }[] {
  return expectations.deliverables.map((record) => ({
    record,
    state: data.deliverables[record.id] ?? {
      meetingKey: expectations.meetingKey,
      deliverable: record,
    },
  }));
}

/**
 * The same data with a saved record in place, until the refetch brings the rest. A save to the
 * scope of an unreadable record replaced it (Start over), so its warning goes too.
 */
export function withSavedRecord(
  data: MeetingExpectations,
  scope: Scope,
  record: ExpectationsRecord,
): MeetingExpectations {
  const { invalid, ...rest } = data;
  const next = invalid !== undefined && invalidScope(data) === scope ? rest : data;
  return scope === 'series' ? { ...next, series: record } : { ...next, occurrence: record };
}

/** The same data with one deliverable's new live state. */
export function withDeliverableState(
  data: MeetingExpectations,
  state: DeliverableState,
): MeetingExpectations {
  return { ...data, deliverables: { ...data.deliverables, [state.deliverable.id]: state } };
}
