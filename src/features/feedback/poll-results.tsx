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
import { moreResponsesText } from './poll-text';
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
  const results = usePollResults(poll, true);
  if (results.isPending) {
    return (
      <Skeleton aria-label="Loading the results">
        <SkeletonItem size={24} />
      </Skeleton>
    );
  }
  if (results.isError) {
    return (
      <ErrorState
        title="The results could not be loaded."
        error={results.error}
        onRetry={() => void results.refetch()}
      />
    );
  }
  return (
    // A heading, not a landmark: a closed poll and a new one both have results on one page.
    <div className={styles.area}>
      <Subtitle2 as="h4">Results</Subtitle2>
      <ResultsBody poll={poll} results={results.data} />
    </div>
  );
}

function ResultsBody({ poll, results }: { poll: PollView; results: PollResults }) {
  const styles = useStyles();
  if (results.state === 'waiting') {
    return (
      <Body1 as="p" role="status">
        {moreResponsesText(results.needed)} {results.responses} answered so far.
      </Body1>
    );
  }
  const byId = new Map(poll.questions.map((q) => [q.id, q] as const));
  return (
    <>
      <Body1 as="p">
        {results.respondents} people answered (results of {results.publishedAt}).
      </Body1>
      {results.unpublished > 0 ? (
        <Caption1 as="p">
          {results.unpublished} newer answers will be added once {poll.threshold} more have arrived,
          so no single answer can be picked out.
        </Caption1>
      ) : null}
      {results.questions.map((r) => {
        const q = byId.get(r.id);
        return q ? <QuestionResult key={r.id} question={q} result={r} poll={poll} /> : null;
      })}
      {results.periods && results.periods.length > 0 ? (
        <table className={styles.table}>
          <caption className={styles.caption}>Trend across the series</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">People</th>
              {poll.questions
                .filter((q) => q.kind === 'rating')
                .map((q) => (
                  <th key={q.id} scope="col">
                    {q.text}
                  </th>
                ))}
            </tr>
          </thead>
          <tbody>
            {results.periods.map((p) => (
              <tr key={`${p.from}-${p.to}`}>
                <th scope="row">
                  {p.from} – {p.to}
                </th>
                <td>{p.respondents}</td>
                {poll.questions
                  .filter((q) => q.kind === 'rating')
                  .map((q) => (
                    <td key={q.id}>{p.means[q.id]?.toFixed(1) ?? '—'}</td>
                  ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
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
  if (result.kind === 'text') {
    return (
      <div>
        <Body1 as="p">
          <strong>{question.text}</strong>
        </Body1>
        {result.comments === null ? (
          <Caption1 as="p">
            Comments show once at least {commentThreshold(poll.threshold)} people have answered.
          </Caption1>
        ) : result.comments.length === 0 ? (
          <Caption1 as="p">No comments.</Caption1>
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
        {result.kind === 'rating' ? ` — mean ${result.mean.toFixed(1)} of 5` : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">Answer</th>
          <th scope="col">People</th>
          <th scope="col">Share</th>
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
                  aria-label={`${label}: ${String(share)}%`}
                />{' '}
                {share}%
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
