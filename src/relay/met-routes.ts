import type { Hono } from 'hono';
import { dayOf } from '../domain/feedback/lifecycle';
import { metSubmissionSchema, metSummary } from '../domain/social/met';
import { roundKey } from '../domain/social/round';
import { weeksBefore } from '../domain/social/stats';
import { listPrograms } from '../graph/social/programs-repository';
import { getRound, listRoundsSince } from '../graph/social/rounds-repository';
import type { RelayDeps } from './context';
import { fail, parseBody, type RelayCtx, type RelayEnv } from './http';
import { storeOnce } from './single-answer';

/** Round keys live in the same VoteKeys list as polls; the prefix keeps the two apart. */
const votePoll = (key: string) => `round:${key}`;

/**
 * "Did you meet?" after a coffee slot. The relay reads the round from the team site itself (the
 * client's word is not taken for who was in a group), keeps one answer per person and round by
 * the same keyed hash as poll votes, stores the answer with no person and no time finer than the
 * day, and gives the program only a rate over whole blocks of answers.
 */
export function registerMetRoutes(app: Hono<RelayEnv>, deps: RelayDeps): void {
  const { store, hash, now, team } = deps;

  /** The round and the caller's group in it, or the answer that says why not. */
  const myGroup = async (c: RelayCtx) => {
    const programId = c.req.param('programId') ?? '';
    const n = Number(c.req.param('n'));
    if (!Number.isInteger(n) || n < 0) {
      return { response: fail(c, 400, 'invalidRequest', 'The round number is not valid.') };
    }
    const round = await getRound(team.client, team.siteId, programId, n);
    if (!round) return { response: fail(c, 404, 'roundNotFound', 'There is no such round.') };
    const { oid } = c.get('caller');
    const group = round.groups.find((g) => g.memberIds.includes(oid));
    if (!group) {
      return {
        response: fail(c, 403, 'notInGroup', 'Only people grouped in this round can answer.'),
      };
    }
    const key = roundKey(programId, n);
    return { key, group, voter: await hash.voter(oid, votePoll(key)) };
  };

  app.post('/api/programs/:programId/rounds/:n/met', async (c) => {
    const found = await myGroup(c);
    if ('response' in found) return found.response;
    const { key, group, voter } = found;
    if (now() < Date.parse(group.slot.end)) {
      return fail(c, 409, 'notYet', 'Answer once your coffee slot has passed.');
    }
    const body = await parseBody(c, metSubmissionSchema);
    if (!body.ok) return body.response;
    const { submissionId, answer } = body.value;
    const stored = await storeOnce(
      store,
      { pollKey: votePoll(key), voter, tag: await hash.submission(votePoll(key), submissionId) },
      {
        write: () =>
          store.addMetAnswer(submissionId, {
            schemaVersion: 1,
            roundKey: key,
            answer,
            day: dayOf(now()),
          }),
        landed: () => store.hasMetAnswer(submissionId),
      },
    );
    if (stored === 'alreadyAnswered') {
      return fail(c, 409, 'alreadyAnswered', 'You have already answered for this round.');
    }
    return c.json({ answered: true }, 201);
  });

  app.get('/api/programs/:programId/rounds/:n/met', async (c) => {
    const found = await myGroup(c);
    if ('response' in found) return found.response;
    return c.json({ answered: await store.hasVoted(found.voter) });
  });

  app.get('/api/programs/:programId/met', async (c) => {
    const programId = c.req.param('programId');
    const { oid } = c.get('caller');
    const { programs } = await listPrograms(team.client, team.siteId);
    const program = programs.find((p) => p.program.id === programId)?.program;
    if (!program) return fail(c, 404, 'programNotFound', 'There is no such program.');
    if (!program.leadIds.includes(oid) && !program.members.some((m) => m.id === oid)) {
      return fail(c, 403, 'notInProgram', 'Only the program’s members and leads see its numbers.');
    }
    const since = weeksBefore(now());
    const rounds = await listRoundsSince(team.client, team.siteId, programId, since);
    const answers = await store.metAnswers(rounds.map((r) => roundKey(r.programId, r.number)));
    return c.json(metSummary(answers.map((a) => a.answer)));
  });
}
