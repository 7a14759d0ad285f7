import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Frame, Response } from 'playwright-core';
import { loadHome, type BenchBrowser } from './browser';
import type { Metrics } from './report';

/** The design's budget for what Home needs before its shell paints. */
export const INITIAL_BUDGET_BYTES = 150 * 1024;

export interface BundleFile {
  path: string;
  rawBytes: number;
  gzipBytes: number;
  /** Requested before the app frame's first contentful paint. */
  initial: boolean;
  /** The frame got it from the browser's memory cache; weighed from the built file. */
  fromMemoryCache: boolean;
  /** Referenced by the built index.html itself (entry script, modulepreload, stylesheet). */
  entry: boolean;
  /** When the app frame asked for it, on the frame's clock (ms); undefined if not in its timing. */
  startMs: number | undefined;
}

export interface BundleResult {
  metrics: Metrics;
  files: BundleFile[];
  /** The app frame's first contentful paint, on the frame's clock (ms). */
  firstPaintMs: number;
  overBudget: boolean;
}

const isScriptOrStyle = (pathname: string): boolean => /\.(m?js|css)$/.test(pathname);

const gzipBytes = (body: Buffer): number => gzipSync(body, { level: 9 }).length;

/** Paint and resource timings of the app frame, read in the frame itself. */
interface FrameTimings {
  firstPaint: number | undefined;
  resources: { name: string; startTime: number }[];
}

/**
 * Loads the built app cold through the built host page and weighs what the app frame fetched:
 * every JS and CSS response it got is recorded; those whose request started before the frame's
 * first contentful paint (the shell with its "Starting Rapport…" spinner) are the initial set.
 * Each file is gzipped at level 9 on its own, as a server would send it, and the sizes summed.
 */
export async function measureBundle(
  bench: BenchBrowser,
  base: string,
  outDir: string,
): Promise<BundleResult> {
  const context = await bench.coldContext();
  try {
    const bodies = new Map<string, Buffer>();
    const pending: Promise<void>[] = [];
    context.on('response', (response: Response) => {
      const frame = response.request().frame();
      const url = new URL(response.url());
      if (frame.parentFrame() === null || !isScriptOrStyle(url.pathname)) return;
      pending.push(
        response.body().then(
          (body) => {
            bodies.set(url.pathname, body);
          },
          () => undefined,
        ),
      );
    });

    const { app } = await loadHome(context, base);
    await Promise.all(pending);
    const timings = await frameTimings(app);
    if (timings.firstPaint === undefined) {
      throw new Error('The app frame reported no first-contentful-paint.');
    }
    const firstPaint = timings.firstPaint;
    const startMs = new Map<string, number>();
    for (const r of timings.resources) {
      const path = new URL(r.name).pathname;
      if (isScriptOrStyle(path))
        startMs.set(path, Math.min(r.startTime, startMs.get(path) ?? r.startTime));
    }
    const entryFiles = entryOf(outDir);

    // The frame's own resource timing lists everything it asked for, including modules the
    // browser handed it from its memory cache (the host page, same-origin here, had fetched
    // them), which produce no network response: those are weighed from the built files.
    const requested = new Set([...bodies.keys(), ...startMs.keys()]);
    const files: BundleFile[] = [...requested]
      .map((path) => {
        const recorded = bodies.get(path);
        const body = recorded ?? readFileSync(join(outDir, path));
        return {
          path,
          rawBytes: body.length,
          gzipBytes: gzipBytes(body),
          initial: (startMs.get(path) ?? Number.POSITIVE_INFINITY) < firstPaint,
          fromMemoryCache: recorded === undefined,
          entry: entryFiles.has(path),
          startMs: startMs.get(path),
        };
      })
      .sort(
        (a, b) =>
          (a.startMs ?? Number.POSITIVE_INFINITY) - (b.startMs ?? Number.POSITIVE_INFINITY) ||
          b.gzipBytes - a.gzipBytes,
      );

    const initial = files.filter((f) => f.initial).reduce((sum, f) => sum + f.gzipBytes, 0);
    const total = files.reduce((sum, f) => sum + f.gzipBytes, 0);
    const entry = files.filter((f) => f.entry).reduce((sum, f) => sum + f.gzipBytes, 0);
    return {
      metrics: {
        'bundle.home.initialJsGzipBytes': { value: initial, unit: 'bytes' },
        'bundle.home.totalJsGzipBytes': { value: total, unit: 'bytes' },
        'bundle.home.entryJsGzipBytes': { value: entry, unit: 'bytes' },
      },
      files,
      firstPaintMs: firstPaint,
      overBudget: initial > INITIAL_BUDGET_BYTES,
    };
  } finally {
    await context.close();
  }
}

/** The scripts and stylesheets the built index.html references: what the shell cannot paint without. */
function entryOf(outDir: string): Set<string> {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
  return new Set(refs.map((r) => new URL(r, 'http://app/').pathname).filter(isScriptOrStyle));
}

function frameTimings(app: Frame): Promise<FrameTimings> {
  return app.evaluate(() => ({
    firstPaint: performance
      .getEntriesByType('paint')
      .find((e) => e.name === 'first-contentful-paint')?.startTime,
    resources: performance
      .getEntriesByType('resource')
      .map((e) => ({ name: e.name, startTime: e.startTime })),
  }));
}
