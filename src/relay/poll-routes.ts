import type { Hono } from 'hono';
import { closesAt, isClosed } from '../domain/feedback/lifecycle';
import {
  FEEDBACK_LIMITS,
  FEEDBACK_SCHEMA_VERSION,
  pollDraftSchema,
  pollPatchSchema,
  type StoredPoll,
} from '../domain/feedback/schema';
import { resolveThreshold } from '../domain/feedback/threshold';
import { z } from 'zod';
import type { RelayDeps } from './context';
import { fail, parseBody, type RelayCtx, type RelayEnv } from './http';
import type { PollRecord } from './poll-store';
import { mayRead, pollView } from './views';

const querySchema = z.object({
  meetingKeys: z
    .array(z.string().min(1).max(FEEDBACK_LIMITS.meetingKeyMaxLength))
    .min(1, { error: 'meetingKeys needs at least one meeting key.' })
    .max(FEEDBACK_LIMITS.queryMeetingKeysMax, {
      error: `meetingKeys can hold at most ${String(FEEDBACK_LIMITS.queryMeetingKeysMax)} keys.`,
    }),
});

/** Create, query, read and change polls. Only the creator changes a poll. */
export function registerPollRoutes(app: Hono<RelayEnv>, deps: RelayDeps): void {
  const { store, hash, now } = deps;

  const viewOf = async (c: RelayCtx, rec: PollRecord, etag = rec.etag) => {
    const { oid } = c.get('caller');
    const [responses, answered] = await Promise.all([
      store.responses(rec.poll.id),
      store.hasVoted(await hash.voter(oid, rec.poll.id)),
    ]);
    return pollView(rec.poll, {
      etag,
      responses: responses.length,
      answered,
      closed: isClosed(rec.poll, now()),
      callerId: oid,
    });
  };

  app.post('/api/polls', async (c) => {
    const body = await parseBody(c, pollDraftSchema);
    if (!body.ok) return body.response;
    const draft = body.value;
    const threshold = resolveThreshold(draft.threshold);
    if (!threshold.ok)
      return fail(c, 400, 'thresholdBelowFloor', `threshold: ${threshold.message}`);
    const { oid } = c.get('caller');
    const poll: StoredPoll = {
      ...draft,
      schemaVersion: FEEDBACK_SCHEMA_VERSION,
      threshold: threshold.k,
      creatorId: oid,
      status: 'open',
      closesAt: closesAt(draft.meetingEnd),
    };
    const created = await store.createPoll(poll);
    const rec = await store.getPoll(poll.id);
    if (!rec)
      return fail(c, 503, 'storageUnavailable', 'The poll could not be read back; try again.');
    if (created === 'exists' && rec.poll.creatorId !== oid) {
      return fail(c, 409, 'pollExists', 'Another poll already has this id.');
    }
    return c.json(await viewOf(c, rec), created === 'created' ? 201 : 200);
  });

  app.post('/api/polls/query', async (c) => {
    const body = await parseBody(c, querySchema);
    if (!body.ok) return body.response;
    const { oid } = c.get('caller');
    const records = (await store.pollsForMeetings(body.value.meetingKeys)).filter((r) =>
      mayRead(r.poll, oid),
    );
    return c.json({ polls: await Promise.all(records.map((r) => viewOf(c, r))) });
  });

  /** The poll, or the Response to send when there is none or the caller may not see it. */
  const readable = async (c: RelayCtx): Promise<PollRecord | Response> => {
    const rec = await store.getPoll(c.req.param('id') ?? '');
    if (!rec) return fail(c, 404, 'pollNotFound', 'There is no such poll.');
    if (!mayRead(rec.poll, c.get('caller').oid)) {
      return fail(c, 403, 'notInvited', 'Only the poll’s creator and listed attendees can see it.');
    }
    return rec;
  };

  app.get('/api/polls/:id', async (c) => {
    const rec = await readable(c);
    return rec instanceof Response ? rec : c.json(await viewOf(c, rec));
  });

  app.patch('/api/polls/:id', async (c) => {
    const rec = await store.getPoll(c.req.param('id'));
    if (!rec) return fail(c, 404, 'pollNotFound', 'There is no such poll.');
    const { oid } = c.get('caller');
    if (rec.poll.creatorId !== oid) {
      return fail(c, 403, 'notCreator', 'Only the poll’s creator can change it.');
    }
    const ifMatch = c.req.header('If-Match');
    if (!ifMatch)
      return fail(c, 428, 'preconditionRequired', 'Send If-Match with the poll’s etag.');
    if (ifMatch !== rec.etag) {
      return fail(c, 412, 'stale', 'The poll changed since you read it; read it again.');
    }
    const body = await parseBody(c, pollPatchSchema);
    if (!body.ok) return body.response;
    const patch = body.value;
    const closed = isClosed(rec.poll, now());
    const onlyClosing = Object.keys(patch).every((k) => k === 'status');
    if (closed && !onlyClosing) return fail(c, 409, 'pollClosed', 'The poll is closed.');
    const next: StoredPoll = { ...rec.poll };
    if (patch.threshold !== undefined) {
      const threshold = resolveThreshold(patch.threshold);
      if (!threshold.ok)
        return fail(c, 400, 'thresholdBelowFloor', `threshold: ${threshold.message}`);
      next.threshold = threshold.k;
    }
    if (patch.questions !== undefined || patch.anonymous !== undefined) {
      const answered = (await store.responses(rec.poll.id)).length > 0;
      const changes =
        (patch.anonymous !== undefined && patch.anonymous !== rec.poll.anonymous) ||
        (patch.questions !== undefined &&
          JSON.stringify(patch.questions) !== JSON.stringify(rec.poll.questions));
      // People answered on the understanding they had (anonymous or not, these questions).
      if (answered && changes) {
        return fail(
          c,
          409,
          'answersExist',
          'Questions and anonymity cannot change once anyone answered.',
        );
      }
      if (patch.questions !== undefined) next.questions = patch.questions;
      if (patch.anonymous !== undefined) next.anonymous = patch.anonymous;
    }
    if (patch.shareResults !== undefined) next.shareResults = patch.shareResults;
    if (patch.attendeeIds !== undefined) next.attendeeIds = patch.attendeeIds;
    if (patch.status === 'closed') next.status = 'closed';
    const written = await store.updatePoll(rec, next);
    if (written === 'stale') {
      return fail(c, 412, 'stale', 'The poll changed since you read it; read it again.');
    }
    return c.json(await viewOf(c, { ...rec, poll: next }, written.etag));
  });
}
