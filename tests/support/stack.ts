import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { launchChromium } from '../../src/local/browser/chromium';
import { startLocalRelay } from '../../src/local/relay/local-relay';
import type { RunningRelay } from '../../src/relay/server';
import { builtApp } from './built-app';
import { startBuiltAppServer, type BuiltAppServer } from './built-app-server';
import { startTestTenant, type TestTenant } from './local-tenant';

export { CHROMIUM } from '../../src/local/browser/chromium';

export interface Stack {
  tenant: TestTenant;
  app: BuiltAppServer;
  appUrl: string;
  relay: RunningRelay;
  relayUrl: string;
  stop(): Promise<void>;
}

/**
 * The whole local setup for browser tests: a fresh local tenant on free ports, its relay, and the
 * app with the local Teams and Outlook hosts pointed at them, as `npm start` runs them but served
 * from one build per test run (tests/support/built-app.ts): through the dev server each page
 * load fetched some 230 modules, seconds apiece when two test files share the machine.
 * RAPPORT_E2E_DEV_SERVER=1 serves the app from the dev server instead (dev-app-server.ts).
 */
export async function startStack(
  options: { appHttps?: boolean; now?: string } = {},
): Promise<Stack> {
  const tenant = await startTestTenant({
    httpsPort: 0,
    ...(options.now ? { now: options.now } : {}),
  });
  if (!tenant.authority) throw new Error('the test tenant has no HTTPS authority');
  // The relay must be known before the app is served (its URL goes into the app's files), but
  // the app's origin only once it listens: the relay reads this array per request, so it is
  // filled then.
  const relayOrigins: string[] = [];
  const relay = await startLocalRelay(tenant, { allowedOrigins: relayOrigins });
  const https =
    options.appHttps && tenant.tls ? { key: tenant.tls.key, cert: tenant.tls.cert } : undefined;
  const addresses = { tenant: tenant.url, authority: tenant.authority, relay: relay.url };
  const served = { addresses, ...(https ? { https } : {}) };
  const app =
    process.env.RAPPORT_E2E_DEV_SERVER === '1'
      ? await (await import('./dev-app-server')).startDevAppServer(served)
      : await startBuiltAppServer({ root: await builtApp(), ...served });
  const appUrl = app.url;
  relayOrigins.push(appUrl);
  return {
    tenant,
    app,
    appUrl,
    relay,
    relayUrl: relay.url,
    stop: async () => {
      await app.close();
      await relay.close();
      await tenant.stop();
    },
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far, in every frame. */
  errors: string[];
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const chromium = await launchChromium({ ignoreHTTPSErrors: true });
  const { context } = chromium;
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error') errors.push(`${m.text()} @ ${m.location().url}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  };
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  watch(page);
  return {
    context,
    page,
    errors,
    close: () => chromium.close(),
  };
}

const VALID_DOMAINS = new URL('../../scripts/teams-js-valid-domains.json', import.meta.url);

/**
 * Chromium as the browser tests use it with the local Teams host: its clock set to the tenant's
 * "now" (so "the next 7 days" are the seed's), and teams-js's valid-domains fetch from the CDN
 * answered locally (there is no internet here).
 */
export async function launchHostBrowser(now: string): Promise<Browser> {
  const browser = await launchBrowser();
  await browser.context.clock.install({ time: new Date(now) });
  await browser.context.route('https://res.cdn.office.net/**', (route) =>
    route.fulfill({ path: VALID_DOMAINS.pathname }),
  );
  return browser;
}
