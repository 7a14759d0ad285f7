import type { StoredPoll } from '../domain/feedback/schema';
import type { PollView } from '../domain/ports/feedback';

export type { PollView };

export function pollView(
  poll: StoredPoll,
  facts: { etag: string; responses: number; answered: boolean; closed: boolean; callerId: string },
): PollView {
  const isCreator = poll.creatorId === facts.callerId;
  const listed = poll.attendeeIds.includes(facts.callerId);
  return {
    id: poll.id,
    meetingKey: poll.meetingKey,
    ...(poll.seriesKey === undefined ? {} : { seriesKey: poll.seriesKey }),
    meetingTitle: poll.meetingTitle,
    creatorId: poll.creatorId,
    anonymous: poll.anonymous,
    shareResults: poll.shareResults,
    threshold: poll.threshold,
    questions: poll.questions,
    status: facts.closed ? 'closed' : 'open',
    closesAt: poll.closesAt,
    responses: facts.responses,
    answered: facts.answered,
    mayAnswer: listed && !facts.closed && !facts.answered,
    isCreator,
    etag: facts.etag,
  };
}

export const mayRead = (poll: StoredPoll, callerId: string): boolean =>
  poll.creatorId === callerId || poll.attendeeIds.includes(callerId);

export const mayReadResults = (poll: StoredPoll, callerId: string): boolean =>
  poll.creatorId === callerId || (poll.shareResults && poll.attendeeIds.includes(callerId));
