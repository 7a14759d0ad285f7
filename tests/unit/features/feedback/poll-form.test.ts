import { describe, expect, it } from 'vitest';
import { DEFAULT_QUESTIONS } from '../../../../src/domain/feedback/questions';
import { FEEDBACK_LIMITS } from '../../../../src/domain/feedback/schema';
import type { MeetingRef } from '../../../../src/domain/meetings/meeting-ref';
import type { Attendee } from '../../../../src/domain/ports/expectations';
import { instant } from '../../../../src/domain/time/instant';
import { answersOf } from '../../../../src/features/feedback/answer-draft';
import {
  addQuestion,
  initialForm,
  removeQuestion,
  toPollDraft,
  unreachableThreshold,
  updateQuestion,
  votersOf,
} from '../../../../src/features/feedback/poll-form';
import { moreResponsesText } from '../../../../src/features/feedback/poll-text';

const POLL_ID = '3b0f3f0e-8a2d-4c1b-9f6e-2d7c5a1b0e42';

const meeting: MeetingRef = {
  eventId: 'e1',
  iCalUId: 'ical-1',
  seriesKey: 'series-1',
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

describe('the poll form', () => {
  it('starts with the default questions, one per success metric, anonymous and private', () => {
    const form = initialForm(['Every decision has an owner']);
    expect(form.questions.map((q) => q.id)).toEqual([
      ...DEFAULT_QUESTIONS.map((q) => q.id),
      'metric-1',
    ]);
    expect(form.questions.at(-1)).toMatchObject({
      kind: 'choice',
      text: 'Did we meet: Every decision has an owner?',
      options: ['Yes', 'Partly', 'No'],
    });
    expect(form).toMatchObject({ anonymous: true, shareResults: false });
  });

  it('adds custom questions with fresh ids up to the limit of ten', () => {
    let form = initialForm();
    for (let i = 0; i < 20; i++) form = addQuestion(form, i % 2 ? 'choice' : 'text');
    expect(form.questions).toHaveLength(FEEDBACK_LIMITS.questionsMax);
    expect(new Set(form.questions.map((q) => q.id)).size).toBe(FEEDBACK_LIMITS.questionsMax);
    form = removeQuestion(form, 'custom-5');
    form = addQuestion(form, 'rating');
    expect(new Set(form.questions.map((q) => q.id)).size).toBe(FEEDBACK_LIMITS.questionsMax);
  });

  it('gives a question turned into a choice two options to fill in', () => {
    const form = updateQuestion(initialForm(), 'improve', { kind: 'choice' });
    expect(form.questions.find((q) => q.id === 'improve')?.options).toEqual(['', '']);
  });

  it('names empty and overlong fields', () => {
    let form = addQuestion(initialForm(), 'choice');
    form = updateQuestion(form, 'valuable', { text: 'x'.repeat(201) });
    const result = toPollDraft(form, meeting, attendees, POLL_ID);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors['questions.valuable.text']).toBe(
      'A question can be at most 200 characters (this one has 201).',
    );
    expect(result.errors['questions.custom-5.text']).toBe('A question can’t be empty.');
    expect(result.errors['questions.custom-5.options.0']).toBe('An option can’t be empty.');
  });

  it('lists people with an account as voters and guests as unable to vote', () => {
    const { voterIds, cannotVote } = votersOf(attendees);
    expect(voterIds).toEqual(['g', 'a', 'b']);
    expect(cannotVote.map((a) => a.name)).toEqual(['Guest']);
    const result = toPollDraft(initialForm(), meeting, attendees, POLL_ID);
    expect(result.ok && result.draft).toMatchObject({
      id: POLL_ID,
      meetingKey: 'ical-1',
      seriesKey: 'series-1',
      meetingTitle: 'Sprint planning',
      meetingEnd: '2026-03-13T11:00:00.000Z',
      anonymous: true,
      attendeeIds: ['g', 'a', 'b'],
    });
  });

  it('refuses a poll nobody could answer', () => {
    const result = toPollDraft(initialForm(), meeting, [person('Guest')], POLL_ID);
    expect(result.ok).toBe(false);
  });

  it('tells the organizer when results can never show, for a meeting or a series', () => {
    expect(unreachableThreshold(3, 5)).toBe(
      'Results will never show: this meeting has 3 people who can answer, fewer than the 5 needed. Answers stay private either way.',
    );
    expect(unreachableThreshold(1, 5)).toMatch(/this meeting has 1 person who can answer,/);
    // Pooling a series' meetings pools answers, not people: a small series never shows either.
    expect(unreachableThreshold(4, 5, 'series')).toBe(
      'Results will never show: this series has 4 people who can answer, fewer than the 5 needed, and pooling its meetings does not change that. Answers stay private either way.',
    );
    expect(unreachableThreshold(5, 5)).toBeUndefined();
    expect(unreachableThreshold(5, 5, 'series')).toBeUndefined();
  });

  it('counts down to the threshold in words', () => {
    expect(moreResponsesText(1)).toBe('Results appear after 1 more response.');
    expect(moreResponsesText(3)).toBe('Results appear after 3 more responses.');
  });
});

describe('answers', () => {
  const questions = initialForm(['Ship it']).questions.map((q) =>
    q.kind === 'choice'
      ? { id: q.id, kind: 'choice' as const, text: q.text, options: q.options }
      : { id: q.id, kind: q.kind, text: q.text },
  );

  it('turns the form into the relay’s answers', () => {
    const result = answersOf(questions, {
      valuable: '4',
      'expectations-clear': '5',
      'speak-up': '3',
      'metric-1': '0',
      improve: '  <script>alert(1)</script> ',
    });
    expect(result).toEqual({
      ok: true,
      answers: {
        valuable: 4,
        'expectations-clear': 5,
        'speak-up': 3,
        'metric-1': 0,
        improve: '<script>alert(1)</script>',
      },
    });
  });

  it('asks for every rating and choice, leaves comments optional', () => {
    const result = answersOf(questions, { valuable: '4' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual([
      'answers.expectations-clear',
      'answers.metric-1',
      'answers.speak-up',
    ]);
  });
});
