import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { roundSchema, type Round } from '../../src/domain/social/round';
import { createGraphClient } from '../../src/graph/client';
import { createProgram } from '../../src/graph/social/programs-repository';
import { saveRoundPlan } from '../../src/graph/social/rounds-repository';
import { PEOPLE, SITES, upnOf } from '../../src/local/tenant/seed/directory';
import { joinedBy, programFixture } from '../support/programs';
import { useTestRelay } from '../support/use-test-relay';

/** "Did you meet?" through the relay: members only, after the slot, once, stored with no one. */
const t = useTestRelay();
const id = (alias: string) => {
  const p = PEOPLE.find((x) => x.alias === alias);
  if (!p) throw new Error(alias);
  return p.id;
};
const MEMBERS = ['ben', 'divya', 'emma', 'grace', 'hiro', 'felipe', 'jonas'];
const program = joinedBy(
  programFixture({
    id: '6c0ffee0-0000-4000-8000-0000000000c1',
    leadIds: [id('ana')],
    firstRoundAt: '2026-03-02T00:00:00.000Z',
  }),
  MEMBERS.map(id),
  '2026-03-01T00:00:00Z',
);
const slot = (start: string, end: string) => ({ start, end });
// Round 1 (the tests' "now" is Wednesday 11 March, 15:00Z): slots on Tuesday, already passed.
const past: Round = roundSchema.parse({
  schemaVersion: 1,
  programId: program.id,
  number: 1,
  startsAt: '2026-03-09T00:00:00.000Z',
  plannedAt: '2026-03-09T08:00:00.000Z',
  seed: 1,
  prompt: 'Hello',
  groups: [
    {
      memberIds: [id('ben'), id('divya')],
      hostId: id('ben'),
      slot: slot('2026-03-10T10:00:00.000Z', '2026-03-10T10:20:00.000Z'),
    },
    {
      memberIds: [id('emma'), id('grace')],
      hostId: id('emma'),
      slot: slot('2026-03-10T11:00:00.000Z', '2026-03-10T11:20:00.000Z'),
    },
    {
      memberIds: [id('hiro'), id('felipe'), id('jonas')],
      hostId: id('hiro'),
      slot: slot('2026-03-10T12:00:00.000Z', '2026-03-10T12:20:00.000Z'),
    },
  ],
  leftOut: [],
});
// Round 2: Ben and Divya again, on Thursday: not yet passed.
const upcoming: Round = roundSchema.parse({
  ...past,
  number: 2,
  startsAt: '2026-03-11T00:00:00.000Z',
  groups: [
    {
      memberIds: [id('ben'), id('divya')],
      hostId: id('divya'),
      slot: slot('2026-03-12T10:00:00.000Z', '2026-03-12T10:20:00.000Z'),
    },
  ],
});

const met = (alias: string, n: number, answer: string, submissionId: string = randomUUID()) =>
  t.call(id(alias), 'POST', `/api/programs/${program.id}/rounds/${String(n)}/met`, {
    submissionId,
    answer,
  });
const summary = (alias: string) => t.call(id(alias), 'GET', `/api/programs/${program.id}/met`);

beforeAll(async () => {
  const ana = createGraphClient({
    baseUrl: t.tenant.url,
    getToken: () => t.tenant.token(id('ana')),
    delaySeconds: 0,
  });
  await createProgram(ana, SITES.team.id, program);
  await saveRoundPlan(ana, SITES.team.id, past);
  await saveRoundPlan(ana, SITES.team.id, upcoming);
});

describe('did you meet?', () => {
  it('takes answers only from people grouped in the round, once the slot has passed', async () => {
    expect((await met('ana', 1, 'yes')).body.error.code).toBe('notInGroup');
    expect((await met('kemi', 1, 'yes')).status).toBe(403);
    const early = await met('ben', 2, 'yes');
    expect([early.status, early.body.error.code]).toEqual([409, 'notYet']);
    const bad = await met('ben', 1, 'maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('answer must be yes, some, later or no.');
    const missing = await t.call(id('ben'), 'POST', `/api/programs/${program.id}/rounds/9/met`, {
      submissionId: randomUUID(),
      answer: 'yes',
    });
    expect(missing.status).toBe(404);
  });

  it('counts one answer per person and round; a retried submission is the same answer', async () => {
    const path = `/api/programs/${program.id}/rounds/1/met`;
    expect((await t.call(id('ben'), 'GET', path)).body).toEqual({ answered: false });
    const submission = randomUUID();
    expect((await met('ben', 1, 'yes', submission)).status).toBe(201);
    expect((await met('ben', 1, 'yes', submission)).status).toBe(201);
    const second = await met('ben', 1, 'no');
    expect([second.status, second.body.error.code]).toEqual([409, 'alreadyAnswered']);
    expect((await t.call(id('ben'), 'GET', path)).body).toEqual({ answered: true });
    expect(await summary('ben')).toMatchObject({
      status: 200,
      body: { state: 'waiting', answered: 1, needed: 4 },
    });
  });

  it('shows the program a rate over whole blocks of five answers, to members only', async () => {
    for (const [alias, answer] of [
      ['divya', 'yes'],
      ['emma', 'no'],
      ['grace', 'some'],
      ['hiro', 'later'],
      ['felipe', 'yes'],
    ] as const) {
      expect((await met(alias, 1, answer)).status).toBe(201);
    }
    // Six answers: the first five count (ben yes, divya yes, emma no, grace some, hiro later).
    expect((await summary('jonas')).body).toEqual({
      state: 'shown',
      answered: 5,
      met: 3,
      rate: 0.6,
    });
    // Ana leads the program: she sees the numbers, like any member; Kemi is in neither.
    expect((await summary('ana')).status).toBe(200);
    expect((await summary('kemi')).body.error.code).toBe('notInProgram');
  });

  it('stores answers with no person and nothing finer than the day', () => {
    const state = t.tenant.tenant.store.state;
    const list = (state.sites[SITES.private.id]?.listIds ?? [])
      .map((listId) => state.lists[listId])
      .find((l) => l?.list.displayName === 'MeetAnswers');
    const items = Object.values(list?.items ?? {});
    expect(items).toHaveLength(6);
    const identities = PEOPLE.flatMap((p) => [p.id, upnOf(p), p.givenName, p.surname]);
    for (const item of items) {
      const text = JSON.stringify(item.fields).toLowerCase();
      for (const who of identities) expect(text).not.toContain(who.toLowerCase());
      expect(text).not.toMatch(/t\d\d:\d\d/);
      expect(JSON.parse(String(item.fields.Payload))).toMatchObject({ day: '2026-03-11' });
    }
  });

  it('keeps the vote when it cannot tell whether the answer was stored', async () => {
    // Jonas's answer lands, but every answer to its write is lost, and so is every read that
    // would say whether it landed (Retry-After 0 keeps the relay's own retries quick).
    const lost = { kind: 'status', status: 503, retryAfterSeconds: 0, times: 12 } as const;
    const path = '/lists/MeetAnswers/items$';
    await t.tenant.addFault({ ...lost, path, methods: ['POST'], when: 'after' });
    await t.tenant.addFault({ ...lost, path, methods: ['GET'] });
    const submission = randomUUID();
    expect((await met('jonas', 1, 'yes', submission)).status).toBe(503);
    await t.tenant.clearFaults();
    // Another submission is a second answer, not a first one; the resend of the first is taken.
    const second = await met('jonas', 1, 'no');
    expect([second.status, second.body.error.code]).toEqual([409, 'alreadyAnswered']);
    expect((await met('jonas', 1, 'yes', submission)).status).toBe(201);
    expect((await summary('jonas')).body).toMatchObject({ answered: 5 });
    const state = t.tenant.tenant.store.state;
    const list = (state.sites[SITES.private.id]?.listIds ?? [])
      .map((listId) => state.lists[listId])
      .find((l) => l?.list.displayName === 'MeetAnswers');
    expect(Object.keys(list?.items ?? {})).toHaveLength(7);
  }, 60_000);
});
