import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

const ROOT = resolve(import.meta.dirname, '../..');
const CACHE = join(ROOT, 'node_modules/.cache/rapport-e2e');

/** Everything the test build reads, besides node_modules (package-lock.json stands for it). */
const INPUTS = [
  'src',
  'public',
  'scripts',
  'env/.env.local',
  'index.html',
  'auth.html',
  'addin.html',
  'host.html',
  'outlook-host.html',
  'package-lock.json',
  'vite.e2e.config.ts',
  'tests/support/built-app-settings.ts',
];

/** A build left by a crashed run holds its lock no longer than any build takes. */
const STALE_LOCK_MS = 5 * 60_000;
/** Builds not asked for this long (a test file takes minutes), which no run still serves. */
const UNUSED_BUILD_MS = 30 * 60_000;

function sourceHash(): string {
  const hash = createHash('sha256');
  const add = (path: string): void => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) add(join(path, entry));
      return;
    }
    hash.update(relative(ROOT, path)).update('\0').update(readFileSync(path)).update('\0');
  };
  for (const input of INPUTS) add(join(ROOT, input));
  return hash.digest('hex').slice(0, 16);
}

async function build(outDir: string): Promise<number> {
  const started = Date.now();
  // A development build (import.meta.env.DEV, React's checks), whatever Vitest set NODE_ENV to.
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
  };
  await promisify(execFile)(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'vite.e2e.config.ts',
      '--mode',
      'development',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 },
  );
  return Date.now() - started;
}

function removeOldBuilds(keep: string): void {
  for (const entry of readdirSync(CACHE)) {
    const path = join(CACHE, entry);
    if (entry === keep || entry.endsWith('.lock')) continue;
    // Another run may be removing it too.
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > UNUSED_BUILD_MS) {
      rmSync(path, { recursive: true, force: true });
    }
  }
}

/**
 * The directory of the browser tests' build (vite.e2e.config.ts) of the current sources. The
 * first test file of a run to ask builds it; the other Vitest worker waits for that build (a
 * lock directory beside it) instead of making its own, and later runs reuse it while no source
 * changed.
 */
export async function builtApp(): Promise<string> {
  const key = sourceHash();
  const dir = join(CACHE, key);
  const lock = `${dir}.lock`;
  mkdirSync(CACHE, { recursive: true });
  for (;;) {
    if (existsSync(dir)) {
      // Its time of last use, so that other runs' clean-up leaves it alone while it is served.
      const now = new Date();
      utimesSync(dir, now, now);
      return dir;
    }
    try {
      mkdirSync(lock);
    } catch {
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) {
        rmSync(lock, { recursive: true, force: true });
      }
      await sleep(250);
      continue;
    }
    try {
      if (existsSync(dir)) return dir;
      // Built beside and renamed: a waiter never sees half a build.
      const partial = `${dir}.partial-${String(process.pid)}`;
      let ms: number;
      try {
        ms = await build(partial);
      } catch (err) {
        rmSync(partial, { recursive: true, force: true });
        throw err;
      }
      renameSync(partial, dir);
      console.log(`browser tests' build of the app (vite.e2e.config.ts): ${String(ms)} ms`);
      removeOldBuilds(key);
      return dir;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
