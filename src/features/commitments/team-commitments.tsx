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
import type { Messages } from '../shared/i18n/en';
import { useT } from '../shared/i18n/i18n';

const useStyles = makeStyles({ table: { minWidth: '480px' }, scroll: { overflowX: 'auto' } });

/** The counts people ask about first, in words (the table has the rest). */
const headline = (c: CommitmentCounts, t: Messages): string =>
  t.commitments.headline(c.byStatus.onTrack, c.byStatus.atRisk, c.byStatus.blocked, c.overdue);

type Column = keyof Messages['commitments']['columns'];

const COLUMNS: { key: Column; value: (c: CommitmentCounts) => number }[] = [
  { key: 'onTrack', value: (c) => c.byStatus.onTrack },
  { key: 'atRisk', value: (c) => c.byStatus.atRisk },
  { key: 'blocked', value: (c) => c.byStatus.blocked },
  { key: 'overdue', value: (c) => c.overdue },
  { key: 'notStarted', value: (c) => c.byStatus.notStarted },
  { key: 'done', value: (c) => c.byStatus.done },
  { key: 'total', value: (c) => c.total },
];

/**
 * How the team's commitments stand, as counts by meeting or series. By design it names no one
 * and orders meetings alphabetically: it shows where help is needed, not who to blame.
 */
export function TeamCommitments() {
  const styles = useStyles();
  const stack = useStackStyles();
  const t = useT();
  const query = useTeamCommitments();
  return (
    <section className={stack.section} aria-labelledby="team-commitments">
      <Subtitle2 as="h2" id="team-commitments">
        {t.commitments.teamCommitments}
      </Subtitle2>
      {query.isPending ? (
        <Skeleton aria-label={t.commitments.loadingCommitments}>
          <SkeletonItem size={32} />
        </Skeleton>
      ) : query.isError ? (
        <ErrorState
          title={t.commitments.commitmentsFailed}
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      ) : query.data.summary.total === 0 ? (
        <Text as="p">
          {t.commitments.noneDueSince(formatDueDate(query.data.since, t.domainText.dueDate))}
        </Text>
      ) : (
        <>
          <Text as="p">
            {t.commitments.dueSince(
              query.data.summary.total,
              formatDueDate(query.data.since, t.domainText.dueDate),
              headline(query.data.summary, t),
            )}
          </Text>
          <div className={styles.scroll}>
            <Table className={styles.table} size="small" aria-label={t.commitments.byMeeting}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t.commitments.meetingOrSeries}</TableHeaderCell>
                  {COLUMNS.map((c) => (
                    <TableHeaderCell key={c.key}>{t.commitments.columns[c.key]}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {query.data.summary.groups.map((g) => (
                  <TableRow key={g.key}>
                    <TableCell dir="auto">{g.label}</TableCell>
                    {COLUMNS.map((c) => (
                      <TableCell key={c.key}>{String(c.value(g))}</TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <Caption1 as="p">{t.commitments.countsOnly}</Caption1>
        </>
      )}
      {query.data && query.data.unreadable > 0 ? (
        <Caption1 as="p">{t.commitments.notCounted(query.data.unreadable)}</Caption1>
      ) : null}
    </section>
  );
}
