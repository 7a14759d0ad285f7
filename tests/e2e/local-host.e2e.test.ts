import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PEOPLE,
  RAPPORT_CLIENT_ID,
  RELAY_API_AUDIENCE,
  TEAM,
  TENANT_ID,
  upnOf,
} from '../../src/local/tenant/seed/directory';
import type { HostMeeting } from '../../src/local/tenant/controls/routes';
import { startTestTenant, type TestTenant } from '../support/local-tenant';
import { localhostCertificate } from '../../src/local/tenant/identity/tls';
import { launchChromium, type LaunchedChromium } from '../../src/local/browser/chromium';

/**
 * The local Teams host against real teams-js 2.58 and msal-browser 5 in Chromium: a probe page
 * stands in for the app, so this proves the host's side of the protocol on its own.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = fileURLToPath(new URL('./fixtures', import.meta.url));
const PROBE = '/tests/e2e/fixtures/probe.html';

const ana = PEOPLE.find((p) => p.alias === 'ana')!;
const ben = PEOPLE.find((p) => p.alias === 'ben')!;

let tenant: TestTenant;
let vite: ViteDevServer;
let chromium: LaunchedChromium;
let context: BrowserContext;
let base: string;
let workDir: string;
const consoleErrors: string[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

async function startVite(
  name: string,
  https?: { key: string; cert: string },
): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({
    configFile: false,
    root: ROOT,
    envDir: FIXTURES,
    envPrefix: ['VITE_', 'RAPPORT_'],
    cacheDir: join(workDir, `vite-cache-${name}`),
    logLevel: 'error',
    server: {
      host: '127.0.0.1',
      port: await freePort(),
      strictPort: true,
      hmr: false,
      ...(https ? { https } : {}),
    },
    // Bundle the two libraries up front so no mid-test dependency reload restarts a page.
    optimizeDeps: {
      noDiscovery: true,
      include: ['@microsoft/teams-js', '@azure/msal-browser'],
    },
  });
  await server.listen();
  return { server, url: server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '' };
}

beforeAll(async () => {
  tenant = await startTestTenant();
  // Vite exposes RAPPORT_* variables of its process to the pages as import.meta.env.
  process.env.RAPPORT_TENANT_URL = tenant.url;
  workDir = mkdtempSync(join(tmpdir(), 'rapport-host-e2e-'));
  ({ server: vite, url: base } = await startVite('http'));

  // Only the auth popup test's own https server uses a self-signed certificate.
  chromium = await launchChromium({ ignoreHTTPSErrors: true });
  context = chromium.context;
  // teams-js fetches its valid-origins list from Microsoft's CDN when it loads.
  await context.route('https://res.cdn.office.net/**', (route) =>
    route.fulfill({ path: join(FIXTURES, 'validDomains.json'), contentType: 'application/json' }),
  );
  context.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(`${msg.page()?.url() ?? '?'}: ${msg.text()}`);
  });
  context.on('weberror', (err) => {
    consoleErrors.push(`page error: ${err.error().message}`);
  });
}, 120_000);

afterAll(async () => {
  await chromium.close().catch(() => undefined);
  await vite.close().catch(() => undefined);
  await tenant.stop();
  rmSync(workDir, { recursive: true, force: true });
});

const hostUrl = (query: string, origin = base) =>
  `${origin}/host.html?app=${encodeURIComponent(PROBE)}&${query}`;

async function openHost(query: string, origin = base): Promise<Page> {
  const page = await context.newPage();
  await page.goto(hostUrl(query, origin));
  return page;
}

/** A probe result, once the probe has written it. */
async function result(frame: FrameLocator, key: string, timeout = 15_000): Promise<string> {
  const code = frame.locator(`#r-${key}`);
  await code.waitFor({ timeout });
  return (await code.textContent()) ?? '';
}

const json = async (frame: FrameLocator, key: string) => JSON.parse(await result(frame, key));

/** Waits until a probe result reads as expected; Playwright's locators retry, so poll them. */
async function until(frame: FrameLocator, key: string, expected: string): Promise<void> {
  await expect
    .poll(async () => (await frame.locator(`#r-${key}`).count()) > 0 && result(frame, key), {
      timeout: 15_000,
    })
    .toBe(expected);
}

async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

describe('the local Teams host, driving real teams-js', () => {
  it('answers initialize and getContext with the person and the surface', async () => {
    const page = await openHost('person=ben&surface=personal');
    const frame = page.frameLocator('iframe.personal-frame');
    expect(await result(frame, 'init')).toBe('ok');
    const ctx = await json(frame, 'context');
    expect(ctx).toMatchObject({
      frameContext: 'content',
      userId: ben.id,
      upn: upnOf(ben),
      loginHint: upnOf(ben),
      displayName: `${ben.givenName} ${ben.surname}`,
      tenantId: TENANT_ID,
      theme: 'default',
      locale: 'en-us',
      hostName: 'Teams',
      pageId: 'rapport-home',
    });
    expect(ctx.chatId).toBeUndefined();
    expect(ctx.teamId).toBeUndefined();
    expect(ctx.appId.length).toBeGreaterThanOrEqual(5);
    expect(await page.locator('#person').inputValue()).toBe('ben');
    await page.close();
  }, 60_000);

  it('issues NAA tokens the local tenant accepts, per audience, and refuses unknown resources', async () => {
    const page = await openHost('person=ben&surface=personal');
    const frame = page.frameLocator('iframe.personal-frame');
    expect(await result(frame, 'bridge')).toBe('present');
    expect(await result(frame, 'naaRecommended')).toBe('true');
    const token = await json(frame, 'token');
    expect(token).toMatchObject({
      username: upnOf(ben),
      tenantId: TENANT_ID,
      idTokenAud: RAPPORT_CLIENT_ID,
    });
    expect(token.scopes).toContain('User.Read');
    expect(await result(frame, 'me')).toBe(upnOf(ben));
    expect(await result(frame, 'relayAudience')).toBe(RELAY_API_AUDIENCE);
    expect(await result(frame, 'badScope')).toBe('invalid_resource');
    await page.close();
  }, 60_000);

  it('answers an unknown func with an error instead of leaving the app waiting', async () => {
    const page = await openHost('person=ben&surface=personal');
    const frame = page.frameLocator('iframe.personal-frame');
    expect(await result(frame, 'unsupported')).toBe(
      'rejected: Not supported by the local Teams host',
    );
    await page.locator('#log summary').click();
    await expect
      .poll(() => page.locator('#log-list .log-unsupported').allTextContents())
      .toEqual([expect.stringContaining('calendar.openCalendarItem')]);
    await page.close();
  }, 60_000);

  it('switches theme: the app hears themeChange and the host re-themes itself', async () => {
    const page = await openHost('person=ana&surface=personal');
    const frame = page.frameLocator('iframe.personal-frame');
    expect(await result(frame, 'theme')).toBe('default');
    await page.selectOption('#theme', 'dark');
    await until(frame, 'theme', 'dark');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(new URL(page.url()).searchParams.get('theme')).toBe('dark');
    await page.selectOption('#theme', 'contrast');
    await until(frame, 'theme', 'contrast');
    expect(await page.locator('html').getAttribute('data-theme')).toBe('contrast');
    await page.close();
  }, 60_000);

  it('switches person: the frames reload as the chosen person', async () => {
    const page = await openHost('person=ana&surface=personal');
    const frame = page.frameLocator('iframe.personal-frame');
    expect((await json(frame, 'context')).userId).toBe(ana.id);
    await page.selectOption('#person', 'ben');
    await Promise.all([page.waitForURL(/person=ben/), page.click('#session button[type=submit]')]);
    expect((await json(page.frameLocator('iframe.personal-frame'), 'context')).userId).toBe(ben.id);
    await page.close();
  }, 60_000);

  it('with NAA off installs no bridge', async () => {
    const page = await openHost('person=ana&surface=personal&naa=off');
    const frame = page.frameLocator('iframe.personal-frame');
    expect(await result(frame, 'bridge')).toBe('absent');
    expect(await result(frame, 'naaRecommended')).toBe('false');
    expect(await page.locator('#naa').isChecked()).toBe(false);
    await page.close();
  }, 60_000);

  // teams-js 2.58 refuses authentication.authenticate for a non-https page, so this runs the
  // host on its own https server.
  it('signs in through the Teams auth popup (success, failure, closed by the user)', async () => {
    // The local tenant's own localhost certificate (kept in memory here).
    const certificate = await localhostCertificate(undefined);
    const secure = await startVite('https', { key: certificate.key, cert: certificate.cert });
    try {
      const page = await openHost('person=ana&surface=personal&naa=off', secure.url);
      const frame = page.frameLocator('iframe.personal-frame');
      expect(await result(frame, 'bridge')).toBe('absent');

      const [popup] = await Promise.all([
        context.waitForEvent('page'),
        frame.locator('#sign-in').click(),
      ]);
      await until(frame, 'auth', `signed-in:${upnOf(ana)}`);
      // The host closes the popup once it reports back.
      await expect.poll(() => popup.isClosed(), { timeout: 5_000 }).toBe(true);

      await frame.locator('#sign-in-fail').click();
      await until(frame, 'auth', 'error: probe-refused');

      const [waiting] = await Promise.all([
        context.waitForEvent('page'),
        frame.locator('#sign-in-wait').click(),
      ]);
      // The popup's own teams-js talks to its opener, the host, in the authentication context.
      await waiting.locator('#r-frameContext').waitFor({ timeout: 15_000 });
      expect(await waiting.locator('#r-frameContext').textContent()).toBe('authentication');
      await waiting.close();
      await until(frame, 'auth', 'error: CancelledByUser');
      await page.close();
    } finally {
      await secure.server.close();
    }
  }, 90_000);

  it('opens a meeting: side panel context, then share-to-stage opens the stage frame', async () => {
    const meetings = (await (
      await fetch(`${tenant.url}/_local/people/${ana.id}/meetings`)
    ).json()) as HostMeeting[];
    const page = await openHost('person=ana&surface=sidePanel');
    const panel = page.frameLocator('iframe.side-panel-frame');
    const ctx = await json(panel, 'context');
    expect(ctx.frameContext).toBe('sidePanel');
    expect(meetings.map((m) => m.chatId)).toContain(ctx.chatId);
    expect(atob(ctx.meetingId)).toBe(`0#${ctx.chatId as string}#0`);
    expect(await json(panel, 'shareCapability')).toEqual({ doesAppHaveSharePermission: true });
    expect(await page.locator('iframe.stage-frame').count()).toBe(0);

    await panel.locator('#share').click();
    expect(await result(panel, 'share')).toBe('true');
    const stage = page.frameLocator('iframe.stage-frame');
    const stageCtx = await json(stage, 'context');
    expect(stageCtx.frameContext).toBe('meetingStage');
    expect(stageCtx.chatId).toBe(ctx.chatId);
    expect(new URL(page.url()).searchParams.get('stage')).toContain('stage=1');

    await page.getByRole('button', { name: 'Stop sharing' }).click();
    expect(await page.locator('iframe.stage-frame').count()).toBe(0);
    await page.close();
  }, 60_000);

  it('opens the meeting the URL names, in the details tab', async () => {
    const meetings = (await (
      await fetch(`${tenant.url}/_local/people/${ana.id}/meetings`)
    ).json()) as HostMeeting[];
    const oneOnOne = meetings.find((m) => m.subject.includes('1:1'))!;
    const page = await openHost(
      `person=ana&surface=details&meeting=${encodeURIComponent(oneOnOne.chatId)}`,
    );
    const ctx = await json(page.frameLocator('iframe.details-frame'), 'context');
    expect(ctx).toMatchObject({ frameContext: 'content', chatId: oneOnOne.chatId });
    expect(ctx.meetingId).toBeTruthy();
    expect(ctx.teamId).toBeUndefined();
    expect(await page.locator('#meeting').inputValue()).toBe(oneOnOne.chatId);
    await page.close();
  }, 60_000);

  it('sets up the channel tab: Save waits for the app, then shows its contentUrl', async () => {
    const page = await openHost('person=ana&surface=channel');
    // No tab is saved yet, so the channel shows the tab's setup page.
    const setup = page.frameLocator('iframe.setup-frame');
    const ctx = await json(setup, 'context');
    expect(ctx).toMatchObject({
      frameContext: 'settings',
      teamId: TEAM.channelId,
      groupId: TEAM.groupId,
      channelId: TEAM.channelId,
      teamName: TEAM.displayName,
      channelName: TEAM.channelName,
    });
    expect(new URL(page.url()).searchParams.get('surface')).toBe('setup');
    const save = page.getByRole('button', { name: 'Save' });
    await expect.poll(() => save.isEnabled()).toBe(true);
    await save.click();

    const tab = page.frameLocator('iframe.channel-frame');
    const tabCtx = await json(tab, 'context');
    expect(tabCtx).toMatchObject({
      frameContext: 'content',
      teamId: TEAM.channelId,
      channelId: TEAM.channelId,
      pageId: 'probe-tab',
    });
    expect(await json(tab, 'config')).toMatchObject({ entityId: 'probe-tab' });
    expect(await page.locator('iframe.channel-frame').getAttribute('src')).toContain('saved=1');
    expect(new URL(page.url()).searchParams.get('surface')).toBe('channel');

    // The saved tab survives a reload, as a configured tab does.
    await page.reload();
    expect(await page.locator('iframe.channel-frame').getAttribute('src')).toContain('saved=1');
    await page.close();
  }, 60_000);

  it('"host never answers" leaves the app waiting and logs what it ignored', async () => {
    const page = await openHost('person=ana&surface=personal&silent=on');
    const frame = page.frameLocator('iframe.personal-frame');
    await page.locator('#log summary').click();
    await expect
      .poll(() => page.locator('#log-list .log-ignored').allTextContents())
      .toEqual([expect.stringContaining('initialize')]);
    await page.waitForTimeout(1_000);
    expect(await frame.locator('#r-init').count()).toBe(0);
    expect(await page.locator('#silent').isChecked()).toBe(true);
    await page.close();
  }, 60_000);

  it('passes axe with no violations in every theme', async () => {
    for (const [theme, surface] of [
      ['default', 'personal'],
      ['dark', 'sidePanel'],
      ['contrast', 'setup'],
    ] as const) {
      const page = await openHost(`person=ana&surface=${surface}&theme=${theme}`);
      await result(page.locator('iframe.app-frame').first().contentFrame(), 'init');
      await page.locator('#log summary').click();
      expect(await axeViolations(page), `${theme} ${surface}`).toEqual([]);
      await page.close();
    }
  }, 90_000);

  it('logged no console errors on any page', () => {
    expect(consoleErrors).toEqual([]);
  });
});
