/**
 * The Outlook add-in package (issue 9): a second unified manifest, beside the Teams one, whose
 * `extensions` declare an Office add-in for Outlook's appointment organizer (compose) window. It
 * ships separately because the Teams admin center refuses a package with `extensions`; admins
 * deploy it in the Microsoft 365 admin center (Integrated Apps).
 *
 * The add-in manifest is built from the Teams one, already filled and validated, so the two never
 * drift apart: it keeps the root fields both share ($schema, manifestVersion, version, developer,
 * icons, accentColor, validDomains, webApplicationInfo with the same nested app auth scopes) and
 * takes its own id, name, description and `extensions` from `outlook-addin.json` in the same
 * source folder. It carries no tabs, no RSC permissions and no localization files: those are the
 * Teams app's.
 *
 * Checks (each problem names `outlook-addin.json` and the field): placeholders filled, the
 * official schema of the manifest's version, an id of its own (a GUID, not the Teams app's nor
 * another environment's), https everywhere, one extension asking for the Mailbox requirement set
 * in the mail scope, a runtime whose task pane page is /addin.html on a valid domain, and a
 * "Rapport" button on the appointment organizer ribbon that opens that page.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fillPlaceholders, placeholdersIn } from './package-env';
import { ACCENT, coverage, type Rings } from './package-icons';
import { decodePng, encodePng, type Rgba } from './package-png';
import {
  domainCovered,
  loadSchema,
  schemaProblems,
  strings,
  type PackageInput,
  type ValidatedPackage,
} from './package-validate';

type Json = Record<string, unknown>;

/** The add-in's own fields, in the Teams package's source folder. */
export const ADDIN_TEMPLATE = 'outlook-addin.json';

/** The add-in's zip, beside appPackage.<env>.zip. */
export const addinZipName = (envName: string): string => `outlookAddin.${envName}.zip`;

/** The Mailbox requirement set the add-in needs: `getItemIdAsync` arrived in Mailbox 1.8. */
export const MAILBOX_MIN_VERSION = '1.8';

/** The page Outlook opens in the task pane. */
export const ADDIN_PAGE_PATH = '/addin.html';

/** Root fields the add-in takes from the (filled, validated) Teams manifest. */
const SHARED_ROOT_FIELDS = [
  '$schema',
  'manifestVersion',
  'version',
  'developer',
  'icons',
  'accentColor',
  'validDomains',
  'webApplicationInfo',
] as const;

/** Root fields the template may set. */
const TEMPLATE_FIELDS = ['id', 'name', 'description', 'extensions'] as const;

const asArray = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

export interface AddinInput extends PackageInput {
  /** The Teams manifest, filled and validated (validatePackage's manifest.json). */
  teamsManifest: Json;
  /** The app's static files (Vite's publicDir), where the ribbon icons are; default `public`. */
  publicDir?: string;
}

/** The ribbon icon sizes Outlook asks for (16, 32 and 80 px). */
export const RIBBON_ICON_SIZES = [16, 32, 80] as const;

/** A ribbon icon: the Teams icon's two linked rings in the accent colour, on transparency. */
export function ribbonIcon(size: number): Rgba {
  const rings: Rings = {
    size,
    offset: size * 0.19,
    outer: size * 0.31,
    thickness: Math.max(1.5, size * 0.09),
  };
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(ACCENT.slice(i, i + 2), 16)) as [
    number,
    number,
    number,
  ];
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = coverage(rings, x, y);
      if (c > 0) pixels.set([r, g, b, Math.round(255 * c)], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, pixels };
}

/** Writes public/addin/icon-<size>.png (committed; served by the dev server and the build). */
export function writeRibbonIcons(publicDir = 'public'): void {
  mkdirSync(join(publicDir, 'addin'), { recursive: true });
  for (const size of RIBBON_ICON_SIZES) {
    writeFileSync(
      join(publicDir, 'addin', `icon-${String(size)}.png`),
      encodePng(ribbonIcon(size)),
    );
  }
}

/**
 * Builds and checks the add-in package. The files are manifest.json and the Teams package's two
 * icons (the schema's root `icons`).
 */
export function buildAddinPackage(input: AddinInput): ValidatedPackage {
  const problems: string[] = [];
  const files = new Map<string, Buffer>();
  const file = ADDIN_TEMPLATE;
  const path = join(input.sourceDir, file);
  if (!existsSync(path)) return { problems: [`${file}: missing`], files };
  let template: Json;
  try {
    template = fillPlaceholders(JSON.parse(readFileSync(path, 'utf8')) as Json, input.env);
  } catch (err) {
    return { problems: [`${file}: not valid JSON (${(err as Error).message})`], files };
  }
  for (const key of Object.keys(template)) {
    if (key === '$schema') continue;
    if (!(TEMPLATE_FIELDS as readonly string[]).includes(key)) {
      problems.push(
        `${file} ${key}: not an add-in field (${TEMPLATE_FIELDS.join(', ')}); the rest comes from manifest.json`,
      );
    }
  }
  for (const [field, text] of strings(template)) {
    for (const name of placeholdersIn(text)) {
      problems.push(
        `${file} ${field}: placeholder \${{${name}}} has no value in ${input.envLabel}`,
      );
    }
  }

  const manifest: Json = {};
  for (const key of SHARED_ROOT_FIELDS) {
    if (key in input.teamsManifest) manifest[key] = input.teamsManifest[key];
  }
  for (const key of TEMPLATE_FIELDS) {
    if (key in template) manifest[key] = template[key];
  }

  const version = typeof manifest.manifestVersion === 'string' ? manifest.manifestVersion : '';
  const schema = loadSchema(version, 'MicrosoftTeams.schema.json');
  if (schema) problems.push(...schemaProblems(file, manifest, schema));
  else problems.push(`${file}: no official schema for manifest version "${version}"`);

  // Its own id.
  const id = typeof manifest.id === 'string' ? manifest.id : '';
  const teamsId = typeof input.teamsManifest.id === 'string' ? input.teamsManifest.id : '';
  if (!/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(id)) {
    problems.push(`${file} id: "${id}" is not a GUID`);
  } else if (/^[0-]+$/.test(id)) {
    problems.push(`${file} id: the nil GUID is not an app id`);
  } else if (id.toLowerCase() === teamsId.toLowerCase()) {
    problems.push(
      `${file} id: is the Teams app's id; the add-in is a package of its own and needs its own (RAPPORT_ADDIN_ID)`,
    );
  } else if (input.otherAppIds?.has(id.toLowerCase())) {
    problems.push(
      `${file} id: ${id} is also an app id of env '${input.otherAppIds.get(id.toLowerCase()) ?? ''}'; each environment needs its own`,
    );
  }

  for (const [field, text] of strings(template)) {
    if (/^http:\/\//i.test(text)) {
      problems.push(`${file} ${field}: ${text} must use https (Outlook loads only https pages)`);
    }
  }
  const validDomains = Array.isArray(manifest.validDomains)
    ? manifest.validDomains.filter((d): d is string => typeof d === 'string')
    : [];
  const onValidDomain = (field: string, url: string) => {
    if (!URL.canParse(url)) {
      problems.push(`${file} ${field}: "${url}" is not a URL`);
      return;
    }
    const { host } = new URL(url);
    if (!domainCovered(host, validDomains)) {
      problems.push(
        `${file} ${field}: host ${host} is not in manifest.json validDomains (${validDomains.join(', ') || 'none'})`,
      );
    }
  };

  // A ribbon icon is one of the app's static files, of the size it claims.
  const publicDir = input.publicDir ?? 'public';
  const iconFileProblems = (field: string, url: string, size: unknown): string[] => {
    if (!URL.canParse(url)) return [];
    const name = new URL(url).pathname;
    const iconPath = join(publicDir, name);
    if (!existsSync(iconPath)) {
      return [
        `${file} ${field}: ${name} is not in ${publicDir}/ (scripts/package-addin.ts writeRibbonIcons)`,
      ];
    }
    try {
      const { width, height } = decodePng(readFileSync(iconPath));
      if (width !== size || height !== size) {
        return [
          `${file} ${field}: ${name} is ${String(width)}×${String(height)}; the manifest says ${String(size)}`,
        ];
      }
    } catch (err) {
      return [`${file} ${field}: ${name}: ${(err as Error).message}`];
    }
    return [];
  };

  // The add-in itself.
  const extensions = asArray(manifest.extensions);
  const extension = extensions[0];
  if (!extension) {
    problems.push(`${file} extensions: missing; the add-in package declares one Outlook add-in`);
  } else {
    const requirements = (extension.requirements ?? {}) as Json;
    const mailbox = asArray(requirements.capabilities).find((c) => c.name === 'Mailbox');
    if (mailbox?.minVersion !== MAILBOX_MIN_VERSION) {
      problems.push(
        `${file} extensions[0].requirements.capabilities: needs { "name": "Mailbox", "minVersion": "${MAILBOX_MIN_VERSION}" } (getItemIdAsync)`,
      );
    }
    if (JSON.stringify(requirements.scopes) !== JSON.stringify(['mail'])) {
      problems.push(`${file} extensions[0].requirements.scopes: must be ["mail"] (Outlook only)`);
    }
    const runtimes = asArray(extension.runtimes);
    const openPageActions = new Map<string, string>();
    for (const [i, runtime] of runtimes.entries()) {
      const page = (runtime.code as Json | undefined)?.page;
      if (typeof page !== 'string') continue;
      const field = `extensions[0].runtimes[${String(i)}].code.page`;
      onValidDomain(field, page);
      if (URL.canParse(page) && new URL(page).pathname !== ADDIN_PAGE_PATH) {
        problems.push(`${file} ${field}: must be the app's ${ADDIN_PAGE_PATH}, not ${page}`);
      }
      for (const action of asArray(runtime.actions)) {
        if (action.type === 'openPage' && typeof action.id === 'string') {
          openPageActions.set(action.id, page);
        }
      }
    }
    let button: Json | undefined;
    for (const [r, ribbon] of asArray(extension.ribbons).entries()) {
      const contexts = asArray(ribbon.contexts) as unknown[];
      for (const [t, tab] of asArray(ribbon.tabs).entries()) {
        for (const [g, group] of asArray(tab.groups).entries()) {
          for (const [c, control] of asArray(group.controls).entries()) {
            for (const [n, icon] of asArray(control.icons).entries()) {
              if (typeof icon.url !== 'string') continue;
              const field = `extensions[0].ribbons[${String(r)}].tabs[${String(t)}].groups[${String(g)}].controls[${String(c)}].icons[${String(n)}].url`;
              onValidDomain(field, icon.url);
              problems.push(...iconFileProblems(field, icon.url, icon.size));
            }
            if (contexts.includes('meetingDetailsOrganizer') && control.label === 'Rapport') {
              button = control;
            }
          }
        }
      }
    }
    if (!button) {
      problems.push(
        `${file} extensions[0].ribbons: needs a "Rapport" button in the "meetingDetailsOrganizer" context (the appointment organizer's ribbon)`,
      );
    } else if (typeof button.actionId !== 'string' || !openPageActions.has(button.actionId)) {
      problems.push(
        `${file} extensions[0].ribbons: the "Rapport" button's actionId must name an openPage action of a runtime (${[...openPageActions.keys()].join(', ') || 'none'})`,
      );
    }
  }

  // The root icons, as in the Teams package (validated there).
  const icons = (manifest.icons ?? {}) as Json;
  for (const field of ['color', 'outline']) {
    const name = icons[field];
    if (typeof name !== 'string') continue;
    const iconPath = join(input.sourceDir, name);
    if (existsSync(iconPath)) files.set(name, readFileSync(iconPath));
  }
  files.set('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  return { problems, files };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  writeRibbonIcons();
  console.log('Wrote public/addin/icon-16.png, icon-32.png and icon-80.png.');
}
