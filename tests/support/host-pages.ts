import AxeBuilder from '@axe-core/playwright';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { TEST_NOW } from './local-tenant';
import { launchHostBrowser, startStack, type Browser, type Stack } from './stack';

/**
 * The whole local setup for one browser test file: a fresh local tenant, the app and the local
 * Teams host, and Chromium with its clock at the tenant's "now". Read them inside tests.
 */
export function useHostStack(): { readonly stack: Stack; readonly browser: Browser } {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    stack = await startStack();
    browser = await launchHostBrowser(TEST_NOW);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
  return {
    get stack() {
      if (!stack) throw new Error('The stack starts in beforeAll; read it inside a test.');
      return stack;
    },
    get browser() {
      if (!browser) throw new Error('The browser starts in beforeAll; read it inside a test.');
      return browser;
    },
  };
}

/**
 * Pages of the local Teams host as browser tests open them: one person, one surface, motion off
 * (so axe and clicks see settled UI).
 */
export async function openSurface(
  browser: Browser,
  appUrl: string,
  person: string,
  surface: 'personal' | 'channel',
): Promise<{ page: Page; tab: FrameLocator }> {
  const page = await browser.context.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${appUrl}/host.html?person=${person}&surface=${surface}`);
  return { page, tab: page.frameLocator(`iframe.${surface}-frame`) };
}

/** The channel tab, through its setup page first when the channel has no tab yet, as in Teams. */
export async function openTeamTab(browser: Browser, appUrl: string, person: string) {
  const opened = await openSurface(browser, appUrl, person, 'channel');
  const { page, tab } = opened;
  const heading = tab.getByRole('heading', { name: 'Coffee programs' });
  const setup = page.frameLocator('iframe.setup-frame').getByRole('heading', {
    name: 'Add Rapport to this channel',
  });
  await expect
    .poll(async () => (await heading.isVisible()) || (await setup.isVisible()), { timeout: 60_000 })
    .toBe(true);
  if (await setup.isVisible()) {
    const save = page.getByRole('button', { name: 'Save', exact: true });
    await expect.poll(() => save.isEnabled()).toBe(true);
    await save.click();
  }
  await heading.waitFor({ timeout: 60_000 });
  return opened;
}

/** axe over the whole host page, frames included: no violations. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    // The nodes' HTML says which component it was, where a selector alone would not.
    results.violations.map(
      (v) =>
        `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 200)}`).join(', ')}`,
    ),
  ).toEqual([]);
}
