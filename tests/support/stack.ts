import { createServer, type ViteDevServer } from 'vite';
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { launchChromium } from '../../src/local/browser/chromium';
import { startLocalRelay } from '../../src/local/relay/local-relay';
import type { RunningRelay } from '../../src/relay/server';
import { startTestTenant, type TestTenant } from './local-tenant';

export { CHROMIUM } from '../../src/local/browser/chromium';

export interface Stack {
  tenant: TestTenant;
  vite: ViteDevServer;
  appUrl: string;
  relay: RunningRelay;
  relayUrl: string;
  stop(): Promise<void>;
}

/**
 * The whole local setup for browser tests: a fresh local tenant on free ports and the Vite dev
 * server (app + local Teams host) pointed at it, as `npm start` runs them.
 */
export async function startStack(
  options: { appHttps?: boolean; now?: string } = {},
): Promise<Stack> {
  const tenant = await startTestTenant({
    httpsPort: 0,
    ...(options.now ? { now: options.now } : {}),
  });
  // Values already in the environment win over env/.env.local (Vite's rule).
  process.env.RAPPORT_GRAPH_BASE_URL = `${tenant.url}/v1.0`;
  process.env.RAPPORT_TENANT_URL = tenant.url;
  if (tenant.authority) process.env.RAPPORT_AUTHORITY = tenant.authority;
  // The relay must be known before Vite starts (its URL goes into the app's env), but the app's
  // origin only once Vite listens: the relay reads this array per request, so it is filled then.
  const relayOrigins: string[] = [];
  const relay = await startLocalRelay(tenant, { allowedOrigins: relayOrigins });
  process.env.RAPPORT_RELAY_URL = relay.url;
  const https =
    options.appHttps && tenant.tls ? { key: tenant.tls.key, cert: tenant.tls.cert } : undefined;
  const vite = await createServer({
    server: {
      port: 0,
      host: https ? 'localhost' : '127.0.0.1',
      ...(https ? { https } : {}),
      // Nothing watched (`null` would be dropped when merged with vite.config.ts): a source file
      // saved while a test runs would reload its open tabs (state gone, queries refetched),
      // failing steps that have nothing to do with the change.
      watch: { ignored: () => true },
    },
    logLevel: 'error',
    clearScreen: false,
  });
  await vite.listen();
  const address = vite.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('vite did not listen');
  const appUrl = https
    ? `https://localhost:${String(address.port)}`
    : `http://127.0.0.1:${String(address.port)}`;
  relayOrigins.push(appUrl);
  return {
    tenant,
    vite,
    appUrl,
    relay,
    relayUrl: relay.url,
    stop: async () => {
      await vite.close();
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
