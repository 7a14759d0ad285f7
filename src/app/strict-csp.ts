/**
 * Imported first by each page's entry, before anything that builds a zod schema.
 *
 * zod compiles object parsers with `new Function` where eval is allowed, and finds out by trying
 * `Function('')` when the first object schema is built. Under the tab's Content-Security-Policy
 * (no 'unsafe-eval', src/hosting/security-headers.ts) that try is refused and reported as a
 * violation, although zod catches it. `jitless` skips the try and the compiled parsers; zod
 * reads its settings from this global (zod/v4/core: `globalConfig`), so the entries need not
 * load zod itself to set it. tests/e2e/hosting.e2e.test.ts opens both built pages under the
 * policy and fails on any violation, should the bundler ever run a schema's chunk first.
 */
const holder = globalThis as { __zod_globalConfig?: Record<string, unknown> };
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };

export {};
