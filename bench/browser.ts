import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { launchChromiumBrowser } from '../src/local/browser/chromium';

const TEAMS_JS_DOMAINS_URL =
  'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json';
const TEAMS_JS_DOMAINS_FILE = fileURLToPath(
  new URL('../scripts/teams-js-valid-domains.json', import.meta.url),
);

/** Home's meeting cards: an `<li>` in a day's `<ul>`, inside the page's `<main>`. */
export const MEETING_CARD = 'main section ul > li';
/** The host page frames the personal app in this iframe. */
const APP_FRAME = 'iframe.personal-frame';

/** The Home page of Ana's personal app, through the local Teams host. */
export const homeUrl = (base: string): string => `${base}/host.html?person=ana&surface=personal`;

declare global {
  interface Window {
    /** ms from the host page's navigation start to the first frame with a meeting card. */
    __benchFirstCardMs?: number;
  }
}

/**
 * Runs in the host page before its scripts: at every animation frame it looks into the app frame
 * (same-origin, one renderer, one compositor frame) for the first meeting card, and notes the
 * time of the first frame that has one, ms from the host page's navigation start. (Watching from
 * inside the app frame does not work: its first document is about:blank, whose window the app's
 * document takes over, and the init script runs for that blank document only.)
 * A string, not a function: tsx's name-keeping helpers would not exist in the page.
 */
const WATCH_FIRST_CARD = `(() => {
  if (window.top !== window) return;
  const limit = performance.now() + 120000;
  const look = () => {
    const app = document.querySelector(${JSON.stringify(APP_FRAME)});
    const card = app && app.contentDocument && app.contentDocument.querySelector(${JSON.stringify(MEETING_CARD)});
    if (card) window.__benchFirstCardMs = performance.now();
    else if (performance.now() < limit) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();`;

export interface BenchBrowser {
  browser: Browser;
  /** A fresh context: empty HTTP cache, no storage, teams-js's CDN request answered locally. */
  coldContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function launchBenchBrowser(): Promise<BenchBrowser> {
  const browser = await launchChromiumBrowser();
  return {
    browser,
    coldContext: async () => {
      // The tenant's https listener (the MSAL authority) has a self-signed certificate.
      const context = await browser.newContext({ ignoreHTTPSErrors: true });
      await context.route(TEAMS_JS_DOMAINS_URL, (route) =>
        route.fulfill({ path: TEAMS_JS_DOMAINS_FILE, contentType: 'application/json' }),
      );
      await context.addInitScript({ content: WATCH_FIRST_CARD });
      return context;
    },
    close: () => browser.close(),
  };
}

export interface HomeLoad {
  page: Page;
  /** The app's frame inside the host page. */
  app: Frame;
  /** Errors the pages logged, for a readable failure. */
  errors: string[];
}

/** Opens Home through the host page in the context, and waits until a meeting card shows. */
export async function loadHome(
  context: BrowserContext,
  base: string,
  timeoutMs = 60_000,
): Promise<HomeLoad> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(homeUrl(base));
  try {
    await page
      .frameLocator(APP_FRAME)
      .locator(MEETING_CARD)
      .first()
      .waitFor({ state: 'visible', timeout: timeoutMs });
  } catch (err) {
    const text = await page
      .frameLocator(APP_FRAME)
      .locator('body')
      .innerText({ timeout: 1_000 })
      .catch(() => '(no app frame)');
    throw new Error(
      `Home showed no meeting card: ${err instanceof Error ? err.message : String(err)}\n` +
        `App frame says: ${text.slice(0, 500)}\nErrors: ${errors.join('\n') || 'none'}`,
    );
  }
  const handle = await page.locator(APP_FRAME).elementHandle();
  const app = await handle.contentFrame();
  if (!app) throw new Error('The host page has no app frame.');
  return { page, app, errors };
}

/** The first frame that showed a meeting card, in ms from the host page's navigation start. */
export async function firstCardMs(page: Page): Promise<number> {
  await page.waitForFunction(() => window.__benchFirstCardMs !== undefined, undefined, {
    timeout: 5_000,
  });
  return page.evaluate(() => window.__benchFirstCardMs ?? Number.NaN);
}
