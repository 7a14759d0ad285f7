import { firstCardMs, loadHome, type BenchBrowser } from './browser';
import { median, type Metrics } from './report';
import type { BenchTenant } from './tenant';

export const RENDER_RUNS = 9;
export const GRAPH_LATENCY_MS = 150;

export interface RenderResult {
  metrics: Metrics;
  runsMs: number[];
}

/**
 * Home's first render, cold: each run opens the built host page in a new browser context (empty
 * cache, no stored tokens) and times from the host page's navigation start to the first frame
 * that shows a meeting card in the app frame. Every Graph HTTP request pays the injected latency;
 * `$batch` sub-requests do not pay it again (`inBatch: false`), as they share their batch's trip.
 */
export async function measureHomeRender(
  bench: BenchBrowser,
  tenant: BenchTenant,
  base: string,
): Promise<RenderResult> {
  await tenant.addLatency(GRAPH_LATENCY_MS, false);
  const runsMs: number[] = [];
  try {
    for (let run = 0; run < RENDER_RUNS; run += 1) {
      const context = await bench.coldContext();
      try {
        const { page } = await loadHome(context, base);
        runsMs.push(await firstCardMs(page));
      } finally {
        await context.close();
      }
    }
  } finally {
    await tenant.clearFaults();
  }
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    metrics: {
      'home.firstRenderMs': { value: round(median(runsMs)), unit: 'ms' },
      'home.firstRenderMs.min': { value: round(Math.min(...runsMs)), unit: 'ms' },
      'home.firstRenderMs.max': { value: round(Math.max(...runsMs)), unit: 'ms' },
    },
    runsMs,
  };
}
