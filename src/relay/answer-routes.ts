import type { Hono } from 'hono';
import { aggregate, ratingMeans } from '../domain/feedback/aggregate';
import { dayOf, isClosed } from '../domain/feedback/lifecycle';
import { poolPeriods } from '../domain/feedback/periods';
import { shouldPublish } from '../domain/feedback/republish';
import {
  checkAnswers,
  FEEDBACK_SCHEMA_VERSION,
  submissionSchema,
  type StoredPoll,
  type StoredResponse,
} from '../domain/feedback/schema';
import type { RelayDeps } from './context';
import { fail, invalid, parseBody, type RelayEnv } from './http';
import type { Published } from './stored-shapes';
import { mayReadResults } from './views';

/** Answering a poll, and its results. */
export function registerAnswerRoutes(app: Hono<RelayEnv>, deps: RelayDeps): void {
  const { store, hash, now } = deps;

  app.post('/api/polls/:id/answers', async (c) => {
    const rec = await store.getPoll(c.req.param('id'));
    if (!rec) return fail(c, 404, 'pollNotFound', 'There is no such poll.');
    const { poll } = rec;
    const { oid } = c.get('caller');
    if (!poll.attendeeIds.includes(oid)) {
      return fail(
        c,
        403,
        'notAttendee',
        'Only the meeting’s listed attendees can answer this poll.',
      );
    }
    if (isClosed(poll, now())) return fail(c, 409, 'pollClosed', 'This poll is closed.');
    const body = await parseBody(c, submissionSchema);
    if (!body.ok) return body.response;
    const checked = checkAnswers(poll.questions, body.value.answers);
    if (!checked.ok) return invalid(c, checked.errors);
    const { submissionId } = body.value;

    // 1. The vote key: the list's unique Key refuses a second vote atomically. A 409 is still ours
    //    when the stored tag names this submission (a retried write, or the client's own retry).
    const voter = await hash.voter(oid, poll.id);
    const tag = await hash.submission(poll.id, submissionId);
    const vote = await store.takeVoteKey(poll.id, voter, tag);
    if (vote.kind === 'exists' && vote.submissionTag !== tag) {
      return fail(c, 409, 'alreadyAnswered', 'You have already answered this poll.');
    }

    // 2. The answer, keyed by the submission so a repeat makes no second response. Anonymous
    //    answers carry the answers and the day only.
    const response: StoredResponse = {
      schemaVersion: FEEDBACK_SCHEMA_VERSION,
      pollId: poll.id,
      day: dayOf(now()),
      answers: checked.answers,
      ...(poll.anonymous ? {} : { respondentId: oid }),
    };
    try {
      await store.addResponse(submissionId, response, poll.meetingEnd.slice(0, 10));
    } catch (err) {
      // Give the vote back so the person can try again, unless the answer did land after all.
      const landed = await store.hasResponse(poll.id, submissionId).catch(() => false);
      if (!landed) await store.releaseVoteKey(voter).catch(() => undefined);
      if (!landed) throw err;
    }
    return c.json({ responses: (await store.responses(poll.id)).length }, 201);
  });

  app.get('/api/polls/:id/results', async (c) => {
    const rec = await store.getPoll(c.req.param('id'));
    if (!rec) return fail(c, 404, 'pollNotFound', 'There is no such poll.');
    const { poll } = rec;
    if (!mayReadResults(poll, c.get('caller').oid)) {
      return fail(c, 403, 'resultsNotShared', 'Only the poll’s creator can see its results.');
    }
    const responses = await store.responses(poll.id);
    const k = poll.threshold;
    let latest = await store.latestPublished(poll.id);
    const state = {
      responses: responses.length,
      k,
      closing: isClosed(poll, now()),
      ...(latest ? { lastPublished: latest.respondents } : {}),
    };
    if (shouldPublish(state)) {
      const result = aggregate(
        poll.questions,
        responses.map((r) => r.answers),
        k,
        deps.random(),
      );
      if (result) {
        await store.publish(poll.id, (latest?.generation ?? 0) + 1, dayOf(now()), result);
        latest = await store.latestPublished(poll.id);
      }
    }
    if (!latest) {
      return c.json({
        state: 'waiting',
        responses: responses.length,
        needed: k - responses.length,
      });
    }
    return c.json({
      ...publishedView(latest, responses.length),
      ...(poll.seriesKey === undefined ? {} : { periods: await seriesPeriods(poll) }),
    });
  });

  /**
   * The trend of a series: its closed occurrences (polls by the same creator with the same
   * series key; closed ones take no more answers, so a period never changes once shown), pooled
   * into consecutive periods of at least k respondents. A remainder below k is held back.
   */
  const seriesPeriods = async (poll: StoredPoll) => {
    const occurrences = (await store.pollsByCreator(poll.creatorId))
      .map((r) => r.poll)
      .filter((p) => p.seriesKey === poll.seriesKey && isClosed(p, now()))
      .sort((a, b) => Date.parse(a.meetingEnd) - Date.parse(b.meetingEnd));
    const counted = await Promise.all(
      occurrences.map(async (p) => {
        const answers = (await store.responses(p.id)).map((r) => r.answers);
        return { poll: p, answers, respondents: answers.length };
      }),
    );
    return poolPeriods(counted, poll.threshold, { remainder: 'hold' }).map((period) => ({
      from: period[0]?.poll.meetingEnd.slice(0, 10) ?? '',
      to: period.at(-1)?.poll.meetingEnd.slice(0, 10) ?? '',
      respondents: period.reduce((n, o) => n + o.respondents, 0),
      means: ratingMeans(
        poll.questions,
        period.flatMap((o) => o.answers),
      ),
    }));
  };
}

const publishedView = (p: Published, responses: number) => ({
  state: 'published' as const,
  respondents: p.respondents,
  publishedAt: p.publishedAt,
  questions: p.questions,
  unpublished: Math.max(0, responses - p.respondents),
});
