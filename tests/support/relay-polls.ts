import { randomUUID } from 'node:crypto';
import { DEFAULT_QUESTIONS } from '../../src/domain/feedback/questions';
import { PEOPLE } from '../../src/local/tenant/seed/directory';
import type { TestRelay } from './use-test-relay';

/** A demo person's id by position (0 = Ana, the organizer in these tests). */
export const personId = (i: number): string => {
  const p = PEOPLE[i];
  if (!p) throw new Error(`No demo person ${String(i)}`);
  return p.id;
};

/** A poll draft for a meeting that ended an hour before the tests' "now", with attendees 0..n-1. */
export const pollDraft = (overrides: Record<string, unknown> = {}, attendees = 8) => ({
  id: randomUUID(),
  meetingKey: `meeting-${randomUUID()}`,
  meetingTitle: 'Weekly sync',
  meetingEnd: '2026-03-11T14:00:00Z',
  anonymous: true,
  shareResults: false,
  questions: [...DEFAULT_QUESTIONS],
  attendeeIds: Array.from({ length: attendees }, (_, i) => personId(i)),
  ...overrides,
});

/** Answers for the default questions. */
export const defaultAnswers = (rating: number, comment?: string) => ({
  valuable: rating,
  'expectations-clear': rating,
  'speak-up': rating,
  ...(comment === undefined ? {} : { improve: comment }),
});

export async function createPoll(
  t: TestRelay,
  overrides: Record<string, unknown> = {},
  attendees = 8,
) {
  const draft = pollDraft(overrides, attendees);
  const res = await t.call(personId(0), 'POST', '/api/polls', draft);
  if (res.status !== 201)
    throw new Error(`create poll: ${String(res.status)} ${JSON.stringify(res.body)}`);
  return { draft, view: res.body };
}

export const vote = (
  t: TestRelay,
  voter: string,
  pollId: string,
  answers: unknown,
  submissionId = randomUUID(),
) => t.call(voter, 'POST', `/api/polls/${pollId}/answers`, { submissionId, answers });
