import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, type LaunchedChromium } from '../../src/local/browser/chromium';
import { FRAME_ANCESTORS } from '../../src/hosting/security-headers';
import { HOSTING_CONFIG_FILE } from '../../src/hosting/static-web-app';
import { startTabServer, type RunningTabServer } from '../../src/hosting/tab-server';
import { loadEnv, parseDotenv } from '../../scripts/package-env';
import { inlineProblems } from '../../scripts/vite-hosting';
import { expectAccessible } from '../support/host-pages';

/**
 * The tab as it is hosted: `npm run build -- --mode prod` once, served by the production server
 * (`npm run serve:tab`), opened in Chromium. Checks the build (nothing of the local tenant or the
 * local Teams host in it), the security headers on every response, that both pages boot to their
 * first screen with the policy refusing nothing, and that frame-ancestors lets Microsoft's hosts
 * frame the tab and no one else.
 */

const root = resolve(import.meta.dirname, '../..');
const prod = loadEnv('prod').values;
const local = parseDotenv(readFileSync(join(root, 'env/.env.local'), 'utf8'));
/** Where the tab is pretended to live when a Microsoft host frames it (routed to the server). */
const APP_ORIGIN = new URL(prod.RAPPORT_APP_URL ?? 'https://rapport.contoso.com').origin;
const TEAMS_FRAMER = 'https://teams.microsoft.com/rapport-hosting-test/frame';

let outDir: string | undefined;
let tab: RunningTabServer | undefined;
let framer: Server | undefined;
let framerUrl: string;
let chromium: LaunchedChromium | undefined;
let buildMs = 0;

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: apt-get install -y chromium`);
  }
  outDir = mkdtempSync(join(tmpdir(), 'rapport-dist-'));
  const started = Date.now();
  // The shell's environment goes along on purpose (Vitest has put env/.env.local's values in it):
  // a build must take its settings from env/.env.prod alone.
  await promisify(execFile)(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--mode',
      'prod',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    { cwd: root, env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } },
  );
  buildMs = Date.now() - started;
  tab = await startTabServer({ root: outDir, port: 0 });
  const tabUrl = tab.url;
  // Another origin (another port) that tries to frame the tab.
  framer = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(
      `<!doctype html><title>framer</title><iframe title="Rapport" src="${tabUrl}/"></iframe>`,
    );
  });
  await new Promise<void>((done) => framer!.listen(0, '127.0.0.1', done));
  framerUrl = `http://127.0.0.1:${String((framer.address() as AddressInfo).port)}/`;
  chromium = await launchChromium();
  const context = chromium.context;
  // teams-js fetches Microsoft's valid-domains list when it loads; offline, answer it locally.
  const domains = readFileSync(join(root, 'scripts/teams-js-valid-domains.json'), 'utf8');
  await context.route('https://res.cdn.office.net/**', (route) =>
    route.fulfill({ contentType: 'application/json', body: domains }),
  );
  // A Teams page framing the tab at its https address: both answered here, the tab's responses
  // (headers and all) fetched from the production server.
  await context.route(TEAMS_FRAMER, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>Teams</title><iframe title="Rapport" src="${APP_ORIGIN}/"></iframe>`,
    }),
  );
  await context.route(`${APP_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: `${tabUrl}${url.pathname}${url.search}` });
    await route.fulfill({ response });
  });
  // Every violation the policy reports, in every frame, reaches the console.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
}, 120_000);

afterAll(async () => {
  await chromium?.close();
  await tab?.close();
  await new Promise<void>((done) => {
    if (framer) {
      framer.close(() => {
        done();
      });
    } else done();
  });
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** A fresh page whose console errors and uncaught exceptions are collected. */
async function watchedPage(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return { page, errors };
}

/** The policy's directives by name. */
const directives = (csp: string): Map<string, string[]> =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );

function expectSecurityHeaders(headers: Record<string, string>): void {
  const csp = headers['content-security-policy'] ?? '';
  const d = directives(csp);
  expect(d.get('default-src')).toEqual(["'self'"]);
  expect(d.get('script-src')).toEqual(["'self'"]);
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|\*(?!\.)/);
  expect(d.get('frame-ancestors')).toEqual([...FRAME_ANCESTORS]);
  expect(d.get('object-src')).toEqual(["'none'"]);
  expect(d.get('connect-src')).toEqual(
    expect.arrayContaining([
      "'self'",
      'https://graph.microsoft.com',
      new URL(prod.RAPPORT_AUTHORITY!).origin,
      new URL(prod.RAPPORT_RELAY_URL!).origin,
    ]),
  );
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['strict-transport-security']).toMatch(/^max-age=\d{8,}/);
  expect(headers['permissions-policy']).toMatch(/camera=\(\)/);
  expect(headers['x-frame-options']).toBeUndefined();
}

describe('the production build', () => {
  it('holds the two pages and their headers, no local Teams host', () => {
    const names = readdirSync(outDir!);
    expect(names).toEqual(expect.arrayContaining(['index.html', 'auth.html', HOSTING_CONFIG_FILE]));
    expect(names).not.toContain('host.html');
    console.log(`vite build --mode prod: ${String(buildMs)} ms`);
  });

  it('has no inline script in its pages', () => {
    for (const page of ['index.html', 'auth.html']) {
      expect(inlineProblems(page, readFileSync(join(outDir!, page), 'utf8'))).toEqual([]);
    }
  });

  it('carries nothing of the local tenant: no /_local, no src/local code, no local settings', () => {
    const all = files(outDir!);
    const sources = all
      .filter((f) => f.endsWith('.map'))
      .flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as { sources: string[] }).sources);
    expect(sources.length).toBeGreaterThan(100);
    expect(sources.filter((s) => /(^|\/)(src\/local|scripts|tests)\//.test(s))).toEqual([]);
    const code = all
      .filter((f) => /\.(js|html)$/.test(f))
      .map((f) => ({ file: f.slice(outDir!.length + 1), text: readFileSync(f, 'utf8') }));
    const found = (needle: string) =>
      code.filter((c) => c.text.includes(needle)).map((c) => c.file);
    expect(found('/_local')).toEqual([]);
    // The local tenant's settings (env/.env.local), which Vite alone would load into any build.
    for (const name of [
      'RAPPORT_GRAPH_BASE_URL',
      'RAPPORT_AUTHORITY',
      'RAPPORT_RELAY_URL',
      'RAPPORT_CLIENT_ID',
      'RAPPORT_TENANT_URL',
    ]) {
      const value = local[name];
      if (value) expect(found(value), `${name} of env/.env.local`).toEqual([]);
    }
    expect(found(prod.RAPPORT_CLIENT_ID!).length).toBeGreaterThan(0);
  });
});

describe('the production server', () => {
  it('sends the security headers on every response, pages, assets, 404s', async () => {
    const html = await fetch(`${tab!.url}/`);
    const page = await html.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page)?.[1];
    expect(asset).toBeDefined();
    for (const path of [
      '/',
      '/auth.html',
      asset!,
      '/nope',
      '/assets/nope.js',
      `/${HOSTING_CONFIG_FILE}`,
    ]) {
      const res = await fetch(`${tab!.url}${path}`);
      await res.arrayBuffer();
      expectSecurityHeaders(Object.fromEntries(res.headers));
      const expected = path === '/' || path === '/auth.html' || path === asset ? 200 : 404;
      expect(res.status, path).toBe(expected);
    }
    const js = await fetch(`${tab!.url}${asset!}`);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.headers.get('cache-control')).toMatch(/immutable/);
    expect(html.headers.get('cache-control')).toBe('no-cache');
    const post = await fetch(`${tab!.url}/`, { method: 'POST' });
    expect(post.status).toBe(404);
    expectSecurityHeaders(Object.fromEntries(post.headers));
  });
});

describe('the tab in Chromium under its policy', { timeout: 120_000 }, () => {
  it('boots to the sign-in screen outside Teams with nothing refused, styled, accessible', async () => {
    const { page, errors } = await watchedPage(chromium!.context);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const response = await page.goto(`${tab!.url}/`);
    expectSecurityHeaders(response!.headers());
    await page.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: 30_000 });
    await page.getByText('Sign in so Rapport can show your meetings.').waitFor();
    // Fluent's styles went in through the empty <style> elements the policy allows.
    const buckets = await page.evaluate(() =>
      [...document.querySelectorAll('style')].map((s) => s.sheet?.cssRules.length ?? -1),
    );
    expect(buckets.length).toBeGreaterThan(3);
    expect(buckets.filter((n) => n <= 0)).toEqual([]);
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens the sign-in page outside Teams with nothing refused', async () => {
    const { page, errors } = await watchedPage(chromium!.context);
    const response = await page.goto(`${tab!.url}/auth.html`);
    expectSecurityHeaders(response!.headers());
    await page
      .getByText('This page signs you in to Rapport from inside Teams.', { exact: false })
      .waitFor({ timeout: 30_000 });
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  /** The framed document once it settled: its URL and whether the app's page is in it. */
  async function framed(page: Page): Promise<{ url: string; app: boolean }> {
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    if (!frame) throw new Error('no frame');
    await frame.waitForLoadState('load');
    const app = (f: Frame) => f.evaluate(() => document.getElementById('root') !== null);
    return { url: frame.url(), app: await app(frame).catch(() => false) };
  }

  it('refuses to be framed by another origin (frame-ancestors)', async () => {
    const { page, errors } = await watchedPage(chromium!.context);
    await page.goto(framerUrl);
    const result = await framed(page);
    expect(result.app).toBe(false);
    await expect.poll(() => errors.join('\n')).toMatch(/frame-ancestors/);
    await page.close();
  });

  it('is framed by Teams (https://teams.microsoft.com) and starts there', async () => {
    const { page, errors } = await watchedPage(chromium!.context);
    await page.goto(TEAMS_FRAMER);
    const result = await framed(page);
    expect(result.url).toBe(`${APP_ORIGIN}/`);
    expect(result.app).toBe(true);
    // The shell paints at once; the app then waits for this pretend host, which never answers.
    const frame = page.frameLocator('iframe');
    await frame.locator('#root *').first().waitFor({ timeout: 30_000 });
    expect(errors.filter((e) => /CSP|Content Security Policy|Refused/i.test(e))).toEqual([]);
    await page.close();
  });
});
