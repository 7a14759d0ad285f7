import { describe, expect, it } from 'vitest';
import { aggregate } from '../../../../src/domain/feedback/aggregate';
import { closesAt, dayOf, isClosed } from '../../../../src/domain/feedback/lifecycle';
import { poolPeriods } from '../../../../src/domain/feedback/periods';
import {
  DEFAULT_QUESTIONS,
  initialQuestions,
  metricQuestions,
} from '../../../../src/domain/feedback/questions';
import { shouldPublish } from '../../../../src/domain/feedback/republish';
import {
  checkAnswers,
  FEEDBACK_LIMITS,
  pollDraftSchema,
  type Question,
} from '../../../../src/domain/feedback/schema';
import { resolveThreshold } from '../../../../src/domain/feedback/threshold';
import { fieldErrors } from '../../../../src/domain/expectations/schema';
import { seededRandom } from '../../../../src/domain/random';
import { instant } from '../../../../src/domain/time/instant';

const draft = {
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  meetingKey: 'meeting-1',
  meetingTitle: 'Weekly sync',
  meetingEnd: '2026-03-11T16:00:00Z',
  anonymous: true,
  shareResults: false,
  questions: DEFAULT_QUESTIONS,
  attendeeIds: ['a', 'b', 'c'],
};

describe('questions', () => {
  it('starts with the four default questions and adds one per success metric', () => {
    const qs = initialQuestions(['Ship the beta', '  ']);
    expect(qs.map((q) => q.id)).toEqual([
      'valuable',
      'expectations-clear',
      'speak-up',
      'improve',
      'metric-1',
    ]);
    expect(qs[4]).toMatchObject({ kind: 'choice', text: 'Did we meet: Ship the beta?' });
  });

  it('cuts a long metric so the question stays within its limit', () => {
    const [q] = metricQuestions(['x'.repeat(200)]);
    expect(q?.text.length).toBeLessThanOrEqual(FEEDBACK_LIMITS.questionTextMaxLength);
    expect(q?.text.endsWith('…?')).toBe(true);
    expect(pollDraftSchema.safeParse({ ...draft, questions: [q] }).success).toBe(true);
  });

  it('never goes over ten questions', () => {
    expect(initialQuestions(Array.from({ length: 8 }, (_, i) => `m${String(i)}`))).toHaveLength(10);
  });
});

describe('poll drafts', () => {
  it('accepts the defaults', () => {
    expect(pollDraftSchema.safeParse(draft).success).toBe(true);
  });

  it('names the field in its messages', () => {
    const parsed = pollDraftSchema.safeParse({
      ...draft,
      questions: [{ id: 'q', kind: 'rating', text: 'x'.repeat(201) }],
      attendeeIds: [],
    });
    expect(parsed.success).toBe(false);
    const errors = parsed.success ? {} : fieldErrors(parsed.error);
    expect(errors['questions.0.text']?.[0]).toMatch(/A question can be at most 200 characters/);
    expect(errors.attendeeIds?.[0]).toMatch(/at least one attendee/);
  });

  it('refuses more than ten questions, duplicate ids and choice questions with one option', () => {
    const many = Array.from({ length: 11 }, (_, i) => ({
      id: `q${String(i)}`,
      kind: 'rating',
      text: 'Q',
    }));
    expect(pollDraftSchema.safeParse({ ...draft, questions: many }).success).toBe(false);
    const twins = [DEFAULT_QUESTIONS[0], DEFAULT_QUESTIONS[0]];
    expect(pollDraftSchema.safeParse({ ...draft, questions: twins }).success).toBe(false);
    const lonely = [{ id: 'c', kind: 'choice', text: 'Pick', options: ['only'] }];
    expect(pollDraftSchema.safeParse({ ...draft, questions: lonely }).success).toBe(false);
  });
});

describe('answers', () => {
  const qs: Question[] = [
    { id: 'r', kind: 'rating', text: 'Rate' },
    { id: 'c', kind: 'choice', text: 'Pick', options: ['a', 'b'] },
    { id: 't', kind: 'text', text: 'Say' },
  ];

  it('keeps valid answers, trims comments and drops empty ones', () => {
    expect(checkAnswers(qs, { r: 5, c: 1, t: '  ' })).toEqual({
      ok: true,
      answers: { r: 5, c: 1 },
    });
    expect(checkAnswers(qs, { r: 1, c: 0, t: ' <b>hi</b>\nthere ' })).toEqual({
      ok: true,
      answers: { r: 1, c: 0, t: '<b>hi</b>\nthere' },
    });
  });

  it('refuses missing, out-of-range, unknown and oversized answers, naming each', () => {
    const result = checkAnswers(qs, { r: 6, x: 1, t: 'y'.repeat(1001) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual([
      'answers.c',
      'answers.r',
      'answers.t',
      'answers.x',
    ]);
    expect(result.errors['answers.r']?.[0]).toMatch(/whole number from 1 to 5/);
    expect(result.errors['answers.t']?.[0]).toMatch(/at most 1000 characters/);
  });
});

describe('threshold', () => {
  it('defaults to 5 and refuses anything below the floor of 3', () => {
    expect(resolveThreshold(undefined)).toEqual({ ok: true, k: 5 });
    expect(resolveThreshold(3)).toEqual({ ok: true, k: 3 });
    expect(resolveThreshold(2)).toMatchObject({ ok: false });
  });
});

describe('lifecycle', () => {
  it('closes seven days after the meeting ends, by the given clock', () => {
    const at = closesAt('2026-03-11T16:00:00Z');
    expect(at).toBe('2026-03-18T16:00:00.000Z');
    expect(isClosed({ status: 'open', closesAt: at }, instant(Date.parse(at) - 1))).toBe(false);
    expect(isClosed({ status: 'open', closesAt: at }, instant(Date.parse(at)))).toBe(true);
    expect(isClosed({ status: 'closed', closesAt: at }, instant(0))).toBe(true);
    expect(dayOf(instant(Date.parse('2026-03-11T23:59:59Z')))).toBe('2026-03-11');
  });
});

describe('aggregation', () => {
  const qs: Question[] = [
    { id: 'r', kind: 'rating', text: 'Rate' },
    { id: 't', kind: 'text', text: 'Say' },
  ];
  const five = [1, 2, 3, 4, 5].map((r) => ({ r, t: `comment ${String(r)}` }));

  it('shows distribution and mean at k, comments only at k + 2, in a seeded order', () => {
    expect(aggregate(qs, five.slice(0, 4), 5, seededRandom(1))).toBeUndefined();
    expect(aggregate(qs, five, 5, seededRandom(1))).toEqual({
      respondents: 5,
      questions: [
        { id: 'r', kind: 'rating', distribution: [1, 1, 1, 1, 1], mean: 3 },
        { id: 't', kind: 'text', comments: null },
      ],
    });
    const seven = [...five, { r: 5, t: 'six' }, { r: 5, t: 'seven' }];
    const a = aggregate(qs, seven, 5, seededRandom(7));
    const b = aggregate(qs, seven, 5, seededRandom(7));
    expect(a).toEqual(b);
    const comments = a?.questions[1]?.kind === 'text' ? a.questions[1].comments : null;
    expect([...(comments ?? [])].sort()).toEqual(seven.map((s) => s.t).sort());
  });
});

describe('republishing', () => {
  it('publishes first at k, then only after k new answers, and closing changes nothing', () => {
    expect(shouldPublish({ responses: 4, k: 5 })).toBe(false);
    expect(shouldPublish({ responses: 5, k: 5 })).toBe(true);
    expect(shouldPublish({ responses: 9, lastPublished: 5, k: 5 })).toBe(false);
    expect(shouldPublish({ responses: 9, lastPublished: 5, k: 5, closing: true })).toBe(false);
    expect(shouldPublish({ responses: 10, lastPublished: 5, k: 5 })).toBe(true);
    expect(shouldPublish({ responses: 5, k: 5, closing: true })).toBe(true);
  });
});

describe('periods', () => {
  it('pools small occurrences and folds a short remainder into the last period', () => {
    const occ = [2, 2, 2, 5, 1].map((respondents, i) => ({ i, respondents }));
    expect(poolPeriods(occ, 5).map((p) => p.map((o) => o.i))).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
    expect(poolPeriods([{ respondents: 4 }], 5)).toEqual([]);
  });

  it('never forms a period from fewer than k distinct attendees, however many answers', () => {
    // A series of four people who all answer every time: answers pile up, people do not.
    const small = Array.from({ length: 6 }, (_, i) => ({
      i,
      respondents: 4,
      attendeeIds: ['a', 'b', 'c', 'd'],
    }));
    expect(poolPeriods(small, 5)).toEqual([]);
    expect(poolPeriods(small, 5, { remainder: 'hold' })).toEqual([]);
    // A period waits for k answers and k people: the fifth person joins at the third occurrence.
    const growing = [
      { i: 0, respondents: 3, attendeeIds: ['a', 'b', 'c'] },
      { i: 1, respondents: 3, attendeeIds: ['a', 'b', 'c', 'd'] },
      { i: 2, respondents: 1, attendeeIds: ['a', 'e'] },
      { i: 3, respondents: 5, attendeeIds: ['a', 'b', 'c', 'd', 'e'] },
    ];
    expect(poolPeriods(growing, 5, { remainder: 'hold' }).map((p) => p.map((o) => o.i))).toEqual([
      [0, 1, 2],
      [3],
    ]);
  });
});
