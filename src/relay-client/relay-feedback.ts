import { sameQuestions } from '../domain/feedback/questions';
import type { RecentMeeting } from '../domain/meetings/meeting';
import { FEEDBACK_LIMITS, type PollDraft } from '../domain/feedback/schema';
import {
  isFeedbackError,
  type FeedbackService,
  type PollChanges,
  type PollView,
  type WaitingPoll,
} from '../domain/ports/feedback';
import { relayHttp, type RelayHttpOptions } from './relay-http';
import {
  answerReceiptSchema,
  pollListSchema,
  pollViewSchema,
  resultsSchema,
} from './relay-schemas';

export interface RelayFeedbackOptions extends RelayHttpOptions {
  /** A person's directory id by mail address, when the directory knows them. */
  idOfPerson?: (address: string) => Promise<string | undefined>;
}

const pollPath = (id: string) => `/api/polls/${encodeURIComponent(id)}`;

/**
 * Whether a poll already shows these changes (the attendee list aside, which a poll's view never
 * carries): how a change whose first send took effect is recognised when its resend meets a 412.
 */
export function showsChanges(poll: PollView, changes: PollChanges): boolean {
  return (
    (changes.questions === undefined || sameQuestions(changes.questions, poll.questions)) &&
    (changes.anonymous === undefined || changes.anonymous === poll.anonymous) &&
    (changes.shareResults === undefined || changes.shareResults === poll.shareResults) &&
    (changes.threshold === undefined || changes.threshold === poll.threshold)
  );
}

/** Rapport's feedback polls over the relay's HTTP API (docs/relay-api.md). */
export function relayFeedback(options: RelayFeedbackOptions): FeedbackService {
  const http = relayHttp(options);

  const poll = async (pollId: string): Promise<PollView> =>
    (
      await http.send({
        method: 'GET',
        path: pollPath(pollId),
        schema: pollViewSchema,
        forbidden: 'notListed',
      })
    ).data;

  const pollsFor = async (meetingKeys: readonly string[]): Promise<PollView[]> => {
    const unique = [...new Set(meetingKeys)];
    if (unique.length === 0) return [];
    // The relay takes 50 keys a query; Home's week stays within one.
    const chunks: string[][] = [];
    for (let i = 0; i < unique.length; i += FEEDBACK_LIMITS.queryMeetingKeysMax) {
      chunks.push(unique.slice(i, i + FEEDBACK_LIMITS.queryMeetingKeysMax));
    }
    const answers = await Promise.all(
      chunks.map((keys) =>
        http.send({
          method: 'POST',
          path: '/api/polls/query',
          body: { meetingKeys: keys },
          schema: pollListSchema,
          forbidden: 'notListed',
        }),
      ),
    );
    return answers.flatMap((a) => a.data.polls);
  };

  const waiting = async (meetings: readonly RecentMeeting[]): Promise<WaitingPoll[]> => {
    if (meetings.length === 0) return [];
    const byKey = new Map(meetings.map((m) => [m.meetingKey, m] as const));
    const polls = await pollsFor([...byKey.keys()]);
    return polls.flatMap((p) => {
      const meeting = byKey.get(p.meetingKey);
      return meeting && p.mayAnswer
        ? [
            {
              poll: p,
              meetingSubject: meeting.subject,
              meetingEnd: meeting.end,
              organizer: meeting.organizer,
            },
          ]
        : [];
    });
  };

  return {
    poll,
    pollsFor,

    async create(draft: PollDraft) {
      const answer = await http.send({
        method: 'POST',
        path: '/api/polls',
        body: draft,
        schema: pollViewSchema,
        forbidden: 'cannotAddPoll',
      });
      return answer.data;
    },

    // A resend of the same submission after a lost answer comes back 201 (the relay knows the
    // submission by its tag), so "already answered" always means another submission holds this
    // person's vote, even on a resend: a second answer, said as such, never taken as this one.
    async answer(pollId, submissionId, answers) {
      const answer = await http.send({
        method: 'POST',
        path: `${pollPath(pollId)}/answers`,
        body: { submissionId, answers },
        schema: answerReceiptSchema,
        forbidden: 'notListed',
      });
      return answer.data;
    },

    async results(pollId) {
      return (
        await http.send({
          method: 'GET',
          path: `${pollPath(pollId)}/results`,
          schema: resultsSchema,
          forbidden: 'notShared',
        })
      ).data;
    },

    async close(current) {
      try {
        return (
          await http.send({
            method: 'PATCH',
            path: pollPath(current.id),
            body: { status: 'closed' },
            headers: { 'If-Match': current.etag },
            schema: pollViewSchema,
            forbidden: 'notCreator',
          })
        ).data;
      } catch (err) {
        // A close whose first send took effect comes back 412 on the resend: read where it stands.
        if (isFeedbackError(err, 'conflict')) {
          const now = await poll(current.id);
          if (now.status === 'closed') return now;
        }
        throw err;
      }
    },

    // One PATCH conditional on the etag the creator saw. A resend whose first send took effect
    // meets a 412: when the poll now shows the changes, that was this change, not someone else's.
    async update(current, changes) {
      try {
        return (
          await http.send({
            method: 'PATCH',
            path: pollPath(current.id),
            body: changes,
            headers: { 'If-Match': current.etag },
            schema: pollViewSchema,
            forbidden: 'notCreator',
          })
        ).data;
      } catch (err) {
        if (isFeedbackError(err, 'conflict') && err.status === 412) {
          const now = await poll(current.id);
          if (showsChanges(now, changes)) return now;
        }
        throw err;
      }
    },

    waiting,

    async isOrganizersPoll(item) {
      if (item.organizer.isMe) return item.poll.isCreator;
      if (!options.idOfPerson || item.organizer.address === '') return false;
      return (await options.idOfPerson(item.organizer.address)) === item.poll.creatorId;
    },
  };
}
