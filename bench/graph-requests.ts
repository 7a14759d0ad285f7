import { loadHome, type BenchBrowser } from './browser';
import type { Metrics } from './report';
import type { BenchTenant, RequestSummary } from './tenant';

/** The design's ceiling for Home's first screen, whatever the calendar holds. */
export const MAX_HOME_HTTP_REQUESTS = 3;
export const EXTRA_MEETINGS = 500;
/** How many meetings the bench creates at once. */
const CREATE_CONCURRENCY = 20;
/** Home is done when the tenant has seen no new request for this long after the first card. */
const QUIET_MS = 750;

export interface GraphRequestsResult {
  metrics: Metrics;
  /** What each load asked for: method and path of every top-level Graph request. */
  logs: { label: string; summary: RequestSummary }[];
}

/** One cold load of Home; the Graph HTTP requests the tenant saw for it, sub-requests apart. */
async function countHomeRequests(
  bench: BenchBrowser,
  tenant: BenchTenant,
  base: string,
): Promise<RequestSummary> {
  const context = await bench.coldContext();
  try {
    await tenant.resetRequests();
    await loadHome(context, base);
    let last = await tenant.requests();
    for (;;) {
      await new Promise((r) => setTimeout(r, QUIET_MS));
      const now = await tenant.requests();
      if (now.requests.length === last.requests.length) return now;
      last = now;
    }
  } finally {
    await context.close();
  }
}

/**
 * Graph HTTP requests Home's first screen costs, with the seed's calendar and again after 500
 * meetings were added to Ana's next seven days through Graph (`POST /me/events` as Ana).
 */
export async function measureGraphRequests(
  bench: BenchBrowser,
  tenant: BenchTenant,
  base: string,
): Promise<GraphRequestsResult> {
  const seeded = await countHomeRequests(bench, tenant, base);
  await tenant.addMeetings('ana', EXTRA_MEETINGS, CREATE_CONCURRENCY);
  const loaded = await countHomeRequests(bench, tenant, base);
  return {
    metrics: {
      'home.graphHttpRequests': { value: seeded.http, unit: 'requests' },
      'home.graphHttpRequests.with500Meetings': { value: loaded.http, unit: 'requests' },
      'home.graphHttpRequests.growth': {
        value: Math.round((loaded.http / seeded.http) * 100) / 100,
        unit: 'ratio',
      },
    },
    logs: [
      { label: 'default seed', summary: seeded },
      { label: `+${String(EXTRA_MEETINGS)} meetings`, summary: loaded },
    ],
  };
}
