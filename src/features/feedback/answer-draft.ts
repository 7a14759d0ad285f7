import { checkAnswers, type Question } from '../../domain/feedback/schema';

/** An attendee's answers as the form holds them: radio values are strings until sent. */
export type AnswerDraft = Record<string, string>;

/**
 * The form's answers as the relay takes them (numbers for ratings and choices, trimmed text),
 * checked with the relay's own rules so the person sees the same messages before sending.
 * Worked example: { valuable: '4', improve: ' shorter ' } → { valuable: 4, improve: 'shorter' }.
 */
export function answersOf(questions: readonly Question[], draft: AnswerDraft) {
  const raw: Record<string, unknown> = {};
  for (const q of questions) {
    const value = draft[q.id];
    if (value === undefined || value === '') continue;
    raw[q.id] = q.kind === 'text' ? value : Number(value);
  }
  return checkAnswers(questions, raw);
}
