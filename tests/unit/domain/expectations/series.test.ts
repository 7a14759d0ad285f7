import { describe, expect, it } from 'vitest';
import { effectiveExpectations } from '../../../../src/domain/expectations/series';
import type { ExpectationsOverride } from '../../../../src/domain/expectations/schema';
import { expectations } from './builders';

const series = expectations({
  meetingKey: 'uid-master',
  purpose: 'Weekly sync.',
  outcome: 'Everyone unblocked.',
  agenda: [
    { title: 'Wins', minutes: 5 },
    { title: 'Blockers', minutes: 10 },
  ],
  successMetrics: ['No blocker waits a week.'],
});

const override = (fields: Partial<ExpectationsOverride> = {}): ExpectationsOverride => ({
  schemaVersion: 1,
  meetingKey: 'uid-occurrence-7',
  seriesKey: 'uid-master',
  ...fields,
});

describe('effectiveExpectations', () => {
  it('has nothing when there is nothing', () => {
    expect(effectiveExpectations()).toBeUndefined();
  });

  it('applies the series to an occurrence without its own record', () => {
    const effective = effectiveExpectations(series);
    expect(effective?.expectations).toEqual(series);
    expect(Object.values(effective?.origin ?? {})).toEqual(Array(6).fill('series'));
  });

  it('applies the series to an occurrence that changes nothing', () => {
    const effective = effectiveExpectations(series, override());
    expect(effective?.expectations).toEqual({
      ...series,
      meetingKey: 'uid-occurrence-7',
      seriesKey: 'uid-master',
    });
  });

  it('lets an occurrence replace single fields, and only those', () => {
    const effective = effectiveExpectations(
      series,
      override({ purpose: 'Quarterly review instead.', agenda: [{ title: 'Numbers' }] }),
    );
    expect(effective?.expectations).toMatchObject({
      purpose: 'Quarterly review instead.',
      outcome: 'Everyone unblocked.',
      agenda: [{ title: 'Numbers' }],
      successMetrics: ['No blocker waits a week.'],
    });
    expect(effective?.origin).toEqual({
      purpose: 'occurrence',
      outcome: 'series',
      agenda: 'occurrence',
      roles: 'series',
      deliverables: 'series',
      successMetrics: 'series',
    });
  });

  it('treats an empty value in the occurrence as a deliberate override', () => {
    const effective = effectiveExpectations(
      series,
      override({ agenda: [], outcome: '', successMetrics: [] }),
    );
    expect(effective?.expectations).toMatchObject({ agenda: [], outcome: '', successMetrics: [] });
    expect(effective?.origin.agenda).toBe('occurrence');
  });

  it('replaces lists whole instead of merging them', () => {
    const effective = effectiveExpectations(
      series,
      override({ agenda: [{ title: 'Blockers', minutes: 20 }] }),
    );
    expect(effective?.expectations.agenda).toEqual([{ title: 'Blockers', minutes: 20 }]);
  });

  it('uses a complete occurrence record on its own (a one-off meeting)', () => {
    const oneOff = expectations({ meetingKey: 'uid-one-off' });
    expect(effectiveExpectations(undefined, oneOff)?.expectations).toEqual(oneOff);
  });

  it('has no expectations when nobody wrote a purpose', () => {
    expect(effectiveExpectations(undefined, override({ agenda: [] }))).toBeUndefined();
  });

  it('ignores a series the occurrence does not belong to', () => {
    const other = expectations({ meetingKey: 'uid-other-master', purpose: 'Someone else’s.' });
    expect(effectiveExpectations(other, override({ agenda: [] }))).toBeUndefined();
    const full = expectations({ meetingKey: 'uid-occurrence-7', seriesKey: 'uid-master' });
    expect(effectiveExpectations(other, full)?.expectations).toEqual(full);
  });
});
