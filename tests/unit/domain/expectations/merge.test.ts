import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  mergeDeliverable,
  mergeExpectations,
  resolveConflict,
} from '../../../../src/domain/expectations/merge';
import type { Deliverable, Expectations } from '../../../../src/domain/expectations/schema';
import { deliverable, expectations } from './builders';

const base = expectations();
const d1 = base.deliverables[0] as Deliverable;
const d2 = base.deliverables[1] as Deliverable;

describe('mergeExpectations', () => {
  it('keeps both sides when they changed different fields', () => {
    const mine = { ...base, purpose: 'Pick the launch date.' };
    const theirs = { ...base, successMetrics: ['One date, agreed.'] };
    const { merged, conflicts } = mergeExpectations(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.purpose).toBe('Pick the launch date.');
    expect(merged.successMetrics).toEqual(['One date, agreed.']);
  });

  it('reports a conflict when both changed the same field differently, keeping theirs', () => {
    const mine = { ...base, purpose: 'Mine.' };
    const theirs = { ...base, purpose: 'Theirs.' };
    const { merged, conflicts } = mergeExpectations(base, mine, theirs);
    expect(conflicts).toEqual([
      { kind: 'field', field: 'purpose', mine: 'Mine.', theirs: 'Theirs.' },
    ]);
    expect(merged.purpose).toBe('Theirs.');
    expect(resolveConflict(merged, conflicts[0]!, 'mine').purpose).toBe('Mine.');
  });

  it('is not a conflict when both made the same change', () => {
    const same = { ...base, outcome: 'A date.' };
    expect(mergeExpectations(base, same, same).conflicts).toEqual([]);
  });

  it('merges deliverables one by one: an owner’s status and an organizer’s new title both survive', () => {
    const mine = { ...base, deliverables: [{ ...d1, title: 'Write the launch plan' }, d2] };
    const theirs = {
      ...base,
      deliverables: [{ ...d1, status: 'blocked', obstacle: 'Waiting on legal' } as Deliverable, d2],
    };
    const { merged, conflicts } = mergeExpectations(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.deliverables[0]).toEqual({
      ...d1,
      title: 'Write the launch plan',
      status: 'blocked',
      obstacle: 'Waiting on legal',
    });
  });

  it('keeps deliverables added on either side and drops one removed on one side only', () => {
    const added = deliverable({ id: 'd3', title: 'Book the room' });
    const theirsAdded = deliverable({ id: 'd4', title: 'Tell support' });
    const mine = { ...base, deliverables: [d1, added] }; // removed d2, added d3
    const theirs = { ...base, deliverables: [d1, d2, theirsAdded] };
    const { merged, conflicts } = mergeExpectations(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.deliverables.map((d) => d.id)).toEqual(['d1', 'd4', 'd3']);
  });

  it('asks when one side removed a deliverable the other changed', () => {
    const mine = { ...base, deliverables: [d1] };
    const theirs = { ...base, deliverables: [d1, { ...d2, due: '2026-04-01' }] };
    const { merged, conflicts } = mergeExpectations(base, mine, theirs);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ kind: 'deliverable', id: 'd2', part: 'whole' });
    expect(merged.deliverables.map((d) => d.id)).toEqual(['d1', 'd2']);
    const chosen = resolveConflict(merged, conflicts[0]!, 'mine');
    expect(chosen.deliverables.map((d) => d.id)).toEqual(['d1']);
  });

  it('treats status and obstacle as one part', () => {
    const mine = { ...d1, status: 'atRisk', obstacle: 'Short on time' } as Deliverable;
    const theirs = { ...d1, status: 'atRisk', obstacle: 'Vendor late' } as Deliverable;
    const result = mergeDeliverable(d1, mine, theirs);
    expect(result.conflicts).toEqual(['status']);
  });

  it('with no base (both created), every differing field is a conflict', () => {
    const mine = { ...base, purpose: 'A.' };
    const theirs = { ...base, purpose: 'B.' };
    expect(mergeExpectations(undefined, mine, theirs).conflicts.map((c) => c.kind)).toEqual([
      'field',
    ]);
  });
});

/** Fixed so a failure reproduces. */
const SEED = 5151;

const variant = fc.record({
  purpose: fc.constantFrom('P1.', 'P2.', 'P3.'),
  outcome: fc.constantFrom('', 'O1', 'O2'),
  successMetrics: fc.constantFrom([], ['M1'], ['M1', 'M2']),
  status: fc.constantFrom('notStarted', 'onTrack', 'done'),
  title: fc.constantFrom('T1', 'T2'),
});
type Variant = typeof variant extends fc.Arbitrary<infer V> ? V : never;
const build = (v: Variant): Expectations => ({
  ...base,
  purpose: v.purpose,
  outcome: v.outcome,
  successMetrics: [...v.successMetrics],
  deliverables: [{ ...d1, status: v.status as Deliverable['status'], title: v.title }, d2],
});

describe('mergeExpectations properties', () => {
  it('a side that changed nothing takes the other side whole', () => {
    fc.assert(
      fc.property(variant, variant, (b, m) => {
        const baseX = build(b);
        const mineX = build(m);
        expect(mergeExpectations(baseX, mineX, baseX)).toEqual({ merged: mineX, conflicts: [] });
        expect(mergeExpectations(baseX, baseX, mineX)).toEqual({ merged: mineX, conflicts: [] });
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('resolving every conflict with "mine" keeps all of mine; with "theirs", all of theirs', () => {
    fc.assert(
      fc.property(variant, variant, variant, (b, m, t) => {
        const [baseX, mineX, theirsX] = [build(b), build(m), build(t)];
        const { merged, conflicts } = mergeExpectations(baseX, mineX, theirsX);
        const allTheirs = conflicts.reduce((v, c) => resolveConflict(v, c, 'theirs'), merged);
        const allMine = conflicts.reduce((v, c) => resolveConflict(v, c, 'mine'), merged);
        // Every field either side changed ends up as that side's value; both changed → chosen.
        for (const field of ['purpose', 'outcome', 'successMetrics'] as const) {
          const mineChanged = JSON.stringify(baseX[field]) !== JSON.stringify(mineX[field]);
          const theirsChanged = JSON.stringify(baseX[field]) !== JSON.stringify(theirsX[field]);
          if (mineChanged) expect(allMine[field]).toEqual(mineX[field]);
          if (theirsChanged) expect(allTheirs[field]).toEqual(theirsX[field]);
          if (!mineChanged && !theirsChanged) expect(merged[field]).toEqual(baseX[field]);
        }
        // Nothing disappears: every deliverable in both sides is still there.
        expect(allMine.deliverables.map((d) => d.id)).toEqual(['d1', 'd2']);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
