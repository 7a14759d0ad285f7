import { initialQuestions, sameQuestions } from '../../domain/feedback/questions';
import {
  FEEDBACK_LIMITS,
  pollDraftSchema,
  type PollDraft,
  type Question,
  type QuestionKind,
} from '../../domain/feedback/schema';
import type { MeetingRef } from '../../domain/meetings/meeting-ref';
import type { Attendee } from '../../domain/ports/expectations';
import type { PollChanges, PollView } from '../../domain/ports/feedback';
import { en, type Messages } from '../shared/i18n/en';
import { localizeIssue } from '../shared/validation/localize-issue';

/**
 * The organizer's "Add feedback poll" form as plain data and functions, so its rules (limits,
 * who can vote, the threshold warning) are tested without rendering anything. What they say is
 * in the catalog's language (`t`, English when left out).
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
  /** An existing poll's threshold, kept as it is; a new poll takes the tenant's default. */
  threshold?: number;
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

/**
 * The editor's form for an existing poll: its own questions in its order (the "Did we meet: …?"
 * ones it was given included, under their ids), its anonymity, sharing and threshold. The people
 * who can answer are not part of the form: they are read from the event again, as when adding.
 */
export function formOfPoll(poll: PollView): PollForm {
  return {
    questions: poll.questions.map(toDraftQuestion),
    anonymous: poll.anonymous,
    shareResults: poll.shareResults,
    threshold: poll.threshold,
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
  t: Messages = en,
): string | undefined {
  if (voters >= k) return undefined;
  return t.feedback.form.unreachable(voters, k, of === 'series');
}

export type FormErrors = Record<string, string>;

const textLimit = (
  value: string,
  max: number,
  empty: string,
  tooLong: (max: number, length: number) => string,
): string | undefined => {
  const length = value.trim().length;
  if (length === 0) return empty;
  if (length > max) return tooLong(max, length);
  return undefined;
};

/** Field errors keyed `questions.<id>.text`, `questions.<id>.options.<i>`, or `questions`. */
export function validateForm(form: PollForm, t: Messages = en): FormErrors {
  const m = t.feedback.form;
  const errors: FormErrors = {};
  if (form.questions.length === 0) errors.questions = m.needsQuestion;
  if (form.questions.length > L.questionsMax) {
    errors.questions = t.feedback.editor.questionsFull(L.questionsMax);
  }
  for (const q of form.questions) {
    const text = textLimit(q.text, L.questionTextMaxLength, m.questionEmpty, m.questionTooLong);
    if (text) errors[`questions.${q.id}.text`] = text;
    if (q.kind !== 'choice') continue;
    q.options.forEach((option, i) => {
      const problem = textLimit(option, L.choiceOptionMaxLength, m.optionEmpty, m.optionTooLong);
      if (problem) errors[`questions.${q.id}.options.${String(i)}`] = problem;
    });
    if (q.options.length < L.choiceOptionsMin || q.options.length > L.choiceOptionsMax) {
      errors[`questions.${q.id}.options`] = m.choiceOptions(L.choiceOptionsMin, L.choiceOptionsMax);
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
 * The form's own messages and the relay schema's (for what the form's checks let through) are in
 * the catalog's language. The stored title falls back to "Meeting", as the relay's data.
 */
export function toPollDraft(
  form: PollForm,
  meeting: MeetingRef,
  attendees: readonly Attendee[],
  pollId: string,
  t: Messages = en,
): { ok: true; draft: PollDraft } | { ok: false; errors: FormErrors } {
  const errors = validateForm(form, t);
  const { voterIds } = votersOf(attendees);
  if (voterIds.length === 0) errors.attendees = t.feedback.form.nobodyCanAnswer;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const parsed = pollDraftSchema.safeParse(
    {
      id: pollId,
      meetingKey: meeting.iCalUId,
      ...(meeting.seriesKey ? { seriesKey: meeting.seriesKey } : {}),
      meetingTitle: meeting.subject.trim().slice(0, L.meetingTitleMaxLength) || 'Meeting',
      meetingEnd: new Date(meeting.end).toISOString(),
      anonymous: form.anonymous,
      shareResults: form.shareResults,
      ...(form.threshold === undefined ? {} : { threshold: form.threshold }),
      questions: form.questions.map(toQuestion),
      attendeeIds: voterIds.slice(0, L.attendeesMax),
    },
    { reportInput: true },
  );
  if (parsed.success) return { ok: true, draft: parsed.data };
  const out: FormErrors = {};
  for (const issue of parsed.error.issues) {
    out[issue.path.join('.') || 'poll'] ??= localizeIssue(issue, 'poll', t);
  }
  return { ok: false, errors: out };
}

/**
 * What an edit sends: each field that differs from the poll as it was read, and always the people
 * who can answer, read from the event again (the poll's view never carries its list, and the
 * event may have changed). Worked example: a poll whose only edit is a new free-text question
 * sends `{ questions: [...all of them], attendeeIds }`, not its unchanged anonymity or threshold.
 */
export function pollChanges(poll: PollView, draft: PollDraft): PollChanges {
  return {
    ...(sameQuestions(draft.questions, poll.questions) ? {} : { questions: draft.questions }),
    ...(draft.anonymous === poll.anonymous ? {} : { anonymous: draft.anonymous }),
    ...(draft.shareResults === poll.shareResults ? {} : { shareResults: draft.shareResults }),
    ...(draft.threshold === undefined || draft.threshold === poll.threshold
      ? {}
      : { threshold: draft.threshold }),
    attendeeIds: draft.attendeeIds,
  };
}

/** Whether its creator is offered "Edit poll": an open poll nobody has answered yet. */
export const mayEdit = (poll: Pick<PollView, 'isCreator' | 'responses' | 'status'>): boolean =>
  poll.isCreator && poll.status === 'open' && poll.responses === 0;

/**
 * Why an open poll can no longer be edited, or `undefined` while nobody has answered: people
 * answered the questions they were shown, on the understanding they had (anonymous or named).
 */
export function editLockedText(
  poll: Pick<PollView, 'responses' | 'status'>,
  t: Messages = en,
): string | undefined {
  if (poll.status === 'closed') return t.feedback.form.closedLock;
  if (poll.responses > 0) return t.feedback.form.answeredLock;
  return undefined;
}
