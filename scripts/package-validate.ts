/**
 * Offline validation of the Teams app package, before it is zipped. Every problem names the
 * file and the field, as "manifest.json validDomains: …". Checks, in order:
 * - placeholders: no `${{VAR}}` is left after filling from the environment;
 * - the official JSON schema of the manifest's version (bundled with @microsoft/app-manifest),
 *   for manifest.json and each localization file, and that version is the newest stable one the
 *   package ships;
 * - length limits (name, description, developer name, tab names), in words a person can act on;
 * - the id: a GUID, not the nil GUID, and no other environment's app id;
 * - https for every URL, and every tab URL's host in validDomains (also the NAA redirect's);
 * - sign-in: webApplicationInfo.nestedAppAuthInfo asks for exactly the scope table, in its order;
 *   the meeting stage RSC permissions are there;
 * - no `extensions` (an Office add-in makes the Teams admin center refuse the package);
 * - icons: color 192×192 on a solid or fully transparent background (the 48 px border is one
 *   colour), outline 32×32 with every pixel pure white or fully transparent;
 * - localization files exist, and the default language file matches the manifest's strings.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { graphScopeUris } from '../src/graph/scopes';
import { decodePng } from './package-png';
import { fillPlaceholders, placeholdersIn } from './package-env';

type Json = Record<string, unknown>;

export interface PackageInput {
  /** The folder holding manifest.json, the icons and the localization files. */
  sourceDir: string;
  /** The environment's values, to fill `${{VAR}}`. */
  env: Readonly<Record<string, string>>;
  /** Where the values came from, for messages (e.g. "env/.env.dev"). */
  envLabel: string;
  /** App ids used by other environments (lower-case id → environment name). */
  otherAppIds?: ReadonlyMap<string, string>;
}

export interface ValidatedPackage {
  problems: string[];
  /** The files to zip (name → bytes), with placeholders filled. */
  files: Map<string, Buffer>;
}

/** The RSC permissions the meeting stage needs (share to stage in chat and channel meetings). */
export const REQUIRED_RSC = ['MeetingStage.Write.Chat', 'ChannelMeetingStage.Write.Group'];

/** Limits the schema also states, repeated here for messages that say what to shorten. */
const LENGTH_LIMITS: ReadonlyArray<readonly [string, number]> = [
  ['name.short', 30],
  ['name.full', 100],
  ['description.short', 80],
  ['description.full', 4000],
  ['developer.name', 32],
];

const schemaRoot = join(
  dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json')),
  'build/json-schemas/teams',
);

/** The newest stable manifest version whose schema @microsoft/app-manifest ships, e.g. "1.30". */
export function newestManifestVersion(): string {
  const versions = readdirSync(schemaRoot)
    .map((d) => /^v(\d+)\.(\d+)$/.exec(d))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [Number(m[1]), Number(m[2])] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const newest = versions.at(-1);
  if (!newest) throw new Error(`No manifest schemas in ${schemaRoot}`);
  return `${String(newest[0])}.${String(newest[1])}`;
}

// The schemas' patterns are written for plain (non-unicode) regular expressions.
const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv, ['uri', 'email', 'regex']);

export type Validator = ValidateFunction & { schemaFile: string };
const compiled = new Map<string, Validator>();

/** The bundled schema `file` of a manifest version, compiled once. */
export function loadSchema(version: string, file: string): Validator | undefined {
  const path = join(schemaRoot, `v${version}`, file);
  if (!existsSync(path)) return undefined;
  let validate = compiled.get(path);
  if (!validate) {
    validate = Object.assign(ajv.compile(JSON.parse(readFileSync(path, 'utf8')) as Json), {
      schemaFile: path,
    });
    compiled.set(path, validate);
  }
  return validate;
}

/** "/staticTabs/0/contentUrl" → "staticTabs[0].contentUrl". */
function fieldOf(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

/** The official schema's verdict (draft-04, as @microsoft/app-manifest itself runs it). */
export function schemaProblems(file: string, doc: Json, validate: Validator): string[] {
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((e) => {
    const params = e.params as { missingProperty?: string; additionalProperty?: string };
    const field =
      [fieldOf(e.instancePath), params.missingProperty ?? params.additionalProperty]
        .filter(Boolean)
        .join('.') || '(root)';
    return `${file} ${field}: ${e.message ?? 'is not valid'} (official schema)`;
  });
}

/** Every string in a JSON value with its field path. */
export function* strings(value: unknown, path = ''): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) yield* strings(v, `${path}[${String(i)}]`);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* strings(v, path ? `${path}.${k}` : k);
  }
}

const get = (doc: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, k) => (v as Json | undefined)?.[k], doc);

/** Host (and port) a validDomains entry must cover; entries may start with "*.". */
export function domainCovered(host: string, validDomains: readonly string[]): boolean {
  const h = host.toLowerCase();
  return validDomains.some((d) => {
    const domain = d.toLowerCase();
    if (domain.startsWith('*.')) return h.endsWith(domain.slice(1)) && h !== domain.slice(2);
    return h === domain;
  });
}

/** The tab URLs Teams loads or navigates to, with their fields. */
function tabUrls(manifest: Json): [string, string][] {
  const out: [string, string][] = [];
  const tabs = (key: string) => (Array.isArray(manifest[key]) ? (manifest[key] as Json[]) : []);
  for (const [i, tab] of tabs('staticTabs').entries()) {
    for (const k of ['contentUrl', 'websiteUrl', 'searchUrl']) {
      if (typeof tab[k] === 'string') out.push([`staticTabs[${String(i)}].${k}`, tab[k]]);
    }
  }
  for (const [i, tab] of tabs('configurableTabs').entries()) {
    if (typeof tab.configurationUrl === 'string') {
      out.push([`configurableTabs[${String(i)}].configurationUrl`, tab.configurationUrl]);
    }
  }
  return out;
}

function iconProblems(field: string, name: string, bytes: Buffer): string[] {
  let image;
  try {
    image = decodePng(bytes);
  } catch (err) {
    return [`icons.${field} (${name}): ${(err as Error).message}`];
  }
  const { width, height, pixels } = image;
  const want = field === 'outline' ? 32 : 192;
  if (width !== want || height !== want) {
    return [
      `icons.${field} (${name}): is ${String(width)}×${String(height)}; must be ${String(want)}×${String(want)}`,
    ];
  }
  const at = (x: number, y: number) =>
    Array.from(pixels.subarray((y * width + x) * 4, (y * width + x) * 4 + 4));
  if (field === 'outline') {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const [r, g, b, a] = at(x, y);
        if (a === 0) continue;
        if (a !== 255 || r !== 255 || g !== 255 || b !== 255) {
          return [
            `icons.outline (${name}): pixel (${String(x)}, ${String(y)}) is rgba(${String(r)}, ${String(g)}, ${String(b)}, ${String(a)}); every pixel must be pure white (255, 255, 255, opaque) or fully transparent`,
          ];
        }
      }
    }
    if (!Array.from({ length: width * height }).some((_, i) => pixels[i * 4 + 3] === 255)) {
      return [`icons.outline (${name}): has no white pixel; draw the symbol in white`];
    }
    return [];
  }
  // Color: the symbol sits in the middle 96×96; the 48 px border is the background, which must
  // be one solid colour or fully transparent.
  const border = 48;
  const first = at(0, 0);
  const transparent = first[3] === 0;
  if (!transparent && first[3] !== 255) {
    return [
      `icons.color (${name}): background is partly transparent; make it solid or fully transparent`,
    ];
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (x >= border && x < width - border && y >= border && y < height - border) continue;
      const p = at(x, y);
      const same = transparent ? p[3] === 0 : p.every((v, i) => v === first[i]);
      if (!same) {
        return [
          `icons.color (${name}): pixel (${String(x)}, ${String(y)}) in the 48 px border differs from the background; keep the symbol inside the middle 96×96 on a solid or fully transparent background`,
        ];
      }
    }
  }
  return [];
}

export function validatePackage(input: PackageInput): ValidatedPackage {
  const problems: string[] = [];
  const files = new Map<string, Buffer>();
  const read = (name: string): Buffer | undefined => {
    const path = join(input.sourceDir, name);
    return existsSync(path) ? readFileSync(path) : undefined;
  };
  const rawManifest = read('manifest.json');
  if (!rawManifest) return { problems: ['manifest.json: missing'], files };
  let manifest: Json;
  try {
    manifest = fillPlaceholders(JSON.parse(rawManifest.toString('utf8')) as Json, input.env);
  } catch (err) {
    return { problems: [`manifest.json: not valid JSON (${(err as Error).message})`], files };
  }

  const checkPlaceholders = (file: string, doc: unknown) => {
    for (const [field, text] of strings(doc)) {
      for (const name of placeholdersIn(text)) {
        problems.push(
          `${file} ${field}: placeholder \${{${name}}} has no value in ${input.envLabel}`,
        );
      }
    }
  };
  checkPlaceholders('manifest.json', manifest);

  // The official schema, and the newest version of it.
  const version = typeof manifest.manifestVersion === 'string' ? manifest.manifestVersion : '';
  const newest = newestManifestVersion();
  if (version !== newest) {
    problems.push(
      `manifest.json manifestVersion: is "${version}"; use the newest stable version ${newest} (and its $schema)`,
    );
  }
  const schema = loadSchema(version, 'MicrosoftTeams.schema.json');
  if (schema) problems.push(...schemaProblems('manifest.json', manifest, schema));
  const expectedSchemaUrl = `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`;
  if (manifest.$schema !== expectedSchemaUrl) {
    problems.push(`manifest.json $schema: must be ${expectedSchemaUrl}`);
  }

  for (const [field, max] of LENGTH_LIMITS) {
    const text = get(manifest, field);
    if (typeof text === 'string' && text.length > max) {
      problems.push(
        `manifest.json ${field}: is ${String(text.length)} characters; at most ${String(max)}`,
      );
    }
  }
  if (
    typeof get(manifest, 'description.short') !== 'string' ||
    typeof get(manifest, 'description.full') !== 'string'
  ) {
    problems.push('manifest.json description: needs both description.short and description.full');
  }

  // The id.
  const id = typeof manifest.id === 'string' ? manifest.id : '';
  if (!/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(id)) {
    problems.push(`manifest.json id: "${id}" is not a GUID`);
  } else if (/^[0-]+$/.test(id)) {
    problems.push('manifest.json id: the nil GUID is not an app id');
  } else if (input.otherAppIds?.has(id.toLowerCase())) {
    problems.push(
      `manifest.json id: ${id} is also the app id of env '${input.otherAppIds.get(id.toLowerCase()) ?? ''}'; each environment needs its own`,
    );
  }

  // https everywhere, and tab URLs inside validDomains.
  for (const [field, text] of strings(manifest)) {
    if (/^http:\/\//i.test(text)) {
      problems.push(
        `manifest.json ${field}: ${text} must use https (Teams loads only https pages)`,
      );
    }
  }
  const validDomains = Array.isArray(manifest.validDomains)
    ? manifest.validDomains.filter((d): d is string => typeof d === 'string')
    : [];
  for (const [field, url] of tabUrls(manifest)) {
    if (!URL.canParse(url)) {
      problems.push(`manifest.json ${field}: "${url}" is not a URL`);
      continue;
    }
    const { host } = new URL(url);
    if (!domainCovered(host, validDomains)) {
      problems.push(
        `manifest.json validDomains: ${field}'s host ${host} is not listed (validDomains: ${validDomains.join(', ') || 'none'})`,
      );
    }
  }

  // Sign-in and RSC.
  const naa = get(manifest, 'webApplicationInfo.nestedAppAuthInfo');
  const naaEntries = Array.isArray(naa) ? (naa as Json[]) : [];
  if (naaEntries.length === 0) {
    problems.push(
      'manifest.json webApplicationInfo.nestedAppAuthInfo: missing (nested app auth prefetch)',
    );
  }
  for (const [i, entry] of naaEntries.entries()) {
    const field = `webApplicationInfo.nestedAppAuthInfo[${String(i)}]`;
    const redirect = typeof entry.redirectUri === 'string' ? entry.redirectUri : '';
    const m = /^brk-multihub:\/\/([^/]+)$/.exec(redirect);
    if (!m?.[1]) {
      problems.push(
        `manifest.json ${field}.redirectUri: must be brk-multihub://<the app's domain>, origin only`,
      );
    } else if (!domainCovered(m[1], validDomains)) {
      problems.push(
        `manifest.json validDomains: ${field}.redirectUri's host ${m[1]} is not listed`,
      );
    }
    const scopes = JSON.stringify(entry.scopes);
    if (scopes !== JSON.stringify(graphScopeUris())) {
      problems.push(
        `manifest.json ${field}.scopes: must be the scope table's scopes in its order (src/graph/scopes.ts graphScopeUris()): ${graphScopeUris().join(', ')}`,
      );
    }
  }
  const rsc = get(manifest, 'authorization.permissions.resourceSpecific');
  const rscNames = Array.isArray(rsc)
    ? (rsc as Json[]).filter((p) => p.type === 'Delegated').map((p) => p.name)
    : [];
  for (const name of REQUIRED_RSC) {
    if (!rscNames.includes(name)) {
      problems.push(
        `manifest.json authorization.permissions.resourceSpecific: needs delegated ${name}`,
      );
    }
  }
  if ('extensions' in manifest) {
    problems.push(
      'manifest.json extensions: not in this package (the Teams admin center refuses Office add-ins; the Outlook add-in ships separately)',
    );
  }

  // Icons.
  for (const field of ['color', 'outline'] as const) {
    const name = get(manifest, `icons.${field}`);
    if (typeof name !== 'string') continue; // the schema names it
    const bytes = read(name);
    if (!bytes) {
      problems.push(`manifest.json icons.${field}: ${name} is not in ${input.sourceDir}`);
      continue;
    }
    problems.push(...iconProblems(field, name, bytes).map((p) => `manifest.json ${p}`));
    files.set(name, bytes);
  }

  // Localization.
  const loc = manifest.localizationInfo as Json | undefined;
  const locSchema = loadSchema(version, 'MicrosoftTeams.Localization.schema.json');
  const languageFiles: [string, string][] = [];
  if (loc) {
    if (typeof loc.defaultLanguageFile === 'string') {
      languageFiles.push(['localizationInfo.defaultLanguageFile', loc.defaultLanguageFile]);
    }
    const additional = Array.isArray(loc.additionalLanguages)
      ? (loc.additionalLanguages as Json[])
      : [];
    for (const [i, lang] of additional.entries()) {
      if (typeof lang.file === 'string') {
        languageFiles.push([`localizationInfo.additionalLanguages[${String(i)}].file`, lang.file]);
      }
    }
  }
  for (const [field, name] of languageFiles) {
    const bytes = read(name);
    if (!bytes) {
      problems.push(`manifest.json ${field}: ${name} is not in ${input.sourceDir}`);
      continue;
    }
    let doc: Json;
    try {
      doc = fillPlaceholders(JSON.parse(bytes.toString('utf8')) as Json, input.env);
    } catch (err) {
      problems.push(`${name}: not valid JSON (${(err as Error).message})`);
      continue;
    }
    checkPlaceholders(name, doc);
    if (locSchema) problems.push(...schemaProblems(name, doc, locSchema));
    for (const [key, max] of LENGTH_LIMITS) {
      const text = doc[key];
      if (typeof text === 'string' && text.length > max) {
        problems.push(
          `${name} ${key}: is ${String(text.length)} characters; at most ${String(max)}`,
        );
      }
    }
    if (field === 'localizationInfo.defaultLanguageFile') {
      for (const [key, text] of Object.entries(doc)) {
        if (key === '$schema') continue;
        const inManifest = get(manifest, key.replace(/\[(\d+)\]/g, '.$1'));
        if (inManifest !== text) {
          problems.push(
            `${name} ${key}: differs from manifest.json's ${key}; the default language file repeats the manifest's strings`,
          );
        }
      }
    }
    files.set(name, Buffer.from(`${JSON.stringify(doc, null, 2)}\n`));
  }

  files.set('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  return { problems, files };
}
