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
import { storeOnce } from './single-answer';
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

    // Anonymous answers carry the answers and the day only; the submission's id keys the item.
    const response: StoredResponse = {
      schemaVersion: FEEDBACK_SCHEMA_VERSION,
      pollId: poll.id,
      day: dayOf(now()),
      answers: checked.answers,
      ...(poll.anonymous ? {} : { respondentId: oid }),
    };
    const stored = await storeOnce(
      store,
      {
        pollKey: poll.id,
        voter: await hash.voter(oid, poll.id),
        tag: await hash.submission(poll.id, submissionId),
      },
      {
        write: () => store.addResponse(submissionId, response, poll.meetingEnd.slice(0, 10)),
        landed: () => store.hasResponse(poll.id, submissionId),
      },
    );
    if (stored === 'alreadyAnswered') {
      return fail(c, 409, 'alreadyAnswered', 'You have already answered this poll.');
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
    // The trend comes with the waiting state too: pooling is for series whose single meetings
    // do not reach k, and its periods are over closed occurrences only, never this open poll.
    const trend = poll.seriesKey === undefined ? {} : { periods: await seriesPeriods(poll) };
    if (!latest) {
      return c.json({
        state: 'waiting',
        responses: responses.length,
        needed: k - responses.length,
        ...trend,
      });
    }
    return c.json({ ...publishedView(latest, responses.length), ...trend });
  });

  /**
   * The trend of a series: its closed occurrences (polls by the same creator with the same
   * series key; closed ones take no more answers, so a period never changes once shown), pooled
   * into consecutive periods of at least k respondents drawn from at least k attendees. A
   * remainder below k is held back.
   */
  const seriesPeriods = async (poll: StoredPoll) => {
    const occurrences = (await store.pollsByCreator(poll.creatorId))
      .map((r) => r.poll)
      .filter((p) => p.seriesKey === poll.seriesKey && isClosed(p, now()))
      .sort((a, b) => Date.parse(a.meetingEnd) - Date.parse(b.meetingEnd));
    const counted = await Promise.all(
      occurrences.map(async (p) => {
        const answers = (await store.responses(p.id)).map((r) => r.answers);
        return { poll: p, answers, respondents: answers.length, attendeeIds: p.attendeeIds };
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
