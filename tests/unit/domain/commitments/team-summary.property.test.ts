import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  summarizeCommitments,
  type CommitmentCounts,
} from '../../../../src/domain/commitments/team-summary';
import { DELIVERABLE_STATUSES } from '../../../../src/domain/expectations/schema';

/** Fixed so a failure reproduces. */
const SEED = 20_261_202;

const dayArb = fc
  .date({
    min: new Date('2026-01-01T00:00:00Z'),
    max: new Date('2026-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

/** Deliverables as the graph layer holds them, owner and all: the summary must drop the owner. */
const storedArb = fc.record({
  meetingKey: fc.constantFrom('AAMkA-1', 'AAMkA-2', 'AAMkA-3', 'series-9'),
  meetingLabel: fc.option(fc.constantFrom('Sprint planning', 'Design review', 'Weekly sync'), {
    nil: undefined,
  }),
  status: fc.constantFrom(...DELIVERABLE_STATUSES),
  due: dayArb,
  ownerId: fc.uuid().map((u) => `owner-${u}`),
  ownerName: fc.constantFrom('Ana Ruiz', 'Ben Okafor', 'Divya Rao'),
  statusSetBy: fc.uuid().map((u) => `setter-${u}`),
});

const sumOf = (c: CommitmentCounts) => Object.values(c.byStatus).reduce((a, b) => a + b, 0);

describe('summarizeCommitments (properties)', () => {
  it('counts add up: statuses to the total, groups to the team, overdue within the open ones', () => {
    fc.assert(
      fc.property(fc.array(storedArb, { maxLength: 60 }), dayArb, (items, today) => {
        const s = summarizeCommitments(items, today);
        expect(s.total).toBe(items.length);
        expect(sumOf(s)).toBe(s.total);
        expect(s.overdue).toBeLessThanOrEqual(s.total - s.byStatus.done);
        expect(s.groups.reduce((a, g) => a + g.total, 0)).toBe(s.total);
        expect(s.groups.reduce((a, g) => a + g.overdue, 0)).toBe(s.overdue);
        for (const g of s.groups) expect(sumOf(g)).toBe(g.total);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('never carries an owner, a name or who set a status', () => {
    fc.assert(
      fc.property(fc.array(storedArb, { maxLength: 30 }), dayArb, (items, today) => {
        const text = JSON.stringify(summarizeCommitments(items, today));
        for (const i of items) {
          expect(text).not.toContain(i.ownerId);
          expect(text).not.toContain(i.ownerName);
          expect(text).not.toContain(i.statusSetBy);
        }
        expect(text).not.toMatch(/owner|setBy/i);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('does not depend on the order deliverables come in', () => {
    fc.assert(
      fc.property(fc.array(storedArb, { maxLength: 30 }), dayArb, (items, today) => {
        const reversed = [...items].reverse();
        const a = summarizeCommitments(items, today);
        const b = summarizeCommitments(reversed, today);
        expect({ ...a, groups: a.groups.map(({ label: _l, ...g }) => g) }).toEqual({
          ...b,
          groups: b.groups.map(({ label: _l, ...g }) => g),
        });
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
