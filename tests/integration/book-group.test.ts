import { beforeAll, describe, expect, it } from 'vitest';
import type { Program } from '../../src/domain/social/program';
import type { Round } from '../../src/domain/social/round';
import { instant } from '../../src/domain/time/instant';
import { createGraphClient } from '../../src/graph/client';
import { graphHomeReader } from '../../src/graph/home-reader';
import { bookGroup } from '../../src/graph/social/book-group';
import { createProgram } from '../../src/graph/social/programs-repository';
import { graphProgramsService } from '../../src/graph/social/programs-service';
import { planDueRound } from '../../src/graph/social/plan-due-round';
import { getRound } from '../../src/graph/social/rounds-repository';
import { PEOPLE, SITES, upnOf } from '../../src/local/tenant/seed/directory';
import { TEST_NOW } from '../support/local-tenant';
import { joinedBy, programFixture } from '../support/programs';
import { useTestTenant } from '../support/use-test-tenant';

/** The host's one-click booking from Home, against the local tenant over HTTP. */
const t = useTestTenant();
const SITE = SITES.team.id;
const NOW = instant(Date.parse(TEST_NOW));
const person = (id: string) => {
  const p = PEOPLE.find((x) => x.id === id || x.alias === id);
  if (!p) throw new Error(id);
  return p;
};
const clientFor = (idOrAlias: string) =>
  createGraphClient({
    baseUrl: t.url,
    getToken: () => t.token(upnOf(person(idOrAlias))),
    delaySeconds: 0,
  });

const JOINERS = ['ben', 'divya', 'emma', 'grace', 'hiro', 'felipe'];
const program: Program = joinedBy(
  programFixture({
    id: '6c0ffee0-0000-4000-8000-0000000000b1',
    name: 'Booking <coffee>',
    leadIds: [person('ana').id],
    firstRoundAt: '2026-03-09T00:00:00.000Z',
  }),
  JOINERS.map((alias) => person(alias).id),
  '2026-03-01T00:00:00Z',
);
let round: Round;

/** Each member's copies of the group's meeting, by subject, over the round's week. */
async function copies(memberId: string, subject: string): Promise<{ start: string }[]> {
  const res = await t.graph(
    upnOf(person(memberId)),
    'GET',
    `/me/calendarView?startDateTime=2026-03-09T00:00:00Z&endDateTime=2026-03-21T00:00:00Z&$top=1000&$select=subject,start`,
    undefined,
    { Prefer: 'outlook.timezone="UTC"' },
  );
  expect(res.status).toBe(200);
  return (res.body.value as { subject: string; start: { dateTime: string } }[])
    .filter((e) => e.subject === subject)
    .map((e) => ({ start: e.start.dateTime }));
}

const subjectOf = (r: Round, i: number) =>
  `Coffee: ${(r.groups[i]?.memberIds ?? []).map((id) => r.people?.[id]?.name ?? '').join(', ')} (${program.name})`;

beforeAll(async () => {
  await createProgram(clientFor('ana'), SITE, program);
  ({ round } = await planDueRound(clientFor('ana'), SITE, program, 0, {
    now: NOW,
    seed: 11,
    prompt: 'What <b>small</b> thing made your week?',
    pastGroups: [],
  }));
  expect(round.groups).toHaveLength(3);
});

describe('booking a coffee group', () => {
  it('the round carries names and mail, so Home shows the group without a lookup', () => {
    for (const id of round.groups.flatMap((g) => g.memberIds)) {
      expect(round.people?.[id]).toEqual({
        name: `${person(id).givenName} ${person(id).surname}`,
        mail: upnOf(person(id)),
      });
    }
  });

  it('the host books once, however often they click; every member has one copy', async () => {
    const group = round.groups[0];
    if (!group) throw new Error('no group');
    const first = await bookGroup(clientFor(group.hostId), SITE, program, 0, 0, NOW);
    const second = await bookGroup(clientFor(group.hostId), SITE, program, 0, 0, NOW);
    expect(first.kind).toBe('booked');
    expect(second).toEqual(first);
    for (const id of group.memberIds) {
      expect(await copies(id, subjectOf(round, 0))).toEqual([
        { start: group.slot.start.replace('.000Z', '.0000000') },
      ]);
    }
    const stored = await getRound(clientFor('ben'), SITE, program.id, 0);
    expect(stored?.groups[0]?.eventId).toBe(first.kind === 'booked' ? first.eventId : '');
  });

  it('a slot taken since planning is re-planned for that group only', async () => {
    const group = round.groups[1];
    if (!group) throw new Error('no group');
    const guest = group.memberIds.find((id) => id !== group.hostId) ?? '';
    // Someone else's meeting lands on the group's slot after planning.
    const clash = await t.graph(upnOf(person(guest)), 'POST', '/me/events', {
      subject: 'Customer call',
      start: { dateTime: group.slot.start.slice(0, 19), timeZone: 'UTC' },
      end: { dateTime: group.slot.end.slice(0, 19), timeZone: 'UTC' },
    });
    expect(clash.status).toBe(201);
    const outcome = await bookGroup(clientFor(group.hostId), SITE, program, 0, 1, NOW);
    if (outcome.kind !== 'booked') throw new Error(`not booked: ${outcome.kind}`);
    expect(outcome.moved).toBe(true);
    const moved = { start: Date.parse(outcome.slot.start), end: Date.parse(outcome.slot.end) };
    const old = { start: Date.parse(group.slot.start), end: Date.parse(group.slot.end) };
    expect(moved.start < old.end && old.start < moved.end).toBe(false);
    const stored = await getRound(clientFor('ben'), SITE, program.id, 0);
    expect(stored?.groups[1]?.slot).toEqual(outcome.slot);
    // The other groups keep their slots.
    expect(stored?.groups[2]?.slot).toEqual(round.groups[2]?.slot);
    for (const id of group.memberIds) {
      expect(await copies(id, subjectOf(round, 1))).toHaveLength(1);
    }
  });

  it('through throttling and a lost answer the group still gets one meeting', async () => {
    const group = round.groups[2];
    if (!group) throw new Error('no group');
    await t.addFault({
      path: '^/me/events$',
      methods: ['POST'],
      kind: 'status',
      status: 503,
      times: 1,
    });
    await t.addFault({
      path: '^/me/events$',
      methods: ['POST'],
      kind: 'drop',
      when: 'after',
      times: 1,
    });
    const outcome = await bookGroup(clientFor(group.hostId), SITE, program, 0, 2, NOW);
    await t.clearFaults();
    expect(outcome.kind).toBe('booked');
    for (const id of group.memberIds) {
      expect(await copies(id, subjectOf(round, 2))).toHaveLength(1);
    }
  });

  it('Home reads my program and its current round in its two batch requests', async () => {
    const id = round.groups[0]?.memberIds[0] ?? '';
    await t.resetRequests();
    const snapshot = await graphHomeReader(clientFor(id), { siteId: SITE }).load(NOW);
    const requests = await t.requests();
    expect(requests.http).toBe(2);
    expect(snapshot.social.programs.map((p) => p.id)).toEqual([program.id]);
    expect(snapshot.social.rounds.map((r) => [r.programId, r.number])).toEqual([[program.id, 0]]);
    // Ana leads the program but never joined it: consent first, so it is not on her Home.
    const anas = await graphHomeReader(clientFor('ana'), { siteId: SITE }).load(NOW);
    expect(anas.social.programs).toEqual([]);
  });

  it('the program shows counts only: rounds, groups, bookings', async () => {
    const service = graphProgramsService(clientFor('ana'), {
      siteId: SITE,
      clock: { now: () => NOW },
    });
    const { stats } = await service.load();
    expect(stats[program.id]).toEqual({ rounds: 1, groups: 3, booked: 3, grouped: 6 });
  });
});
