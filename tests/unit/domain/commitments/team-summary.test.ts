import { describe, expect, it } from 'vitest';
import {
  UNNAMED_MEETING,
  isOverdue,
  summarizeCommitments,
  type CommitmentItem,
} from '../../../../src/domain/commitments/team-summary';

const TODAY = '2026-03-10';
const item = (over: Partial<CommitmentItem>): CommitmentItem => ({
  meetingKey: 'm1',
  meetingLabel: 'Sprint planning',
  status: 'onTrack',
  due: '2026-03-20',
  ...over,
});

describe('isOverdue', () => {
  it('is overdue only when the due day is behind today and it is not done', () => {
    expect(isOverdue({ status: 'onTrack', due: '2026-03-09' }, TODAY)).toBe(true);
    expect(isOverdue({ status: 'blocked', due: '2026-03-09' }, TODAY)).toBe(true);
    // Due today is not late yet.
    expect(isOverdue({ status: 'onTrack', due: TODAY }, TODAY)).toBe(false);
    expect(isOverdue({ status: 'done', due: '2026-01-01' }, TODAY)).toBe(false);
  });
});

describe('summarizeCommitments', () => {
  it('counts by status and overdue, across the team and by meeting', () => {
    const summary = summarizeCommitments(
      [
        item({ status: 'onTrack' }),
        item({ status: 'blocked', due: '2026-03-01' }),
        item({ meetingKey: 'm2', meetingLabel: 'Design review', status: 'atRisk' }),
        item({
          meetingKey: 'm2',
          meetingLabel: 'Design review',
          status: 'done',
          due: '2026-01-01',
        }),
      ],
      TODAY,
    );
    expect(summary.total).toBe(4);
    expect(summary.byStatus).toEqual({ notStarted: 0, onTrack: 1, atRisk: 1, blocked: 1, done: 1 });
    expect(summary.overdue).toBe(1);
    // Alphabetical, not worst first.
    expect(summary.groups.map((g) => [g.label, g.total, g.overdue])).toEqual([
      ['Design review', 2, 0],
      ['Sprint planning', 2, 1],
    ]);
  });

  it('names a meeting whose subject was never stored, and keeps same-named meetings apart', () => {
    const summary = summarizeCommitments(
      [
        item({ meetingKey: 'a', meetingLabel: '  ' }),
        item({ meetingKey: 'b', meetingLabel: undefined }),
      ],
      TODAY,
    );
    expect(summary.groups.map((g) => [g.key, g.label])).toEqual([
      ['a', UNNAMED_MEETING],
      ['b', UNNAMED_MEETING],
    ]);
  });

  it('is all zeros for no deliverables', () => {
    const summary = summarizeCommitments([], TODAY);
    expect(summary.total).toBe(0);
    expect(summary.overdue).toBe(0);
    expect(summary.groups).toEqual([]);
  });
});
