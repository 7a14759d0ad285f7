/**
 * The settings of one environment for the app package and the Entra registrations, read the way
 * the Microsoft 365 Agents Toolkit reads them: `env/.env.<name>` (committed, no secrets), then
 * `env/.env.<name>.user` (git-ignored overrides). `${{VAR}}` placeholders are filled from them.
 *
 * `env/.env.local` belongs to the local run (`npm start`, Vite) and carries no package settings,
 * so for `local` the package-only values default to the local run's: the app served over https
 * on localhost:5173 (`RAPPORT_APP_HTTPS=1 npm start`), with a Teams app id of its own.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const ENV_NAMES = ['local', 'dev', 'prod'] as const;
export type EnvName = (typeof ENV_NAMES)[number];

export const isEnvName = (v: string | undefined): v is EnvName =>
  (ENV_NAMES as readonly string[]).includes(v ?? '');

/** Parses dotenv text: `NAME=value` lines, `#` comments, optional surrounding quotes. */
export function parseDotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m?.[1] || line.trimStart().startsWith('#')) continue;
    const raw = m[2] ?? '';
    out[m[1]] = /^(["']).*\1$/.test(raw) ? raw.slice(1, -1) : raw;
  }
  return out;
}

const LOCAL_APP_URL = 'https://localhost:5173';

/** Package-only values the local run's env file does not carry. */
export const LOCAL_DEFAULTS: Readonly<Record<string, string>> = {
  /** A fixed Teams app id for local sideloading (not used by any other environment). */
  RAPPORT_APP_ID: '5d0c7a9e-1b2f-4c3d-8e4f-5a6b7c8d9e00',
  /** The local Outlook add-in's app id (its own package beside the Teams one). */
  RAPPORT_ADDIN_ID: '6e1d8b0f-2c3a-4d4e-9f5a-6b7c8d9e0f00',
  RAPPORT_APP_URL: LOCAL_APP_URL,
  RAPPORT_APP_DOMAIN: 'localhost:5173',
  RAPPORT_DEVELOPER_NAME: 'Rapport (local)',
  RAPPORT_PRIVACY_URL: `${LOCAL_APP_URL}/`,
  RAPPORT_TERMS_URL: `${LOCAL_APP_URL}/`,
};

export interface LoadedEnv {
  name: EnvName;
  values: Record<string, string>;
  /** The files read, for messages. */
  files: string[];
}

export function loadEnv(name: EnvName, envDir = 'env'): LoadedEnv {
  const files: string[] = [];
  const values: Record<string, string> = name === 'local' ? { ...LOCAL_DEFAULTS } : {};
  for (const file of [`.env.${name}`, `.env.${name}.user`]) {
    const path = join(envDir, file);
    if (!existsSync(path)) continue;
    files.push(path);
    Object.assign(values, parseDotenv(readFileSync(path, 'utf8')));
  }
  if (files.length === 0)
    throw new Error(`No settings for '${name}': ${envDir}/.env.${name} is missing.`);
  return { name, values, files };
}

/** RAPPORT_APP_ID and RAPPORT_ADDIN_ID of every other committed environment, to keep app ids unique. */
export function otherAppIds(name: EnvName, envDir = 'env'): Map<string, string> {
  const ids = new Map<string, string>();
  for (const file of readdirSync(envDir)) {
    const other = /^\.env\.([a-z0-9-]+)$/.exec(file)?.[1];
    if (!other || other === name) continue;
    const values = {
      ...(other === 'local' ? LOCAL_DEFAULTS : {}),
      ...parseDotenv(readFileSync(join(envDir, file), 'utf8')),
    };
    // The Outlook add-in's id too (its own package, scripts/package-addin.ts).
    for (const id of [values.RAPPORT_APP_ID, values.RAPPORT_ADDIN_ID]) {
      if (id) ids.set(id.toLowerCase(), other);
    }
  }
  return ids;
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Fills `${{VAR}}` in every string of a JSON value. Placeholders without a value stay as they
 * are, so validation can name the field that still holds one.
 */
export function fillPlaceholders<T>(value: T, env: Readonly<Record<string, string>>): T {
  if (typeof value === 'string') {
    return value.replace(PLACEHOLDER, (whole, name: string) => env[name] ?? whole) as T;
  }
  if (Array.isArray(value)) return value.map((v: unknown) => fillPlaceholders(v, env)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, fillPlaceholders(v, env)]),
    ) as T;
  }
  return value;
}

/** Placeholder names left in a string. */
export const placeholdersIn = (text: string): string[] =>
  [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');

/** `--name value` from argv. */
export function argValue(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  const inline = argv.find((a) => a.startsWith(`--${name}=`));
  return inline?.slice(name.length + 3);
}
