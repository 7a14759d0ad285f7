import { describe, expect, it } from 'vitest';
import { mergeExpectations } from '../../../../src/domain/expectations/merge';
import { EXPECTATIONS_SCHEMA_VERSION } from '../../../../src/domain/expectations/schema';
import {
  baseFor,
  buildSaveRequest,
  defaultScope,
  deliverableStates,
  effectiveOf,
  invalidScope,
  keysFor,
  resolveChoices,
  scopesFor,
  startOverBase,
  withDeliverableState,
  withSavedRecord,
} from '../../../../src/features/meeting/save-plan';
import { deliverable, expectations } from '../../domain/expectations/builders';
import { ATTENDEES, meeting, meetingData, record } from './builders';

const inSeries = meeting({ seriesKey: 'uid-series', seriesMasterId: 'master-1' });
const seriesRecord = record(
  expectations({ meetingKey: 'uid-series', purpose: 'Weekly sync.', deliverables: [] }),
);
const occurrenceRecord = record(expectations({ seriesKey: 'uid-series' }));
const invalid = {
  version: { itemId: 'item-bad', etag: '"9"' },
  errors: { purpose: ['The purpose can be at most 300 characters (this one has 400).'] },
};

describe('keysFor', () => {
  it('keys an occurrence by its iCalUId and names its series', () => {
    expect(keysFor(inSeries, 'occurrence')).toEqual({
      schemaVersion: EXPECTATIONS_SCHEMA_VERSION,
      meetingKey: 'uid-occurrence-1',
      seriesKey: 'uid-series',
    });
    expect(keysFor(meeting(), 'occurrence')).toEqual({
      schemaVersion: EXPECTATIONS_SCHEMA_VERSION,
      meetingKey: 'uid-occurrence-1',
    });
  });

  it('keys a series-level record by the series master’s iCalUId', () => {
    expect(keysFor(inSeries, 'series')).toEqual({
      schemaVersion: EXPECTATIONS_SCHEMA_VERSION,
      meetingKey: 'uid-series',
    });
    expect(() => keysFor(meeting(), 'series')).toThrow(/not part of a series/);
  });

  it('offers the series scope only for a meeting in a series', () => {
    expect(scopesFor(meeting())).toEqual(['occurrence']);
    expect(scopesFor(inSeries)).toEqual(['occurrence', 'series']);
  });
});

describe('which record', () => {
  it('shows the occurrence’s own record over the series’', () => {
    const data = meetingData({
      meeting: inSeries,
      occurrence: occurrenceRecord,
      series: seriesRecord,
    });
    const effective = effectiveOf(data);
    expect(effective?.record).toBe(occurrenceRecord);
    expect(effective?.scope).toBe('occurrence');
    expect(effective?.fromSeries).toBe(false);
    expect(defaultScope(data)).toBe('occurrence');
  });

  it('says when everything comes from the series, and edits it there by default', () => {
    const data = meetingData({ meeting: inSeries, series: seriesRecord });
    const effective = effectiveOf(data);
    expect(effective?.expectations.purpose).toBe('Weekly sync.');
    expect(effective?.fromSeries).toBe(true);
    expect(effective?.scope).toBe('series');
    expect(defaultScope(data)).toBe('series');
  });

  it('has nothing to show when nothing is stored', () => {
    expect(effectiveOf(meetingData())).toBeUndefined();
    expect(defaultScope(meetingData({ meeting: inSeries }))).toBe('occurrence');
  });

  it('uses the record loaded for the scope as the base', () => {
    const data = meetingData({ meeting: inSeries, series: seriesRecord });
    expect(baseFor(data, 'series')).toBe(seriesRecord);
    expect(baseFor(data, 'occurrence')).toBeUndefined();
  });
});

describe('an unreadable record', () => {
  it('belongs to the meeting when there is no series', () => {
    expect(invalidScope(meetingData({ invalid }))).toBe('occurrence');
  });

  it('is the one the port names', () => {
    expect(
      invalidScope(meetingData({ meeting: inSeries, invalid: { ...invalid, scope: 'series' } })),
    ).toBe('series');
  });

  it('is otherwise the one of the two that did not come back', () => {
    expect(invalidScope(meetingData({ meeting: inSeries, invalid, series: seriesRecord }))).toBe(
      'occurrence',
    );
    expect(
      invalidScope(meetingData({ meeting: inSeries, invalid, occurrence: occurrenceRecord })),
    ).toBe('series');
    expect(invalidScope(meetingData({ meeting: inSeries, invalid }))).toBeUndefined();
    expect(invalidScope(meetingData())).toBeUndefined();
  });

  it('is replaced on Start over through its own version, with empty content as the base', () => {
    const base = startOverBase(meetingData({ invalid }), 'occurrence');
    expect(base?.version).toBe(invalid.version);
    expect(base?.expectations).toMatchObject({ meetingKey: 'uid-occurrence-1', purpose: '' });
    // If it became readable meanwhile, everything both sides wrote is a conflict, not overwritten.
    const theirs = expectations({ purpose: 'Fixed by hand.', agenda: [] });
    const mine = expectations({ purpose: 'Written afresh.', agenda: [] });
    const merge = mergeExpectations(base?.expectations, mine, theirs);
    expect(merge.conflicts.map((c) => (c.kind === 'field' ? c.field : c.id))).toContain('purpose');
  });

  it('is never targeted when its scope is unknown or another one', () => {
    const unknown = meetingData({ meeting: inSeries, invalid });
    expect(startOverBase(unknown, 'occurrence')).toBeUndefined();
    const seriesBroken = meetingData({
      meeting: inSeries,
      invalid,
      occurrence: occurrenceRecord,
    });
    expect(startOverBase(seriesBroken, 'occurrence')).toBe(occurrenceRecord);
    expect(startOverBase(seriesBroken, 'series')?.version).toBe(invalid.version);
  });
});

describe('buildSaveRequest', () => {
  it('sends the meeting, scope, base, expectations and attendees', () => {
    const data = meetingData({ occurrence: occurrenceRecord });
    const saving = expectations({ purpose: 'New purpose.' });
    expect(buildSaveRequest(data, 'occurrence', occurrenceRecord, saving)).toEqual({
      meeting: data.meeting,
      scope: 'occurrence',
      base: occurrenceRecord,
      expectations: saving,
      attendees: ATTENDEES,
    });
    expect(buildSaveRequest(data, 'occurrence', undefined, saving)).not.toHaveProperty('base');
  });
});

describe('resolveChoices', () => {
  const base = expectations();
  const mine = { ...base, purpose: 'Mine.', outcome: 'My outcome.' };
  const theirs = { ...base, purpose: 'Theirs.', outcome: 'Their outcome.' };
  const { merged, conflicts } = mergeExpectations(base, mine, theirs);

  it('applies each choice to its conflict', () => {
    const value = resolveChoices(merged, conflicts, ['mine', 'theirs']);
    expect(value.purpose).toBe('Mine.');
    expect(value.outcome).toBe('Their outcome.');
  });

  it('refuses to guess a choice the person has not made', () => {
    expect(() => resolveChoices(merged, conflicts, ['mine'])).toThrow(/every change/);
  });
});

describe('live deliverables', () => {
  const shown = expectations();
  const blocked = {
    meetingKey: shown.meetingKey,
    deliverable: deliverable({ status: 'blocked', obstacle: 'Waiting for legal' }),
    version: { itemId: 'd-item', etag: '"3"' },
    statusSetBy: 'ana',
  };

  it('pairs each deliverable with its item, or a state without a version', () => {
    const data = meetingData({ occurrence: record(shown), deliverables: { d1: blocked } });
    const states = deliverableStates(data, shown);
    expect(states[0]?.state).toBe(blocked);
    expect(states[1]?.state).toEqual({
      meetingKey: shown.meetingKey,
      deliverable: shown.deliverables[1],
    });
  });

  it('puts a saved record and a new status into the cached data', () => {
    const data = meetingData({ meeting: inSeries });
    expect(withSavedRecord(data, 'series', seriesRecord).series).toBe(seriesRecord);
    expect(withSavedRecord(data, 'occurrence', occurrenceRecord).occurrence).toBe(occurrenceRecord);
    expect(withDeliverableState(data, blocked).deliverables.d1).toBe(blocked);
  });

  it('drops the warning about an unreadable record once Start over replaced it', () => {
    const broken = meetingData({ invalid });
    expect(withSavedRecord(broken, 'occurrence', occurrenceRecord)).not.toHaveProperty('invalid');
    const seriesBroken = meetingData({ meeting: inSeries, invalid, occurrence: occurrenceRecord });
    expect(withSavedRecord(seriesBroken, 'occurrence', occurrenceRecord).invalid).toBe(invalid);
  });
});
