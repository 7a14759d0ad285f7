import { loadHome, MEETING_CARD, type BenchBrowser } from './browser';
import { weekStocker, type WeekStock } from './home-data';
import type { Metrics } from './report';
import type { BenchTenant, RequestSummary } from './tenant';

/** The design's ceiling for Home's first screen, whatever the calendar holds. */
export const MAX_HOME_HTTP_REQUESTS = 3;
/** How many meetings Ana's next seven days hold for each measurement, in this order. */
export const MEETING_COUNTS = [10, 50, 200] as const;
/** Home is done when the tenant has seen no new request for this long after the first card. */
const QUIET_MS = 750;

/** The metric of Home's Graph HTTP requests with `meetings` in the week. */
export const meetingsMetric = (meetings: number): string =>
  `home.graphRequests.meetings${String(meetings)}`;

export interface HomeRequests {
  summary: RequestSummary;
  /** Meeting cards Home showed once the requests had stopped. */
  cards: number;
}

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
): Promise<HomeRequests> {
  const context = await bench.coldContext();
  try {
    await tenant.resetRequests();
    const { app } = await loadHome(context, base);
    let last = await tenant.requests();
    for (;;) {
      await new Promise((r) => setTimeout(r, QUIET_MS));
      const now = await tenant.requests();
      if (now.requests.length === last.requests.length) {
        return { summary: now, cards: await app.locator(MEETING_CARD).count() };
      }
      last = now;
    }
  } finally {
    await context.close();
  }
}

const describeLoad = (stock: WeekStock, cards: number): string =>
  `${String(stock.meetings)} meetings in the week (${String(stock.withExpectations)} with expectations, ` +
  `${String(stock.deliverables)} deliverables of Ana's; Home showed ${String(cards)} cards)`;

/**
 * Graph HTTP requests Home's first screen costs: with the seed's calendar, then with Ana's next
 * seven days filled through Graph to each of `MEETING_COUNTS` meetings, expectations stored for
 * many of them and deliverables owned by her (`weekStocker`), so Home shows all it would.
 */
export async function measureGraphRequests(
  bench: BenchBrowser,
  tenant: BenchTenant,
  base: string,
): Promise<GraphRequestsResult> {
  const seeded = await countHomeRequests(bench, tenant, base);
  const metrics: Metrics = {
    'home.graphHttpRequests': { value: seeded.summary.http, unit: 'requests' },
  };
  const logs = [{ label: `default seed, ${String(seeded.cards)} cards`, summary: seeded.summary }];
  const stocker = weekStocker(tenant);
  for (const meetings of MEETING_COUNTS) {
    const stock = await stocker.fillTo(meetings);
    const load = await countHomeRequests(bench, tenant, base);
    metrics[meetingsMetric(meetings)] = { value: load.summary.http, unit: 'requests' };
    logs.push({ label: describeLoad(stock, load.cards), summary: load.summary });
  }
  const [fewest, most] = [MEETING_COUNTS[0], MEETING_COUNTS[MEETING_COUNTS.length - 1] ?? 0].map(
    (n) => metrics[meetingsMetric(n)]?.value ?? Number.NaN,
  );
  metrics['home.graphRequests.growth'] = {
    value: Math.round(((most ?? Number.NaN) / (fewest ?? Number.NaN)) * 100) / 100,
    unit: 'ratio',
  };
  return { metrics, logs };
}
