import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type LaunchOptions } from 'playwright-core';

/**
 * The one way tests and the bench start Chromium: headless, quiet (no first-run, sync, component
 * updates or background traffic) and sandbox-free for containers. Dev tooling; nothing in the
 * product imports it.
 */

/** The Chromium binary: `RAPPORT_CHROMIUM`, else Debian's. */
export const CHROMIUM = process.env.RAPPORT_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A caller's own settings (ignoreHTTPSErrors, viewport, …); they win over the defaults. */
export type ChromiumContextOptions = NonNullable<
  Parameters<typeof chromium.launchPersistentContext>[1]
>;

export interface LaunchedChromium {
  /** A persistent context in a fresh temporary profile. */
  context: BrowserContext;
  profileDir: string;
  /** Closes the browser and removes the profile. */
  close(): Promise<void>;
}

const defaults = () => ({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS] });

export async function launchChromium(
  options: ChromiumContextOptions = {},
): Promise<LaunchedChromium> {
  const profileDir = mkdtempSync(join(tmpdir(), 'rapport-chromium-'));
  const removeProfile = () => {
    rmSync(profileDir, { recursive: true, force: true });
  };
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, { ...defaults(), ...options });
  } catch (err) {
    removeProfile();
    throw err;
  }
  return {
    context,
    profileDir,
    close: async () => {
      try {
        await context.close();
      } finally {
        removeProfile();
      }
    },
  };
}

/**
 * The same Chromium as a plain browser, for callers that need many fresh contexts (each with an
 * empty cache and storage) rather than one persistent profile.
 */
export function launchChromiumBrowser(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ ...defaults(), ...options });
}
