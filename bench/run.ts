// `npm run bench`: builds the app, serves the build, and measures Home in Chromium against a
// fresh in-memory local tenant. Writes bench/results.json and prints the same as a table; exits
// non-zero when Home's initial JS and CSS is over its budget, or when Home's first screen costs
// more Graph HTTP requests than the design allows or grows with the meetings.
import { SITES } from '../src/local/tenant/seed/directory';
import { buildApp, servePreview, type BuiltApp, type Preview } from './build-app';
import { launchBenchBrowser, type BenchBrowser } from './browser';
import { INITIAL_BUDGET_BYTES, measureBundle } from './bundle';
import {
  measureGraphRequests,
  MAX_HOME_HTTP_REQUESTS,
  MEETING_COUNTS,
  meetingsMetric,
} from './graph-requests';
import { GRAPH_LATENCY_MS, measureHomeRender, RENDER_RUNS } from './home-render';
import { measurePlanner } from './planner';
import { measureRelayLoad, RELAY_DUPLICATES, RELAY_VOTERS } from './relay-load';
import { RESULTS_FILE, table, writeResults, type Metrics } from './report';
import { startBenchTenant, type BenchTenant } from './tenant';

const started = Date.now();
const step = (text: string) => {
  console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)}s] ${text}`);
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

let tenant: BenchTenant | undefined;
let built: BuiltApp | undefined;
let server: Preview | undefined;
let chromium: BenchBrowser | undefined;
let overBudget = false;
let overRequests = false;

try {
  step('starting the local tenant (in memory, real clock)');
  tenant = await startBenchTenant();

  step('building the app and the local host (vite build)');
  built = await buildApp({
    RAPPORT_GRAPH_BASE_URL: `${tenant.url}/v1.0`,
    RAPPORT_TENANT_URL: tenant.url,
    RAPPORT_TEAM_SITE_ID: SITES.team.id,
    ...(tenant.tenant.authority ? { RAPPORT_AUTHORITY: tenant.tenant.authority } : {}),
  });
  server = await servePreview(built.outDir);
  chromium = await launchBenchBrowser();
  step(`serving the build at ${server.url}`);

  const metrics: Metrics = {};

  step('bundle: one cold load, weighing what the app frame fetched');
  const bundle = await measureBundle(chromium, server.url, built.outDir);
  Object.assign(metrics, bundle.metrics);

  step(
    `first render: ${String(RENDER_RUNS)} cold loads, ${String(GRAPH_LATENCY_MS)} ms Graph latency`,
  );
  const render = await measureHomeRender(chromium, tenant, server.url);

  // Last: it fills Ana's calendar.
  step(
    `graph requests: default seed, then ${MEETING_COUNTS.join(', ')} meetings in Ana's next 7 days`,
  );
  const graph = await measureGraphRequests(chromium, tenant, server.url);
  Object.assign(metrics, render.metrics, graph.metrics);

  step('planner: social slots for 100, 1,000 and 10,000 people, beside the naive baseline');
  Object.assign(metrics, await measurePlanner());

  step(
    `relay: ${String(RELAY_VOTERS)} concurrent voters on one poll plus ${String(RELAY_DUPLICATES)} duplicate votes, on loopback`,
  );
  Object.assign(metrics, await measureRelayLoad());

  writeResults(metrics);
  step('done');

  console.log(
    `\nFiles the app frame loaded, in request order (gzip -9 each; app frame FCP at ${bundle.firstPaintMs.toFixed(0)} ms):`,
  );
  for (const f of bundle.files) {
    const when = f.startMs === undefined ? '     ?' : `${f.startMs.toFixed(0).padStart(4)} ms`;
    const notes = [
      f.initial ? 'before FCP' : 'after FCP',
      ...(f.entry ? ['in index.html'] : []),
      ...(f.fromMemoryCache ? ['memory cache: built file weighed'] : []),
    ];
    console.log(
      `  ${when}  ${kb(f.gzipBytes).padStart(9)}  (${kb(f.rawBytes).padStart(9)} raw)  ${f.path}  [${notes.join(', ')}]`,
    );
  }
  console.log(`\nFirst render runs (ms): ${render.runsMs.map((ms) => ms.toFixed(0)).join(', ')}`);
  for (const { label, summary } of graph.logs) {
    console.log(
      `Graph requests, ${label}: ${String(summary.http)} HTTP, ${String(summary.batched)} in batches`,
    );
    for (const r of summary.requests.filter((q) => !q.batched)) {
      console.log(`  ${r.method} ${r.path.length > 110 ? `${r.path.slice(0, 107)}...` : r.path}`);
    }
  }

  console.log(`\n${table(metrics)}\n`);
  const initial = metrics['bundle.home.initialJsGzipBytes']?.value ?? Number.NaN;
  overBudget = bundle.overBudget;
  console.log(
    `${overBudget ? 'FAIL' : 'PASS'}  bundle.home.initialJsGzipBytes ${kb(initial)} of the ${kb(INITIAL_BUDGET_BYTES)} budget`,
  );
  const seeded = metrics['home.graphHttpRequests']?.value ?? Number.NaN;
  const counts = MEETING_COUNTS.map((n) => metrics[meetingsMetric(n)]?.value ?? Number.NaN);
  const holds =
    seeded <= MAX_HOME_HTTP_REQUESTS &&
    counts.every((c) => c <= MAX_HOME_HTTP_REQUESTS) &&
    (counts.at(-1) ?? Number.NaN) <= (counts[0] ?? Number.NaN);
  overRequests = !holds;
  const measured = counts.map((c, i) => `${String(c)} with ${String(MEETING_COUNTS[i])} meetings`);
  console.log(
    `${holds ? 'PASS' : 'FAIL'}  Home's Graph HTTP requests: ${String(seeded)} with the seed, ${measured.join(', ')} (design: at most ${String(MAX_HOME_HTTP_REQUESTS)}, not growing)`,
  );
  console.log(`Results written to ${RESULTS_FILE.pathname}`);
} catch (err) {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
} finally {
  await chromium?.close().catch(() => undefined);
  await server?.close().catch(() => undefined);
  await tenant?.stop().catch(() => undefined);
  built?.remove();
}
if (overBudget || overRequests) process.exitCode = 1;
