import { describe, expect, it } from 'vitest';
import type { Program } from '../../src/domain/social/program';
import { instant } from '../../src/domain/time/instant';
import { createGraphClient } from '../../src/graph/client';
import {
  changeMembership,
  createProgram,
  listPrograms,
} from '../../src/graph/social/programs-repository';
import { PEOPLE, SITES, upnOf } from '../../src/local/tenant/seed/directory';
import { TEST_NOW } from '../support/local-tenant';
import { programFixture } from '../support/programs';
import { useTestTenant } from '../support/use-test-tenant';

const t = useTestTenant();
const SITE = SITES.team.id;
const NOW = instant(Date.parse(TEST_NOW));
const seedPerson = (alias: string) => {
  const p = PEOPLE.find((x) => x.alias === alias);
  if (!p) throw new Error(alias);
  return p;
};
const who = (alias: string) => {
  const p = seedPerson(alias);
  return {
    id: p.id,
    client: createGraphClient({
      baseUrl: t.url,
      getToken: () => t.token(upnOf(p)),
      delaySeconds: 0,
    }),
  };
};

const coffee: Program = programFixture({ leadIds: [seedPerson('ana').id] });

describe('coffee programs in the team site', () => {
  it('a lead starts one; nobody is in it until they join', async () => {
    await createProgram(who('ana').client, SITE, coffee);
    await createProgram(who('ana').client, SITE, coffee); // a repeated create stays one program
    const read = await listPrograms(who('ben').client, SITE);
    expect(read.programs.map((p) => p.program.members)).toEqual([[]]);
  });

  it('five people joining at the same moment all end up in', async () => {
    const joiners = ['ben', 'divya', 'emma', 'grace', 'hiro'].map(who);
    const outcomes = await Promise.all(
      joiners.map((p) =>
        changeMembership(p.client, SITE, coffee.id, { kind: 'join', id: p.id }, NOW),
      ),
    );
    expect(outcomes.map((o) => o.kind)).toEqual(['saved', 'saved', 'saved', 'saved', 'saved']);
    const [stored] = (await listPrograms(who('ana').client, SITE)).programs;
    expect(stored?.program.members.map((m) => m.id).sort()).toEqual(
      joiners.map((p) => p.id).sort(),
    );
  });

  it('a join whose answer was lost after it landed is not applied twice', async () => {
    await t.addFault({
      path: '/lists/SocialPrograms/items/',
      methods: ['PATCH'],
      kind: 'drop',
      when: 'after',
      times: 1,
    });
    const noah = who('noah');
    const outcome = await changeMembership(
      noah.client,
      SITE,
      coffee.id,
      { kind: 'join', id: noah.id },
      NOW,
    );
    expect(outcome.kind).toBe('saved');
    const [stored] = (await listPrograms(noah.client, SITE)).programs;
    expect(stored?.program.members.filter((m) => m.id === noah.id)).toHaveLength(1);
    const faults = (await (await fetch(`${t.url}/_local/faults`)).json()) as { applied: number }[];
    expect(faults.map((f) => f.applied)).toEqual([1]);
  });

  it('snoozing and leaving are each person’s own, and leave the others alone', async () => {
    const ben = who('ben');
    await changeMembership(
      ben.client,
      SITE,
      coffee.id,
      { kind: 'snooze', id: ben.id, until: instant(Date.parse('2026-04-01T00:00:00Z')) },
      NOW,
    );
    const divya = who('divya');
    await changeMembership(divya.client, SITE, coffee.id, { kind: 'leave', id: divya.id }, NOW);
    const [stored] = (await listPrograms(ben.client, SITE)).programs;
    const members = stored?.program.members ?? [];
    expect(members.find((m) => m.id === ben.id)?.snoozedUntil).toBe('2026-04-01T00:00:00.000Z');
    expect(members.some((m) => m.id === divya.id)).toBe(false);
    expect(members).toHaveLength(5);
  });

  it('a program that does not exist says so', async () => {
    const ben = who('ben');
    expect(
      await changeMembership(
        ben.client,
        SITE,
        '6c0ffee0-0000-4000-8000-00000000dead',
        { kind: 'join', id: ben.id },
        NOW,
      ),
    ).toEqual({ kind: 'missing' });
  });
});
