import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The build writes the tab's response headers into dist/ as an Azure Static Web Apps
 * configuration (learn.microsoft.com/azure/static-web-apps/configuration: `globalHeaders` on every
 * response, `routes[].headers` added for matching routes). `npm run serve:tab` reads the same file,
 * so every host of a build sends the headers computed for that build's environment.
 */
export const HOSTING_CONFIG_FILE = 'staticwebapp.config.json';

/** Hashed bundle files never change under their name; the pages are checked on every load. */
export const ASSET_CACHE = 'public, max-age=31536000, immutable';
export const PAGE_CACHE = 'no-cache';

const configSchema = z.object({
  globalHeaders: z.record(z.string(), z.string()),
  routes: z
    .array(z.object({ route: z.string(), headers: z.record(z.string(), z.string()).optional() }))
    .default([]),
});

export type StaticWebAppConfig = z.infer<typeof configSchema>;

export function staticWebAppConfig(headers: Record<string, string>): StaticWebAppConfig {
  return {
    globalHeaders: { ...headers, 'Cache-Control': PAGE_CACHE },
    routes: [{ route: '/assets/*', headers: { 'Cache-Control': ASSET_CACHE } }],
  };
}

/** The headers a build was made with, from its directory. */
export function readHostingConfig(dir: string): StaticWebAppConfig {
  const path = join(dir, HOSTING_CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(
      `${path} is missing: serve a build of this repository (npm run build -- --mode prod).`,
    );
  }
  return configSchema.parse(JSON.parse(text));
}
