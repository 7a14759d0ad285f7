import { describe, expect, it } from 'vitest';
import { initialQuestions, sameQuestions } from '../../../../src/domain/feedback/questions';
import type { MeetingRef } from '../../../../src/domain/meetings/meeting-ref';
import type { Attendee } from '../../../../src/domain/ports/expectations';
import type { PollView } from '../../../../src/domain/ports/feedback';
import { instant } from '../../../../src/domain/time/instant';
import { en } from '../../../../src/features/shared/i18n/en';
import {
  addQuestion,
  editLockedText,
  formOfPoll,
  initialForm,
  mayEdit,
  pollChanges,
  removeQuestion,
  toPollDraft,
  updateQuestion,
  type PollForm,
} from '../../../../src/features/feedback/poll-form';

/** "Edit poll": the form read from an existing poll, and what a save sends back to the relay. */

const POLL_ID = '3b0f3f0e-8a2d-4c1b-9f6e-2d7c5a1b0e42';

const meeting: MeetingRef = {
  eventId: 'e1',
  iCalUId: 'ical-1',
  subject: 'Sprint planning',
  start: instant(Date.parse('2026-03-13T10:00:00Z')),
  end: instant(Date.parse('2026-03-13T11:00:00Z')),
  isOrganizer: true,
  organizer: { name: 'Grace', address: 'grace@x' },
};

const person = (name: string, id?: string): Attendee => ({
  ...(id ? { id } : {}),
  name,
  mail: `${name.toLowerCase()}@x`,
  isOrganizer: false,
});

const attendees = [person('Grace', 'g'), person('Ana', 'a'), person('Guest'), person('Ben', 'b')];

/** A poll as its creator's list shows it, added with one success metric and nobody answered. */
const pollView = (over: Partial<PollView> = {}): PollView => ({
  id: POLL_ID,
  meetingKey: 'ical-1',
  meetingTitle: 'Sprint planning',
  creatorId: 'g',
  anonymous: true,
  shareResults: false,
  threshold: 5,
  questions: initialQuestions(['Every decision has an owner']),
  status: 'open',
  closesAt: '2026-03-20T11:00:00.000Z',
  responses: 0,
  answered: false,
  mayAnswer: true,
  isCreator: true,
  etag: '"1"',
  ...over,
});

const draftOf = (form: PollForm) => {
  const result = toPollDraft(form, meeting, attendees, POLL_ID);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.draft;
};

describe('editing a poll', () => {
  it('starts from the poll: its questions with the metric ones, anonymity, sharing, threshold', () => {
    const poll = pollView({ anonymous: false, shareResults: true, threshold: 7 });
    const form = formOfPoll(poll);
    expect(form).toEqual({
      questions: [
        ...initialForm(['Every decision has an owner']).questions.slice(0, 4),
        {
          id: 'metric-1',
          kind: 'choice',
          text: 'Did we meet: Every decision has an owner?',
          options: ['Yes', 'Partly', 'No'],
        },
      ],
      anonymous: false,
      shareResults: true,
      threshold: 7,
    });
    // A form of its own: editing it leaves the poll as it was read.
    const first = form.questions[4];
    first?.options.push('Maybe');
    expect(poll.questions[4]).toMatchObject({ options: ['Yes', 'Partly', 'No'] });
  });

  it('sends only what changed, and the people who can answer as the event lists them now', () => {
    const poll = pollView();
    const unchanged = pollChanges(poll, draftOf(formOfPoll(poll)));
    expect(unchanged).toEqual({ attendeeIds: ['g', 'a', 'b'] });

    let form = addQuestion(formOfPoll(poll), 'text');
    form = updateQuestion(form, 'custom-6', { text: '  What should we keep doing? ' });
    const added = pollChanges(poll, draftOf(form));
    expect(Object.keys(added).sort()).toEqual(['attendeeIds', 'questions']);
    expect(added.questions?.map((q) => q.id)).toEqual([
      'valuable',
      'expectations-clear',
      'speak-up',
      'improve',
      'metric-1',
      'custom-6',
    ]);
    expect(added.questions?.at(-1)).toEqual({
      id: 'custom-6',
      kind: 'text',
      text: 'What should we keep doing?',
    });

    const named = pollChanges(poll, draftOf({ ...formOfPoll(poll), anonymous: false }));
    expect(named).toEqual({ anonymous: false, attendeeIds: ['g', 'a', 'b'] });
    const shared = pollChanges(poll, draftOf({ ...formOfPoll(poll), shareResults: true }));
    expect(shared).toEqual({ shareResults: true, attendeeIds: ['g', 'a', 'b'] });
    const stricter = pollChanges(poll, draftOf({ ...formOfPoll(poll), threshold: 6 }));
    expect(stricter).toEqual({ threshold: 6, attendeeIds: ['g', 'a', 'b'] });
  });

  it('sends the whole list when a question is reworded, removed or reordered', () => {
    const poll = pollView();
    const reworded = updateQuestion(formOfPoll(poll), 'speak-up', { text: 'Were you heard?' });
    expect(pollChanges(poll, draftOf(reworded)).questions?.[2]).toEqual({
      id: 'speak-up',
      kind: 'rating',
      text: 'Were you heard?',
    });
    const removed = removeQuestion(formOfPoll(poll), 'metric-1');
    expect(pollChanges(poll, draftOf(removed)).questions).toHaveLength(4);
    const form = formOfPoll(poll);
    const reordered = { ...form, questions: [...form.questions].reverse() };
    expect(pollChanges(poll, draftOf(reordered)).questions?.[0]?.id).toBe('metric-1');
  });

  it('compares questions by what they ask, not by how their objects were written', () => {
    const a = initialQuestions(['Ship it']);
    const b = a.map((q) =>
      q.kind === 'choice'
        ? { options: [...q.options], text: q.text, kind: q.kind, id: q.id }
        : { text: q.text, kind: q.kind, id: q.id },
    );
    expect(sameQuestions(a, b)).toBe(true);
    expect(sameQuestions(a, b.slice(1))).toBe(false);
    const otherOptions = b.map((q) => (q.kind === 'choice' ? { ...q, options: ['Yes', 'No'] } : q));
    expect(sameQuestions(a, otherOptions)).toBe(false);
  });

  it('is offered to the creator of an open poll until the first answer', () => {
    expect(mayEdit(pollView())).toBe(true);
    expect(mayEdit(pollView({ responses: 1 }))).toBe(false);
    expect(mayEdit(pollView({ status: 'closed' }))).toBe(false);
    expect(mayEdit(pollView({ isCreator: false }))).toBe(false);
  });

  it('says why an open editor can no longer save', () => {
    expect(editLockedText(pollView())).toBeUndefined();
    expect(editLockedText(pollView({ responses: 1 }))).toBe(en.feedback.form.answeredLock);
    expect(en.feedback.form.answeredLock).toMatch(
      /^Someone has already answered, so this poll can no longer change/,
    );
    expect(editLockedText(pollView({ status: 'closed' }))).toMatch(/closed/);
  });
});
