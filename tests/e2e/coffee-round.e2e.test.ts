import { describe, expect, it } from 'vitest';
import type { FrameLocator } from 'playwright-core';
import { roundSchema, type Round } from '../../src/domain/social/round';
import { instant } from '../../src/domain/time/instant';
import { createGraphClient } from '../../src/graph/client';
import { changeMembership, listPrograms } from '../../src/graph/social/programs-repository';
import { PEOPLE, SITES, upnOf } from '../../src/local/tenant/seed/directory';
import { expectAccessible, openSurface, openTeamTab, useHostStack } from '../support/host-pages';
import { TEST_NOW } from '../support/local-tenant';

/**
 * The social-slots issue's "done when", through the local Teams host: seven people join a coffee
 * program, one snoozes, the round runs from a member's Home, hosts book with one click, and every
 * member finds exactly one meeting in their calendar, through double clicks and throttling.
 */
const host = useHostStack();

const PROGRAM = 'Around the <world> ☕';
const JOINERS = ['ben', 'divya', 'emma', 'grace', 'hiro', 'jonas', 'felipe'];
const seed = (idOrAlias: string) => {
  const p = PEOPLE.find((x) => x.id === idOrAlias || x.alias === idOrAlias);
  if (!p) throw new Error(idOrAlias);
  return p;
};

async function storedRounds(): Promise<Round[]> {
  const res = await host.stack.tenant.graph(
    upnOf(seed('ana')),
    'GET',
    `/sites/${SITES.team.id}/lists/SocialRounds/items?$expand=fields`,
  );
  expect(res.status).toBe(200);
  return (res.body.value as { fields: { Payload: string } }[]).map((i) =>
    roundSchema.parse(JSON.parse(i.fields.Payload)),
  );
}

/** A member's calendar copies of a meeting with this subject prefix, in the round's weeks. */
async function copies(alias: string, subjectStart: string): Promise<string[]> {
  const res = await host.stack.tenant.graph(
    upnOf(seed(alias)),
    'GET',
    '/me/calendarView?startDateTime=2026-03-09T00:00:00Z&endDateTime=2026-03-28T00:00:00Z&$top=1000&$select=subject,isOnlineMeeting',
  );
  expect(res.status).toBe(200);
  return (res.body.value as { subject: string; isOnlineMeeting: boolean }[])
    .filter((e) => e.subject.startsWith(subjectStart) && e.isOnlineMeeting)
    .map((e) => e.subject);
}

/** A person's Graph client, signed in with their own token, as their browser would call. */
const graphAs = (alias: string) =>
  createGraphClient({
    baseUrl: host.stack.tenant.url,
    getToken: () => host.stack.tenant.token(upnOf(seed(alias))),
    delaySeconds: 0,
  });

const coffeeCard = (home: FrameLocator) =>
  home.getByRole('region', { name: 'Coffee chats' }).getByLabel(PROGRAM);

describe('a coffee round from joining to booked meetings', () => {
  it('seven join, one snoozes; a member’s Home plans the round; hosts book once each', async () => {
    const ana = await openTeamTab(host.browser, host.stack.appUrl, 'ana');
    await ana.tab.getByRole('textbox', { name: 'Program name' }).fill(PROGRAM);
    await ana.tab.getByRole('button', { name: 'Start program' }).click();
    const anaCard = ana.tab.getByLabel(PROGRAM);
    await anaCard.getByText('0 taking part').waitFor({ timeout: 30_000 });

    // Ben and Jonas join (and Jonas snoozes) in the channel tab; the other five join through the
    // same Graph calls from their own sign-in, which keeps this test's browser time down (the
    // programs test covers the join button itself).
    for (const alias of ['ben', 'jonas']) {
      const { page, tab } = await openTeamTab(host.browser, host.stack.appUrl, alias);
      const card = tab.getByLabel(PROGRAM);
      await card.getByRole('button', { name: `Join ${PROGRAM}` }).click();
      await card.getByText('You’re in').waitFor({ timeout: 60_000 });
      if (alias === 'jonas') {
        await card.getByLabel('Snooze until').fill('2026-04-30');
        await card.getByRole('button', { name: 'Snooze' }).click();
        await card.getByText('Snoozed until', { exact: false }).waitFor({ timeout: 60_000 });
      }
      await page.close();
    }
    const programId = (await listPrograms(graphAs('ana'), SITES.team.id)).programs.find(
      (p) => p.program.name === PROGRAM,
    )?.program.id;
    if (!programId) throw new Error('program not stored');
    for (const alias of JOINERS.filter((a) => a !== 'ben' && a !== 'jonas')) {
      const joined = await changeMembership(
        graphAs(alias),
        SITES.team.id,
        programId,
        { kind: 'join', id: seed(alias).id },
        instant(Date.parse(TEST_NOW)),
      );
      expect(joined.kind).toBe('saved');
    }

    // The lead starts the first round now instead of next Monday.
    await ana.page.reload();
    await anaCard.getByText('6 taking part, some snoozed').waitFor({ timeout: 30_000 });
    await anaCard.getByRole('button', { name: 'Start the first round now' }).click();
    await anaCard.getByRole('button', { name: 'Start round 2 now' }).waitFor({ timeout: 30_000 });
    await ana.page.close();

    // Two members open Home at once: both plan, one plan wins, both see the same round.
    const [ben, divya] = await Promise.all([
      openSurface(host.browser, host.stack.appUrl, 'ben', 'personal'),
      openSurface(host.browser, host.stack.appUrl, 'divya', 'personal'),
    ]);
    await Promise.all(
      [ben, divya].map(({ tab }) =>
        coffeeCard(tab).getByText('You’re meeting', { exact: false }).waitFor({ timeout: 60_000 }),
      ),
    );
    const rounds = await storedRounds();
    expect(rounds).toHaveLength(1);
    const round = rounds[0];
    if (!round) throw new Error('no round');
    // Six taking part in groups of two; the snoozed one is told, not dropped.
    expect(round.groups.map((g) => g.memberIds.length)).toEqual([2, 2, 2]);
    expect(round.leftOut).toEqual([{ id: seed('jonas').id, reason: 'snoozed' }]);
    const bensGroup = round.groups.find((g) => g.memberIds.includes(seed('ben').id));
    const partner = seed(bensGroup?.memberIds.find((id) => id !== seed('ben').id) ?? '');
    await coffeeCard(ben.tab).getByText(`${partner.givenName} ${partner.surname}`).waitFor();
    await coffeeCard(ben.tab).getByText(round.prompt, { exact: false }).waitFor();
    // The slot in Ben's own zone, as his mailbox settings give it.
    const bensStart = new Intl.DateTimeFormat('en-us', {
      timeZone: seed('ben').ianaZone,
      hour: '2-digit',
      minute: '2-digit',
    }).format(Date.parse(bensGroup?.slot.start ?? ''));
    await coffeeCard(ben.tab).getByText(`, ${bensStart}–`, { exact: false }).waitFor();
    await coffeeCard(ben.tab).getByText('(your time)').waitFor();
    await expectAccessible(ben.page);
    await ben.page.close();
    await divya.page.close();

    // The first group's host double-books from two windows: one meeting.
    const [first, second, third] = round.groups;
    if (!first || !second || !third) throw new Error('three groups expected');
    const host1 = seed(first.hostId).alias;
    const windows = await Promise.all([
      openSurface(host.browser, host.stack.appUrl, host1, 'personal'),
      openSurface(host.browser, host.stack.appUrl, host1, 'personal'),
    ]);
    const books = windows.map(({ tab }) =>
      coffeeCard(tab).getByRole('button', { name: 'Book it' }),
    );
    await Promise.all(books.map((b) => b.waitFor({ timeout: 60_000 })));
    await Promise.all(books.map((b) => b.click()));
    await Promise.all(
      windows.map(({ tab }) =>
        coffeeCard(tab)
          .getByText('Booked as a Teams meeting', { exact: false })
          .waitFor({ timeout: 60_000 }),
      ),
    );
    for (const w of windows) await w.page.close();

    // The second group's host books through throttling and a dropped answer: one meeting.
    await host.stack.tenant.addFault({
      path: '^/me/events$',
      methods: ['POST'],
      kind: 'status',
      status: 429,
      retryAfterSeconds: 1,
      times: 1,
    });
    await host.stack.tenant.addFault({
      path: '^/me/events$',
      methods: ['POST'],
      kind: 'drop',
      when: 'after',
      times: 1,
    });
    const host2 = await openSurface(
      host.browser,
      host.stack.appUrl,
      seed(second.hostId).alias,
      'personal',
    );
    await coffeeCard(host2.tab).getByRole('button', { name: 'Book it' }).click();
    await coffeeCard(host2.tab)
      .getByText('Booked as a Teams meeting', { exact: false })
      .waitFor({ timeout: 60_000 });
    const applied = (await (await fetch(`${host.stack.tenant.url}/_local/faults`)).json()) as {
      applied: number;
    }[];
    // Both faults met the booking; otherwise this proved nothing.
    expect(applied.map((f) => f.applied)).toEqual([1, 1]);
    await host.stack.tenant.clearFaults();
    // The injected failures were logged by the browser as they happened; they say nothing here.
    host.browser.errors.length = 0;
    await host2.page.close();

    // A guest of the third group sees who hosts, and no button.
    const guest3 = seed(third.memberIds.find((id) => id !== third.hostId) ?? '');
    const g3 = await openSurface(host.browser, host.stack.appUrl, guest3.alias, 'personal');
    await coffeeCard(g3.tab)
      .getByText(`${seed(third.hostId).givenName} ${seed(third.hostId).surname} hosts this round`, {
        exact: false,
      })
      .waitFor({ timeout: 60_000 });
    expect(await coffeeCard(g3.tab).getByRole('button', { name: 'Book it' }).count()).toBe(0);
    await g3.page.close();

    // Every member of the booked groups has exactly one Teams meeting for this program.
    for (const group of [first, second]) {
      for (const id of group.memberIds) {
        expect(await copies(seed(id).alias, 'Coffee: ')).toHaveLength(1);
      }
    }
    for (const id of third.memberIds) {
      expect(await copies(seed(id).alias, 'Coffee: ')).toHaveLength(0);
    }
    const booked = (await storedRounds())[0];
    expect(booked?.groups.map((g) => g.eventId !== undefined)).toEqual([true, true, false]);

    // The snoozed member is told, on Home.
    const jonas = await openSurface(host.browser, host.stack.appUrl, 'jonas', 'personal');
    await coffeeCard(jonas.tab).getByText('Snoozed until', { exact: false }).waitFor({
      timeout: 60_000,
    });
    await jonas.page.close();
    // After the first group's slot (both clocks moved past it): "did you meet?", privately.
    const after = Date.parse(first.slot.end) + 60_000;
    const clock = await fetch(`${host.stack.tenant.url}/_local/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ now: new Date(after).toISOString() }),
    });
    expect(clock.status).toBe(200);
    await host.browser.context.clock.setSystemTime(new Date(after));
    for (const [i, id] of first.memberIds.entries()) {
      const answer = i === 0 ? 'Yes, we met' : 'Some of us met';
      const member = await openSurface(host.browser, host.stack.appUrl, seed(id).alias, 'personal');
      const ask = coffeeCard(member.tab).getByRole('form', { name: 'Did you meet?' });
      await ask.getByRole('radio', { name: answer }).check({ timeout: 60_000 });
      if (i === 0) await expectAccessible(member.page);
      await ask.getByRole('button', { name: 'Send answer' }).click();
      await coffeeCard(member.tab)
        .getByText('Thanks for saying whether you met', { exact: false })
        .waitFor({ timeout: 30_000 });
      await member.page.close();
    }

    // The channel tab shows the program's numbers, and nothing about any one person.
    const lead = await openTeamTab(host.browser, host.stack.appUrl, 'ana');
    await lead.tab
      .getByLabel(PROGRAM)
      .getByText('Last 12 weeks: 1 round · 3 groups · 2 booked')
      .waitFor({ timeout: 30_000 });
    // Two answers so far: no rate until five, so neither answer can be told from it.
    await lead.tab
      .getByLabel(PROGRAM)
      .getByText('Meeting rate shows after 3 more “did you meet?” answers.')
      .waitFor({ timeout: 30_000 });
    await expectAccessible(lead.page);
    await lead.page.close();
    // The losing plan's create is refused with 409 (the unique key doing its job); nothing else.
    expect(host.browser.errors.filter((e) => !/\b409\b/.test(e))).toEqual([]);
  }, 600_000);
});
