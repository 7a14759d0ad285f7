import { checkAnswers, type Question } from '../../domain/feedback/schema';
import { en, type Messages } from '../shared/i18n/en';

/** An attendee's answers as the form holds them: radio values are strings until sent. */
export type AnswerDraft = Record<string, string>;

/**
 * The form's answers as the relay takes them (numbers for ratings and choices, trimmed text),
 * checked with the relay's own rules so the person sees the same messages before sending.
 * Worked example: { valuable: '4', improve: ' shorter ' } → { valuable: 4, improve: 'shorter' }.
 * A rating or choice left unanswered is said in the catalog's language (`t`, English when left
 * out); the relay's rarer messages (a comment with control characters) stay English.
 */
export function answersOf(questions: readonly Question[], draft: AnswerDraft, t: Messages = en) {
  const raw: Record<string, unknown> = {};
  for (const q of questions) {
    const value = draft[q.id];
    if (value === undefined || value === '') continue;
    raw[q.id] = q.kind === 'text' ? value : Number(value);
  }
  const checked = checkAnswers(questions, raw);
  if (checked.ok) return checked;
  // An unanswered question has this one message from the relay's rules: said in the person's words.
  for (const q of questions) {
    if (q.kind !== 'text' && !(q.id in raw)) {
      checked.errors[`answers.${q.id}`] = [t.feedback.answer.needsAnswer(q.text)];
    }
  }
  return checked;
}
