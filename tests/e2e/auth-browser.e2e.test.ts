import AxeBuilder from '@axe-core/playwright';
import { existsSync, readFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type TestTenant } from '../support/local-tenant';
import {
  CHROMIUM,
  launchChromium,
  launchChromiumBrowser,
  type LaunchedChromium,
} from '../../src/local/browser/chromium';
import {
  RAPPORT_CLIENT_ID,
  RELAY_API_AUDIENCE,
  RELAY_SCOPE,
} from '../../src/local/tenant/seed/directory';

const root = resolve(import.meta.dirname, '../..');

// Unset when beforeAll failed part way; afterAll cleans up what exists.
let tenant: TestTenant | undefined;
let vite: ViteDevServer | undefined;
let chromium: LaunchedChromium | undefined;
let context: BrowserContext | undefined;
let viteOrigin: string;
const problems: string[] = [];

const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const probe = createNetServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        done(typeof address === 'object' && address ? address.port : 0);
      });
    });
  });

/** Every console error and uncaught exception, from the page and its popups, fails the test. */
function watch(page: Page): void {
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`${page.url()}: ${err.message}`));
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: apt-get update && apt-get install -y chromium`,
    );
  }
  tenant = await startTestTenant({ httpsPort: 0 });
  // auth.html reads its settings as the app does, from RAPPORT_* variables. Vitest has already put
  // env/.env.local's into process.env, which Vite ranks above any .env file: point them here.
  process.env.RAPPORT_CLIENT_ID = RAPPORT_CLIENT_ID;
  process.env.RAPPORT_AUTHORITY = tenant.authority!;
  const port = await freePort();
  vite = await createServer({
    configFile: false,
    root,
    envPrefix: 'RAPPORT_',
    logLevel: 'error',
    cacheDir: join(tmpdir(), 'rapport-vite-auth-e2e'),
    server: { host: '127.0.0.1', port, strictPort: true },
    // Bundled up front: a dependency found mid-test makes Vite reload the page.
    optimizeDeps: {
      entries: ['tests/e2e/fixtures/auth-probe.html', 'auth.html'],
      include: [
        'zod',
        '@azure/msal-browser',
        '@azure/msal-browser/redirect-bridge',
        '@microsoft/teams-js',
      ],
    },
  });
  await vite.listen();
  viteOrigin = `http://127.0.0.1:${String(port)}`;
  // The local tenant's certificate is self-signed; a newcomer's browser asks once instead.
  chromium = await launchChromium({ ignoreHTTPSErrors: true });
  context = chromium.context;
  context.pages().forEach(watch);
  context.on('page', watch);
  // teams-js fetches Microsoft's valid-domains list when it loads; offline, answer it locally.
  const domains = readFileSync(join(root, 'scripts/teams-js-valid-domains.json'), 'utf8');
  await context.route('https://res.cdn.office.net/**', (route) =>
    route.fulfill({ contentType: 'application/json', body: domains }),
  );
});

afterAll(async () => {
  await chromium?.close();
  await vite?.close();
  await tenant?.stop();
});

describe('the browser token provider against the local tenant', { timeout: 120_000 }, () => {
  it('signs in through the sign-in page in a popup and calls Graph with the token', async () => {
    const browser = context!;
    const idp = tenant!;
    const page = browser.pages()[0] ?? (await browser.newPage());
    const probe = new URL(`${viteOrigin}/tests/e2e/fixtures/auth-probe.html`);
    probe.searchParams.set('clientId', RAPPORT_CLIENT_ID);
    probe.searchParams.set('authority', idp.authority!);
    probe.searchParams.set('graph', idp.url);
    probe.searchParams.set('relayScope', `${RELAY_API_AUDIENCE}/${RELAY_SCOPE}`);
    await page.goto(probe.toString());
    const button = page.getByRole('button', { name: 'Sign in' });
    await expect.poll(() => button.isEnabled(), { timeout: 30_000 }).toBe(true);

    const [popup] = await Promise.all([browser.waitForEvent('page'), button.click()]);
    await popup.waitForURL(/\/oauth2\/v2\.0\/authorize/);
    await popup.getByRole('heading', { name: 'Sign in to the Rapport demo tenant' }).waitFor();
    expect(new URL(popup.url()).origin).toBe(idp.httpsUrl);

    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      const axe = await new AxeBuilder({ page: popup }).analyze();
      expect(axe.violations.map((v) => `${colorScheme} ${v.id}: ${v.help}`)).toEqual([]);
    }

    await Promise.all([
      popup.waitForEvent('close', { timeout: 30_000 }),
      popup.getByRole('button', { name: /Ana Ruiz/ }).click(),
    ]);

    const output = page.locator('#result');
    await expect.poll(() => output.textContent(), { timeout: 30_000 }).toMatch(/\S/);
    const result = JSON.parse((await output.textContent()) ?? '{}');
    expect(result.error).toBeUndefined();
    expect(result).toMatchObject({
      before: 'InteractionRequiredError',
      status: 200,
      me: { displayName: 'Ana Ruiz', userPrincipalName: 'ana@rapportdemo.onmicrosoft.com' },
      account: {
        id: '5e3d0000-0000-4000-8000-000000000001',
        username: 'ana@rapportdemo.onmicrosoft.com',
        name: 'Ana Ruiz',
      },
      silentReusesToken: true,
      // MSAL redeemed the refresh token for the second resource, silently and cross-origin.
      relay: { aud: RELAY_API_AUDIENCE, scp: RELAY_SCOPE },
      method: 'browser',
      stored: 0,
    });

    const front = await browser.newPage();
    await front.goto(`${idp.httpsUrl!}/`);
    await front.getByRole('status').waitFor();
    const axe = await new AxeBuilder({ page: front }).analyze();
    expect(axe.violations.map((v) => `front page ${v.id}: ${v.help}`)).toEqual([]);
    await front.close();
    expect(problems).toEqual([]);
  });
});

describe('the Teams auth-popup provider with the real auth page', { timeout: 120_000 }, () => {
  it('signs in through auth.html in a Teams-style popup and hands the token back', async () => {
    const browser = context!;
    const idp = tenant!;
    const page = await browser.newPage();
    const probe = new URL(`${viteOrigin}/tests/e2e/fixtures/auth-probe.html`);
    probe.searchParams.set('mode', 'teams');
    probe.searchParams.set('graph', idp.url);
    await page.goto(probe.toString());
    const button = page.getByRole('button', { name: 'Sign in' });
    await expect.poll(() => button.isEnabled(), { timeout: 30_000 }).toBe(true);

    const [popup] = await Promise.all([browser.waitForEvent('page'), button.click()]);
    expect(new URL(popup.url()).pathname).toBe('/auth.html');
    // The host's login hint names Ana, so the tenant signs her in without showing its page.
    await popup.waitForEvent('close', { timeout: 30_000 });

    const output = page.locator('#result');
    await expect.poll(() => output.textContent(), { timeout: 30_000 }).toMatch(/\S/);
    const result = JSON.parse((await output.textContent()) ?? '{}');
    expect(result.error).toBeUndefined();
    expect(result).toMatchObject({
      before: 'InteractionRequiredError',
      status: 200,
      me: { displayName: 'Ana Ruiz' },
      account: { id: '5e3d0000-0000-4000-8000-000000000001', name: 'Ana Ruiz' },
      silentReusesToken: true,
      method: 'teams-popup',
      stored: 0,
    });
    expect(problems).toEqual([]);
  });
});

describe('a browser that does not trust the local certificate yet', { timeout: 120_000 }, () => {
  it('explains how to accept it instead of failing with an MSAL code', async () => {
    const idp = tenant!;
    const strict = await launchChromiumBrowser({
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
    });
    try {
      const page = await (await strict.newContext()).newPage();
      const probe = new URL(`${viteOrigin}/tests/e2e/fixtures/auth-probe.html`);
      probe.searchParams.set('clientId', RAPPORT_CLIENT_ID);
      probe.searchParams.set('authority', idp.authority!);
      probe.searchParams.set('graph', idp.url);
      await page.goto(probe.toString());
      const button = page.getByRole('button', { name: 'Sign in' });
      await expect.poll(() => button.isEnabled(), { timeout: 30_000 }).toBe(true);
      await button.click();
      const output = page.locator('#result');
      await expect.poll(() => output.textContent(), { timeout: 30_000 }).toMatch(/\S/);
      const result = JSON.parse((await output.textContent()) ?? '{}');
      expect(result.error).toContain(`open ${idp.httpsUrl!}/ once in this browser and accept it`);
    } finally {
      await strict.close();
    }
  });
});
