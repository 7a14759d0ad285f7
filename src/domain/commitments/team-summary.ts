import { DELIVERABLE_STATUSES, type DeliverableStatus } from '../expectations/schema';

/**
 * The team view of commitments: counts only. It exists to show how the team's work is going
 * without turning into a scoreboard, so its input carries no owner and its output has no
 * per-person rows, no names and no ranking (ARCHITECTURE.md, "accountability without
 * surveillance"). Groups are per meeting (or per series, whose deliverables share the series
 * key) and come in alphabetical order, never "worst first".
 */

/** What the summary reads of one deliverable; anything else the caller holds is ignored. */
export interface CommitmentItem {
  /** The meeting's (or series') key: deliverables of one meeting form one group. */
  meetingKey: string;
  /** What to call the group: the meeting's subject when it was stored. */
  meetingLabel?: string;
  status: DeliverableStatus;
  /** `YYYY-MM-DD`. */
  due: string;
}

export type StatusCounts = Record<DeliverableStatus, number>;

export interface CommitmentCounts {
  total: number;
  /** By status; they add up to `total`. */
  byStatus: StatusCounts;
  /** Not done and due before today; counted across statuses, so at most `total - done`. */
  overdue: number;
}

export interface CommitmentGroup extends CommitmentCounts {
  key: string;
  label: string;
}

export interface TeamCommitments extends CommitmentCounts {
  groups: CommitmentGroup[];
}

/** The label of a group whose meeting's subject was never stored. */
export const UNNAMED_MEETING = 'A meeting without a subject';

/** Not done and its due day is behind `today` (`YYYY-MM-DD`, in the viewer's own time zone). */
export function isOverdue(
  item: { status: DeliverableStatus; due: string },
  today: string,
): boolean {
  return item.status !== 'done' && item.due < today;
}

const emptyCounts = (): CommitmentCounts => ({
  total: 0,
  byStatus: Object.fromEntries(DELIVERABLE_STATUSES.map((s) => [s, 0])) as StatusCounts,
  overdue: 0,
});

function add(counts: CommitmentCounts, item: CommitmentItem, today: string): void {
  counts.total += 1;
  counts.byStatus[item.status] += 1;
  if (isOverdue(item, today)) counts.overdue += 1;
}

export function summarizeCommitments(
  items: readonly CommitmentItem[],
  today: string,
): TeamCommitments {
  const all = emptyCounts();
  const groups = new Map<string, CommitmentGroup>();
  for (const item of items) {
    add(all, item, today);
    let group = groups.get(item.meetingKey);
    if (!group) {
      group = { key: item.meetingKey, label: UNNAMED_MEETING, ...emptyCounts() };
      groups.set(item.meetingKey, group);
    }
    // Items of one meeting may hold different subjects (it was renamed between saves); the same
    // one must win whatever order the list answers in.
    const label = item.meetingLabel?.trim();
    if (label && (group.total === 0 || group.label === UNNAMED_MEETING || label < group.label)) {
      group.label = label;
    }
    add(group, item, today);
  }
  return {
    ...all,
    groups: [...groups.values()].sort(
      (a, b) => a.label.localeCompare(b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    ),
  };
}
