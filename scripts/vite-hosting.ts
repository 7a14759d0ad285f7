import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { readAppConfig } from '../src/app/config.ts';
import { hostingOriginsFromEnv, securityHeaders } from '../src/hosting/security-headers.ts';
import { HOSTING_CONFIG_FILE, staticWebAppConfig } from '../src/hosting/static-web-app.ts';
import { loadEnv, type EnvName } from './package-env.ts';

/**
 * Production builds (`npm run build -- --mode dev|prod`), one per environment of `env/`. Vite
 * reserves the mode name `local`, so a build against the local tenant (the bench's) is
 * `--mode local-tenant` and reads `env/.env.local`.
 */
export const BUILD_MODES: Readonly<Record<string, EnvName>> = {
  dev: 'dev',
  prod: 'prod',
  'local-tenant': 'local',
};

/**
 *
 * The app's settings come from `env/.env.<mode>` and `env/.env.<mode>.user`, the files the app
 * package reads, and from nothing else: Vite's own loading would also read `env/.env.local` (the
 * local tenant's settings, which Vite takes for "local overrides of every mode") and the shell's
 * RAPPORT_* variables, so a dev or prod build could carry the local tenant's addresses. Only a
 * local-tenant build (the bench's, against a tenant on ports of its own) takes the shell's
 * RAPPORT_* variables over the file's, as the dev server does.
 */
export function buildEnv(
  mode: string,
  envDir = 'env',
  shell: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const name = Object.hasOwn(BUILD_MODES, mode) ? BUILD_MODES[mode] : undefined;
  if (!name) {
    throw new Error(
      `A build is for one environment: npm run build -- --mode ${Object.keys(BUILD_MODES).join('|')} (not '${mode}').`,
    );
  }
  const { values } = loadEnv(name, envDir);
  const overrides = name === 'local' ? shell : {};
  const env = Object.fromEntries(
    Object.entries({ ...values, ...overrides }).filter(
      (e): e is [string, string] => e[0].startsWith('RAPPORT_') && typeof e[1] === 'string',
    ),
  );
  // Fails the build, naming the setting, where the app would fail at its first start.
  readAppConfig(env);
  return env;
}

/** Vite's `envPrefix` in builds: no variable has it, so none of the shell's reaches the app. */
export const BUILD_ENV_PREFIX = 'RAPPORT_BUILD_TAKES_NO_SHELL_VARIABLES_';

/** `define` entries that put an environment's settings in `import.meta.env`. */
export const envDefines = (env: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(env).map(([k, v]) => [`import.meta.env.${k}`, JSON.stringify(v)]),
  );

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>/i;
const EVENT_ATTRIBUTE = /<[a-z][^>]*\son[a-z]+\s*=/i;
const STYLE_ATTRIBUTE = /<[a-z][^>]*\sstyle\s*=/i;
const STYLE_BLOCK = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;

/** Whatever in a built page the policy would refuse, as messages (empty when none). */
export function inlineProblems(fileName: string, html: string): string[] {
  const problems: string[] = [];
  if (INLINE_SCRIPT.test(html)) problems.push(`${fileName} has an inline <script>`);
  if (EVENT_ATTRIBUTE.test(html)) problems.push(`${fileName} has an inline event handler`);
  if (STYLE_ATTRIBUTE.test(html)) problems.push(`${fileName} has a style="" attribute`);
  return problems;
}

/** The CSP hash source of each inline `<style>` block of a page. */
export const styleHashes = (html: string): string[] =>
  [...html.matchAll(STYLE_BLOCK)].map(
    (m) =>
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '', 'utf8')
        .digest('base64')}'`,
  );

/**
 * Checks the built pages (no inline script, event handler or style attribute: the policy would
 * refuse them), hashes their inline `<style>` blocks into `style-src`, and writes the security
 * headers of src/hosting as `staticwebapp.config.json` beside them, which `npm run serve:tab`
 * sends and Azure Static Web Apps reads.
 */
export function hostingPlugin(env: Record<string, string>): Plugin {
  return {
    name: 'rapport-hosting',
    apply: 'build',
    writeBundle(options, bundle) {
      const pages = Object.values(bundle).filter(
        (f) => f.type === 'asset' && f.fileName.endsWith('.html'),
      );
      const problems: string[] = [];
      const hashes: string[] = [];
      for (const page of pages) {
        if (page.type !== 'asset') continue;
        const html =
          typeof page.source === 'string' ? page.source : Buffer.from(page.source).toString('utf8');
        problems.push(...inlineProblems(page.fileName, html));
        hashes.push(...styleHashes(html));
      }
      if (problems.length > 0) {
        this.error(
          `The built pages break the Content-Security-Policy:\n  ${problems.join('\n  ')}`,
        );
      }
      const headers = securityHeaders(hostingOriginsFromEnv(env), { styleHashes: hashes });
      const dir = options.dir ?? 'dist';
      writeFileSync(
        join(dir, HOSTING_CONFIG_FILE),
        `${JSON.stringify(staticWebAppConfig(headers), null, 2)}\n`,
      );
    },
  };
}
