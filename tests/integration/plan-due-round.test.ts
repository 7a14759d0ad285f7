import { describe, expect, it } from 'vitest';
import { applyMembership, type Program } from '../../src/domain/social/program';
import { instant } from '../../src/domain/time/instant';
import { instantToZonedLocal, weekdayOf } from '../../src/domain/time/zones';
import { createGraphClient } from '../../src/graph/client';
import { readAvailability } from '../../src/graph/social/availability';
import { planDueRound } from '../../src/graph/social/plan-due-round';
import { PEOPLE, SITES, upnOf } from '../../src/local/tenant/seed/directory';
import { TEST_NOW } from '../support/local-tenant';
import { joinedBy, programFixture } from '../support/programs';
import { useTestTenant } from '../support/use-test-tenant';

const t = useTestTenant();
const SITE = SITES.team.id;
const NOW = instant(Date.parse(TEST_NOW));
const seedPerson = (alias: string) => {
  const p = PEOPLE.find((x) => x.alias === alias);
  if (!p) throw new Error(alias);
  return p;
};
const clientFor = (alias: string) =>
  createGraphClient({
    baseUrl: t.url,
    getToken: () => t.token(upnOf(seedPerson(alias))),
    delaySeconds: 0,
  });

// Seven people across London, Kolkata, Sydney, New York, Tokyo, Berlin and São Paulo.
const JOINERS = ['ben', 'divya', 'emma', 'grace', 'hiro', 'jonas', 'felipe'];
let program: Program = joinedBy(
  programFixture({
    id: '6c0ffee0-0000-4000-8000-000000000004',
    name: 'Around the world',
    leadIds: [seedPerson('ana').id],
    firstRoundAt: '2026-03-09T00:00:00.000Z',
  }),
  JOINERS.map((alias) => seedPerson(alias).id),
  '2026-03-01T00:00:00Z',
);
program = applyMembership(
  program,
  {
    kind: 'snooze',
    id: seedPerson('jonas').id,
    until: instant(Date.parse('2026-04-01T00:00:00Z')),
  },
  instant(Date.parse('2026-03-02T00:00:00Z')),
);

describe('planning a due round in a member’s browser', () => {
  it('groups the six taking part inside everyone’s working and free time; the snoozed one is told', async () => {
    const { kind, round } = await planDueRound(clientFor('ana'), SITE, program, 0, {
      now: NOW,
      seed: 11,
      prompt: 'What did you learn this week?',
      pastGroups: [],
    });
    expect(kind).toBe('won');
    expect(round.leftOut).toContainEqual({ id: seedPerson('jonas').id, reason: 'snoozed' });
    // Everyone but Jonas has a partner somewhere in the world this week.
    expect(round.groups.map((g) => g.memberIds.length)).toEqual([2, 2, 2]);
    expect(round.leftOut).toHaveLength(1);
    const placed = [...round.groups.flatMap((g) => g.memberIds), ...round.leftOut.map((l) => l.id)];
    expect(placed.sort()).toEqual(JOINERS.map((a) => seedPerson(a).id).sort());

    // Hold every slot against what Graph says of each member, independently of the planner.
    const mails = JOINERS.map((a) => upnOf(seedPerson(a)));
    const availability = await readAvailability(clientFor('ana'), mails, {
      start: NOW,
      end: instant(NOW + 7 * 86_400_000),
    });
    for (const group of round.groups) {
      const start = instant(Date.parse(group.slot.start));
      const end = instant(Date.parse(group.slot.end));
      expect(end - start).toBe(20 * 60_000);
      for (const id of group.memberIds) {
        const person = PEOPLE.find((p) => p.id === id);
        const info = availability.get(upnOf(person ?? seedPerson('ana')));
        if (info?.kind !== 'ok') throw new Error(`no availability for ${id}`);
        const { timeZone, days, start: from, end: to } = { ...info.workingHours };
        expect(days).toContain(weekdayOf(start, timeZone));
        const localStart = instantToZonedLocal(start, timeZone).slice(11, 16);
        const localEnd = instantToZonedLocal(end, timeZone).slice(11, 16);
        expect(localStart >= from && localEnd <= to).toBe(true);
        expect(info.busy.some((b) => b.start < end && start < b.end)).toBe(false);
      }
    }
  });

  it('a second member planning the same round gets the stored plan, not a new one', async () => {
    const again = await planDueRound(clientFor('ben'), SITE, program, 0, {
      now: instant(NOW + 60_000),
      seed: 99,
      prompt: 'Another prompt',
      pastGroups: [],
    });
    expect(again.kind).toBe('lost');
    expect(again.round.seed).toBe(11);
  });
});
