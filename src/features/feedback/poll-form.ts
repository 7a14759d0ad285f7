import { initialQuestions } from '../../domain/feedback/questions';
import {
  FEEDBACK_LIMITS,
  pollDraftSchema,
  type PollDraft,
  type Question,
  type QuestionKind,
} from '../../domain/feedback/schema';
import type { MeetingRef } from '../../domain/meetings/meeting-ref';
import type { Attendee } from '../../domain/ports/expectations';

/**
 * The organizer's "Add feedback poll" form as plain data and functions, so its rules (limits,
 * who can vote, the threshold warning) are tested without rendering anything.
 */

const L = FEEDBACK_LIMITS;

export interface QuestionDraft {
  id: string;
  kind: QuestionKind;
  text: string;
  /** Choice questions only. */
  options: string[];
}

export interface PollForm {
  questions: QuestionDraft[];
  anonymous: boolean;
  shareResults: boolean;
}

const toDraftQuestion = (q: Question): QuestionDraft => ({
  id: q.id,
  kind: q.kind,
  text: q.text,
  options: q.kind === 'choice' ? [...q.options] : [],
});

/** The default questions plus "Did we meet: <metric>?" per success metric; anonymous, private. */
export function initialForm(successMetrics: readonly string[] = []): PollForm {
  return {
    questions: initialQuestions(successMetrics).map(toDraftQuestion),
    anonymous: true,
    shareResults: false,
  };
}

export const canAddQuestion = (form: PollForm): boolean => form.questions.length < L.questionsMax;

/** A new question at the end, with an id no other question of the form has. */
export function addQuestion(form: PollForm, kind: QuestionKind): PollForm {
  if (!canAddQuestion(form)) return form;
  const taken = new Set(form.questions.map((q) => q.id));
  let n = form.questions.length + 1;
  while (taken.has(`custom-${String(n)}`)) n += 1;
  const question: QuestionDraft = {
    id: `custom-${String(n)}`,
    kind,
    text: '',
    options: kind === 'choice' ? ['', ''] : [],
  };
  return { ...form, questions: [...form.questions, question] };
}

export const removeQuestion = (form: PollForm, id: string): PollForm => ({
  ...form,
  questions: form.questions.filter((q) => q.id !== id),
});

export const updateQuestion = (
  form: PollForm,
  id: string,
  change: Partial<Omit<QuestionDraft, 'id'>>,
): PollForm => ({
  ...form,
  questions: form.questions.map((q) => {
    if (q.id !== id) return q;
    const next = { ...q, ...change };
    // A question turned into a choice starts with two empty options to fill in.
    if (next.kind === 'choice' && next.options.length < L.choiceOptionsMin) {
      next.options = [...next.options, '', ''].slice(0, L.choiceOptionsMin);
    }
    return next;
  }),
});

/** Who can answer: people the directory knows. Guests without an account are named, not listed. */
export function votersOf(attendees: readonly Attendee[]): {
  voterIds: string[];
  cannotVote: Attendee[];
} {
  const voterIds = [...new Set(attendees.flatMap((a) => (a.id ? [a.id] : [])))];
  return { voterIds, cannotVote: attendees.filter((a) => !a.id) };
}

/**
 * The organizer's warning when k distinct people can never answer. Worked example: 3 voters, k 5:
 * "Results will never show: this meeting has 3 people who can answer, fewer than the 5 needed."
 * A series says so too, since pooling its meetings pools answers, not people (the relay never
 * forms a period from fewer than k attendees). `undefined` when k can be reached.
 */
export function unreachableThreshold(
  voters: number,
  k: number,
  of: 'meeting' | 'series' = 'meeting',
): string | undefined {
  if (voters >= k) return undefined;
  const people = voters === 1 ? '1 person who can' : `${String(voters)} people who can`;
  const pooled = of === 'series' ? ', and pooling its meetings does not change that' : '';
  return `Results will never show: this ${of} has ${people} answer, fewer than the ${String(k)} needed${pooled}. Answers stay private either way.`;
}

export type FormErrors = Record<string, string>;

const textLimit = (value: string, what: string, max: number): string | undefined => {
  const length = value.trim().length;
  if (length === 0) return `${what} can’t be empty.`;
  if (length > max) {
    return `${what} can be at most ${String(max)} characters (this one has ${String(length)}).`;
  }
  return undefined;
};

/** Field errors keyed `questions.<id>.text`, `questions.<id>.options.<i>`, or `questions`. */
export function validateForm(form: PollForm): FormErrors {
  const errors: FormErrors = {};
  if (form.questions.length === 0) errors.questions = 'A poll needs at least one question.';
  if (form.questions.length > L.questionsMax) {
    errors.questions = `A poll can have at most ${String(L.questionsMax)} questions.`;
  }
  for (const q of form.questions) {
    const text = textLimit(q.text, 'A question', L.questionTextMaxLength);
    if (text) errors[`questions.${q.id}.text`] = text;
    if (q.kind !== 'choice') continue;
    q.options.forEach((option, i) => {
      const problem = textLimit(option, 'An option', L.choiceOptionMaxLength);
      if (problem) errors[`questions.${q.id}.options.${String(i)}`] = problem;
    });
    if (q.options.length < L.choiceOptionsMin || q.options.length > L.choiceOptionsMax) {
      errors[`questions.${q.id}.options`] =
        `A choice question needs ${String(L.choiceOptionsMin)} to ${String(L.choiceOptionsMax)} options.`;
    }
  }
  return errors;
}

const toQuestion = (q: QuestionDraft): Question =>
  q.kind === 'choice'
    ? { id: q.id, kind: 'choice', text: q.text.trim(), options: q.options.map((o) => o.trim()) }
    : { id: q.id, kind: q.kind, text: q.text.trim() };

/**
 * The draft the relay receives, checked with the relay's own schema so the organizer sees the
 * same messages before sending. `pollId` is chosen once per form, so a retried create makes one poll.
 */
export function toPollDraft(
  form: PollForm,
  meeting: MeetingRef,
  attendees: readonly Attendee[],
  pollId: string,
): { ok: true; draft: PollDraft } | { ok: false; errors: FormErrors } {
  const errors = validateForm(form);
  const { voterIds } = votersOf(attendees);
  if (voterIds.length === 0) {
    errors.attendees =
      'Nobody on this meeting has an account Rapport can list, so nobody could answer.';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = pollDraftSchema.safeParse({
    id: pollId,
    meetingKey: meeting.iCalUId,
    ...(meeting.seriesKey ? { seriesKey: meeting.seriesKey } : {}),
    meetingTitle: meeting.subject.trim().slice(0, L.meetingTitleMaxLength) || 'Meeting',
    meetingEnd: new Date(meeting.end).toISOString(),
    anonymous: form.anonymous,
    shareResults: form.shareResults,
    questions: form.questions.map(toQuestion),
    attendeeIds: voterIds.slice(0, L.attendeesMax),
  });
  if (parsed.success) return { ok: true, draft: parsed.data };
  const out: FormErrors = {};
  for (const issue of parsed.error.issues) out[issue.path.join('.') || 'poll'] ??= issue.message;
  return { ok: false, errors: out };
}
