import type { Client } from '@microsoft/microsoft-graph-client';
import { Temporal } from 'temporal-polyfill';
import { summarizeCommitments, type CommitmentItem } from '../../domain/commitments/team-summary';
import type { TeamCommitmentsView } from '../../domain/ports/commitments';
import { localDateOf } from '../../domain/time/zones';
import type { Instant } from '../../domain/time/instant';
import {
  literal,
  parseDeliverableItems,
  queryItems,
} from '../expectations/expectations-repository';

const DELIVERABLES_LIST = 'Deliverables';

/**
 * How far back the team view reaches. A bound keeps the query (and the list threshold) in check
 * however long the team has used Rapport; older deliverables are history, not today's picture.
 */
export const TEAM_VIEW_DAYS = 90;

/**
 * The team's deliverables due in the window, as counts: one filtered query on the indexed DueDate
 * column (paged), so the cost follows the number of deliverables, never the number of meetings.
 * Owners are dropped here, before anything reaches a screen.
 */
export async function readTeamCommitments(
  client: Client,
  siteId: string,
  now: Instant,
  timeZone: string,
): Promise<TeamCommitmentsView> {
  const today = localDateOf(now, timeZone);
  const since = Temporal.PlainDate.from(today).subtract({ days: TEAM_VIEW_DAYS }).toString();
  const items = await queryItems(client, siteId, DELIVERABLES_LIST, {
    filter: `fields/DueDate ge ${literal(since)}`,
  });
  const read = parseDeliverableItems(items);
  const commitments: CommitmentItem[] = read.items.map((item) => ({
    meetingKey: item.meetingKey,
    ...(item.meetingSubject === undefined ? {} : { meetingLabel: item.meetingSubject }),
    status: item.deliverable.status,
    due: item.deliverable.due,
  }));
  return {
    summary: summarizeCommitments(commitments, today),
    since,
    unreadable: read.invalid.length,
  };
}
