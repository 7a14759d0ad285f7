import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TEST_NOW } from '../support/local-tenant';
import { launchHostBrowser, startStack, type Browser, type Stack } from '../support/stack';

/** Coffee programs in the channel tab through the local Teams host: consent first. */
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack();
  browser = await launchHostBrowser(TEST_NOW);
}, 120_000);

afterAll(async () => {
  await browser.close();
  await stack.stop();
});

async function teamTab(person: string) {
  const page = await browser.context.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${stack.appUrl}/host.html?person=${person}&surface=channel`);
  const tab = page.frameLocator('iframe.channel-frame');
  const heading = tab.getByRole('heading', { name: 'Coffee programs' });
  // A channel without the tab yet goes through its setup page first, as in Teams.
  const setup = page.frameLocator('iframe.setup-frame').getByRole('heading', {
    name: 'Add Rapport to this channel',
  });
  await expect
    .poll(async () => (await heading.isVisible()) || (await setup.isVisible()), { timeout: 30_000 })
    .toBe(true);
  if (await setup.isVisible()) {
    const save = page.getByRole('button', { name: 'Save', exact: true });
    await expect.poll(() => save.isEnabled()).toBe(true);
    await save.click();
  }
  await heading.waitFor({ timeout: 30_000 });
  return { page, tab };
}

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

describe('coffee programs in the channel tab', () => {
  it('a member starts one; people join, snooze and leave on their own', async () => {
    const ana = await teamTab('ana');
    await ana.tab.getByRole('button', { name: 'Start program' }).click();
    await ana.tab.getByText('Give the program a name.').waitFor();
    await ana.tab.getByRole('textbox', { name: 'Program name' }).fill('Platform <coffee> ☕');
    await ana.tab.getByRole('combobox', { name: 'Group size' }).selectOption({ label: '3 people' });
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
    expect(browser.errors).toEqual([]);
    await ana.page.close();
    await ben.page.close();
  }, 120_000);
});
