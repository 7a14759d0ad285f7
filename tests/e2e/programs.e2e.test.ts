import { describe, expect, it } from 'vitest';
import type { Program } from '../../src/domain/social/program';
import { PEOPLE, SITES, upnOf } from '../../src/local/tenant/seed/directory';
import { expectAccessible, openTeamTab, useHostStack } from '../support/host-pages';

/** Coffee programs in the channel tab through the local Teams host: consent first. */
const host = useHostStack();

const never = (): never => {
  throw new Error('the seed has no people');
};
const teamTab = (person: string) => openTeamTab(host.browser, host.stack.appUrl, person);

describe('coffee programs in the channel tab', () => {
  it('a member starts one; people join, snooze and leave on their own', async () => {
    const ana = await teamTab('ana');
    await ana.tab.getByRole('button', { name: 'Start program' }).click();
    await ana.tab.getByText('Give the program a name.').waitFor();
    await ana.tab.getByRole('textbox', { name: 'Program name' }).fill('Platform <coffee> ☕');
    await ana.tab.getByRole('combobox', { name: 'Group size' }).selectOption({ label: '3 people' });
    await ana.tab
      .getByRole('combobox', { name: 'No repeat pairings within' })
      .selectOption({ label: '8 weeks' });
    await ana.tab
      .getByRole('combobox', { name: 'Look ahead' })
      .selectOption({ label: '3 working days' });
    await ana.tab.getByRole('checkbox', { name: 'Mix people across sub-teams' }).check();
    await ana.tab.getByRole('button', { name: 'Start program' }).click();
    await ana.tab
      .getByText('Started “Platform <coffee> ☕”', { exact: false })
      .waitFor({ timeout: 30_000 });
    const card = ana.tab
      .getByRole('group', { name: 'Platform <coffee> ☕' })
      .or(ana.tab.getByLabel('Platform <coffee> ☕'));
    // Starting it did not sign Ana up: consent first.
    await card.getByText('0 taking part').waitFor({ timeout: 30_000 });
    await card.getByText('groups of 3', { exact: false }).waitFor();
    await card.getByText('looks 3 working days ahead', { exact: false }).waitFor();
    await card
      .getByText('no repeat pairings within 8 weeks · mixes sub-teams', { exact: false })
      .waitFor();
    // Sub-teams are said by each person, as they join.
    await card.getByRole('textbox', { name: 'Your sub-team (optional)' }).fill('API <core>');
    await card.getByRole('button', { name: 'Join Platform <coffee> ☕' }).click();
    await card.getByText('You’re in').waitFor({ timeout: 30_000 });
    await expectAccessible(ana.page);

    const ben = await teamTab('ben');
    const bens = ben.tab.getByLabel('Platform <coffee> ☕');
    await bens.getByRole('button', { name: 'Join Platform <coffee> ☕' }).click();
    await bens.getByText('2 taking part').waitFor({ timeout: 30_000 });
    await bens.getByLabel('Snooze until').fill('2026-04-01');
    await bens.getByRole('button', { name: 'Snooze' }).click();
    await bens.getByText('Snoozed until', { exact: false }).waitFor({ timeout: 30_000 });
    await bens.getByText('1 taking part, some snoozed').waitFor();
    await expectAccessible(ben.page);
    await bens.getByRole('button', { name: 'Leave Platform <coffee> ☕' }).click();
    await bens
      .getByRole('button', { name: 'Join Platform <coffee> ☕' })
      .waitFor({ timeout: 30_000 });
    await bens.getByText('1 taking part').waitFor();
    const stored = await host.stack.tenant.graph(
      upnOf(PEOPLE[0] ?? never()),
      'GET',
      `/sites/${SITES.team.id}/lists/SocialPrograms/items?$expand=fields`,
    );
    const program = JSON.parse(
      (stored.body.value as { fields: { Payload: string } }[])[0]?.fields.Payload ?? '{}',
    ) as Program;
    expect(program).toMatchObject({ avoidRepeatWeeks: 8, lookAheadDays: 3, mixSubTeams: true });
    expect(program.members.map((m) => m.subTeam)).toEqual(['API <core>']);
    expect(host.browser.errors).toEqual([]);
    await ana.page.close();
    await ben.page.close();
  }, 120_000);
});
