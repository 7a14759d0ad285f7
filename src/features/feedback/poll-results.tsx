import {
  Body1,
  Caption1,
  Skeleton,
  SkeletonItem,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { commentThreshold } from '../../domain/feedback/threshold';
import type { Question } from '../../domain/feedback/schema';
import type { PollResults, PollView, QuestionResults } from '../../domain/ports/feedback';
import { ErrorState } from '../shared/error-state';
import { useT } from '../shared/i18n/i18n';
import { moreResponsesText } from './poll-text';
import { trendOf } from './trend';
import { usePollResults } from './use-feedback';

const useStyles = makeStyles({
  area: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  table: {
    borderCollapse: 'collapse',
    '& th, & td': {
      textAlign: 'start',
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
  caption: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold },
  meter: { width: '8rem' },
  comments: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  // Comments are people's words as typed: kept as text, line breaks kept.
  comment: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

const RATING_LABELS = ['1', '2', '3', '4', '5'];

/** The poll's results for its creator (and attendees when shared): aggregates only. */
export function PollResultsView({ poll }: { poll: PollView }) {
  const styles = useStyles();
  const m = useT().feedback.results;
  const results = usePollResults(poll, true);
  if (results.isPending) {
    return (
      <Skeleton aria-label={m.loading}>
        <SkeletonItem size={24} />
      </Skeleton>
    );
  }
  if (results.isError) {
    return (
      <ErrorState
        title={m.loadFailed}
        error={results.error}
        onRetry={() => void results.refetch()}
      />
    );
  }
  return (
    // A heading, not a landmark: a closed poll and a new one both have results on one page.
    <div className={styles.area}>
      <Subtitle2 as="h4">{m.title}</Subtitle2>
      <ResultsBody poll={poll} results={results.data} />
    </div>
  );
}

function ResultsBody({ poll, results }: { poll: PollView; results: PollResults }) {
  const t = useT();
  const m = t.feedback.results;
  if (results.state === 'waiting') {
    return (
      <>
        <Body1 as="p" role="status">
          {moreResponsesText(results.needed, t)} {m.soFar(results.responses)}
        </Body1>
        <TrendTable poll={poll} results={results} />
      </>
    );
  }
  const byId = new Map(poll.questions.map((q) => [q.id, q] as const));
  return (
    <>
      <Body1 as="p">{m.respondents(results.respondents, results.publishedAt)}</Body1>
      {results.unpublished > 0 ? (
        <Caption1 as="p">{m.unpublished(results.unpublished, poll.threshold)}</Caption1>
      ) : null}
      {results.questions.map((r) => {
        const q = byId.get(r.id);
        return q ? <QuestionResult key={r.id} question={q} result={r} poll={poll} /> : null;
      })}
      <TrendTable poll={poll} results={results} />
    </>
  );
}

/**
 * The series' trend: one row per pooled period, a mean per rating question, as numbers in a table
 * (a screen reader reads it by row and column; nothing is said by colour or length alone).
 */
function TrendTable({ poll, results }: { poll: PollView; results: PollResults }) {
  const styles = useStyles();
  const m = useT().feedback.results;
  const trend = trendOf(poll.questions, results.periods);
  if (!trend) return null;
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>{m.trendCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{m.period}</th>
          <th scope="col">{m.people}</th>
          {trend.columns.map((c) => (
            <th key={c.id} scope="col">
              {c.text}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {trend.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.period}</th>
            <td>{row.respondents}</td>
            {row.means.map((mean, i) => (
              <td key={trend.columns[i]?.id ?? i}>{mean}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function QuestionResult({
  question,
  result,
  poll,
}: {
  question: Question;
  result: QuestionResults;
  poll: PollView;
}) {
  const styles = useStyles();
  const m = useT().feedback.results;
  if (result.kind === 'text') {
    return (
      <div>
        <Body1 as="p">
          <strong>{question.text}</strong>
        </Body1>
        {result.comments === null ? (
          <Caption1 as="p">{m.commentsAt(commentThreshold(poll.threshold))}</Caption1>
        ) : result.comments.length === 0 ? (
          <Caption1 as="p">{m.noComments}</Caption1>
        ) : (
          <ul className={styles.comments}>
            {result.comments.map((c, i) => (
              <li key={i} className={styles.comment}>
                {c}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  const labels =
    result.kind === 'rating' ? RATING_LABELS : question.kind === 'choice' ? question.options : [];
  const counts = result.kind === 'rating' ? result.distribution : result.counts;
  const total = counts.reduce((a, b) => a + b, 0);
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>
        {question.text}
        {result.kind === 'rating' ? m.mean(result.mean.toFixed(1)) : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">{m.answer}</th>
          <th scope="col">{m.people}</th>
          <th scope="col">{m.share}</th>
        </tr>
      </thead>
      <tbody>
        {labels.map((label, i) => {
          const n = counts[i] ?? 0;
          const share = total === 0 ? 0 : Math.round((n / total) * 100);
          return (
            <tr key={i}>
              <th scope="row">{label}</th>
              <td>{n}</td>
              <td>
                {/* The meter repeats the number beside it; the number carries the meaning. */}
                <meter
                  className={styles.meter}
                  min={0}
                  max={100}
                  value={share}
                  aria-label={`${label}: ${m.percent(share)}`}
                />{' '}
                {m.percent(share)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
