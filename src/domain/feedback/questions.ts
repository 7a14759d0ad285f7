import { FEEDBACK_LIMITS, type Question } from './schema';

/** The questions every new poll starts with (issue 5); the organizer may change them. */
export const DEFAULT_QUESTIONS: readonly Question[] = [
  { id: 'valuable', kind: 'rating', text: 'How valuable was this meeting?' },
  { id: 'expectations-clear', kind: 'rating', text: 'Were the expectations clear?' },
  { id: 'speak-up', kind: 'rating', text: 'Could you speak up?' },
  { id: 'improve', kind: 'text', text: 'One thing to improve' },
];

export const METRIC_ANSWER_OPTIONS = ['Yes', 'Partly', 'No'] as const;

const PREFIX = 'Did we meet: ';
const SUFFIX = '?';

/**
 * "Did we meet: <metric>?" for each of the meeting's success metrics, so the meeting is judged
 * against what it set out to do. A long metric is cut with an ellipsis to fit a question's limit.
 */
export function metricQuestions(successMetrics: readonly string[]): Question[] {
  const room = FEEDBACK_LIMITS.questionTextMaxLength - PREFIX.length - SUFFIX.length;
  return successMetrics
    .map((m) => m.trim())
    .filter((m) => m !== '')
    .map((metric, index) => ({
      id: `metric-${String(index + 1)}`,
      kind: 'choice' as const,
      text: `${PREFIX}${metric.length > room ? `${metric.slice(0, room - 1).trimEnd()}…` : metric}${SUFFIX}`,
      options: [...METRIC_ANSWER_OPTIONS],
    }));
}

/** The defaults plus one question per success metric, within the poll's question limit. */
export function initialQuestions(successMetrics: readonly string[] = []): Question[] {
  return [...DEFAULT_QUESTIONS, ...metricQuestions(successMetrics)].slice(
    0,
    FEEDBACK_LIMITS.questionsMax,
  );
}

const questionKey = (q: Question): string =>
  JSON.stringify([q.id, q.kind, q.text, q.kind === 'choice' ? q.options : []]);

/**
 * Whether two question lists ask the same, in the same order (ids, kinds, texts, options),
 * whatever order their objects' keys came in: a poll read back from the relay against an edit.
 */
export function sameQuestions(a: readonly Question[], b: readonly Question[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((q, i) => {
    const other = b[i];
    return other !== undefined && questionKey(q) === questionKey(other);
  });
}
