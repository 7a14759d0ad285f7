import {
  Caption1,
  Skeleton,
  SkeletonItem,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
} from '@fluentui/react-components';
import type { CommitmentCounts } from '../../domain/commitments/team-summary';
import { formatDueDate } from '../../domain/expectations/invite-section';
import { ErrorState } from '../shared/error-state';
import { useStackStyles } from '../shared/stack-styles';
import { useTeamCommitments } from './use-commitments';

const useStyles = makeStyles({ table: { minWidth: '480px' }, scroll: { overflowX: 'auto' } });

const plural = (n: number, one: string, many: string) => `${String(n)} ${n === 1 ? one : many}`;

/** The counts people ask about first, in words (the table has the rest). */
function headline(c: CommitmentCounts): string {
  const s = c.byStatus;
  return [
    `${String(s.onTrack)} on track`,
    `${String(s.atRisk)} at risk`,
    `${String(s.blocked)} blocked`,
    `${String(c.overdue)} overdue`,
  ].join(', ');
}

const COLUMNS: { label: string; value: (c: CommitmentCounts) => number }[] = [
  { label: 'On track', value: (c) => c.byStatus.onTrack },
  { label: 'At risk', value: (c) => c.byStatus.atRisk },
  { label: 'Blocked', value: (c) => c.byStatus.blocked },
  { label: 'Overdue', value: (c) => c.overdue },
  { label: 'Not started', value: (c) => c.byStatus.notStarted },
  { label: 'Done', value: (c) => c.byStatus.done },
  { label: 'Total', value: (c) => c.total },
];

/**
 * How the team's commitments stand, as counts by meeting or series. By design it names no one
 * and orders meetings alphabetically: it shows where help is needed, not who to blame.
 */
export function TeamCommitments() {
  const styles = useStyles();
  const stack = useStackStyles();
  const query = useTeamCommitments();
  return (
    <section className={stack.section} aria-labelledby="team-commitments">
      <Subtitle2 as="h2" id="team-commitments">
        Team commitments
      </Subtitle2>
      {query.isPending ? (
        <Skeleton aria-label="Loading the team's commitments">
          <SkeletonItem size={32} />
        </Skeleton>
      ) : query.isError ? (
        <ErrorState
          title="The team's commitments could not be loaded."
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : query.data.summary.total === 0 ? (
        <Text as="p">No deliverables due since {formatDueDate(query.data.since)}.</Text>
      ) : (
        <>
          <Text as="p">
            {plural(query.data.summary.total, 'deliverable', 'deliverables')} due since{' '}
            {formatDueDate(query.data.since)}: {headline(query.data.summary)}.
          </Text>
          <div className={styles.scroll}>
            <Table className={styles.table} size="small" aria-label="Deliverables by meeting">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Meeting or series</TableHeaderCell>
                  {COLUMNS.map((c) => (
                    <TableHeaderCell key={c.label}>{c.label}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {query.data.summary.groups.map((g) => (
                  <TableRow key={g.key}>
                    <TableCell dir="auto">{g.label}</TableCell>
                    {COLUMNS.map((c) => (
                      <TableCell key={c.label}>{String(c.value(g))}</TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <Caption1 as="p">
            Counts only: owners report their own progress, and this view never shows who.
          </Caption1>
        </>
      )}
      {query.data && query.data.unreadable > 0 ? (
        <Caption1 as="p">
          {plural(query.data.unreadable, 'stored item', 'stored items')} changed outside Rapport
          could not be counted.
        </Caption1>
      ) : null}
    </section>
  );
}
