/**
 * The Outlook add-in package (scripts/package-addin.ts): `npm run package` writes it beside the
 * Teams package; its manifest carries the add-in (`extensions`) and passes the official schema
 * of @microsoft/app-manifest, while the Teams package stays free of `extensions`. Broken copies of
 * the add-in template fail with a message naming the field.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADDIN_TEMPLATE,
  buildAddinPackage,
  RIBBON_ICON_SIZES,
  type AddinInput,
} from '../../../scripts/package-addin';
import { loadEnv, otherAppIds } from '../../../scripts/package-env';
import { decodePng } from '../../../scripts/package-png';
import { validatePackage } from '../../../scripts/package-validate';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'rapport-addin-package-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const schemaDir = (version: string) =>
  join(
    dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json')),
    `build/json-schemas/teams/v${version}`,
  );

function officialSchema(version: string) {
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  return ajv.compile(
    JSON.parse(readFileSync(join(schemaDir(version), 'MicrosoftTeams.schema.json'), 'utf8')),
  );
}

describe('npm run package -- --env dev (the Outlook add-in)', { timeout: 60_000 }, () => {
  const out = join(scratch, 'build');
  let teams: any;
  let addin: any;
  let addinFiles: string[];
  beforeAll(async () => {
    await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/package.ts', '--env', 'dev', '--out', out],
      {
        cwd: root,
      },
    );
    const teamsZip = await JSZip.loadAsync(readFileSync(join(out, 'appPackage.dev.zip')));
    teams = JSON.parse(await teamsZip.file('manifest.json')!.async('string'));
    const addinZip = await JSZip.loadAsync(readFileSync(join(out, 'outlookAddin.dev.zip')));
    addinFiles = Object.keys(addinZip.files).sort();
    addin = JSON.parse(await addinZip.file('manifest.json')!.async('string'));
  });

  it('writes a second zip whose manifest the official schema accepts, with the add-in in it', () => {
    expect(addinFiles).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const validate = officialSchema(addin.manifestVersion);
    expect(validate(addin), JSON.stringify(validate.errors)).toBe(true);
    expect(JSON.stringify(addin)).not.toContain('${{');
    expect(addin.extensions).toHaveLength(1);
  });

  it('keeps the Teams package free of extensions, and the add-in free of tabs', () => {
    expect(teams).not.toHaveProperty('extensions');
    expect(teams.staticTabs).toBeDefined();
    expect(addin).not.toHaveProperty('staticTabs');
    expect(addin).not.toHaveProperty('configurableTabs');
    expect(addin).not.toHaveProperty('authorization');
  });

  it('has an id of its own and the Teams app’s sign-in (same Entra app, same NAA scopes)', () => {
    expect(addin.id).toBe('4e3d2c1b-9a8f-4e7d-8c6b-2f3a4b5c6d01');
    expect(addin.id).not.toBe(teams.id);
    expect(addin.webApplicationInfo).toEqual(teams.webApplicationInfo);
    expect(addin.validDomains).toEqual(teams.validDomains);
    expect(addin.developer).toEqual(teams.developer);
    expect(addin.manifestVersion).toBe(teams.manifestVersion);
  });

  it('asks for Mailbox 1.8 in Outlook and opens /addin.html from a "Rapport" button on the organizer ribbon', () => {
    const [extension] = addin.extensions;
    expect(extension.requirements).toEqual({
      scopes: ['mail'],
      capabilities: [{ name: 'Mailbox', minVersion: '1.8' }],
    });
    const [runtime] = extension.runtimes;
    expect(runtime.code.page).toBe('https://rapport-dev.contoso.com/addin.html');
    const [action] = runtime.actions;
    expect(action.type).toBe('openPage');
    const [ribbon] = extension.ribbons;
    expect(ribbon.contexts).toEqual(['meetingDetailsOrganizer']);
    const button = ribbon.tabs[0].groups[0].controls[0];
    expect(button).toMatchObject({ type: 'button', label: 'Rapport', actionId: action.id });
    expect(button.icons.map((i: any) => i.size)).toEqual([16, 32, 80]);
    for (const icon of button.icons) {
      expect(icon.url).toBe(`https://rapport-dev.contoso.com/addin/icon-${String(icon.size)}.png`);
    }
  });
});

describe('the committed ribbon icons', () => {
  it.each(RIBBON_ICON_SIZES)('public/addin/icon-%i.png has its size', (size) => {
    const png = decodePng(readFileSync(join(root, 'public/addin', `icon-${String(size)}.png`)));
    expect([png.width, png.height]).toEqual([size, size]);
  });
});

describe('the add-in validator', () => {
  const sourceDir = join(root, 'appPackage');
  const env = loadEnv('dev', join(root, 'env'));
  const input = {
    sourceDir,
    env: env.values,
    envLabel: 'env/.env.dev',
    otherAppIds: otherAppIds('dev', join(root, 'env')),
    publicDir: join(root, 'public'),
  };
  const teamsManifest = JSON.parse(
    validatePackage(input).files.get('manifest.json')!.toString('utf8'),
  );
  const template = JSON.parse(readFileSync(join(sourceDir, ADDIN_TEMPLATE), 'utf8'));

  /** The add-in built from a changed copy of the template (written to a scratch folder). */
  function problemsWith(edit: (t: any) => void, extra: Partial<AddinInput> = {}): string[] {
    const copy = structuredClone(template);
    edit(copy);
    const dir = mkdtempSync(join(scratch, 'src-'));
    writeJson(join(dir, ADDIN_TEMPLATE), copy);
    return buildAddinPackage({ ...input, sourceDir: dir, teamsManifest, ...extra }).problems;
  }
  const writeJson = (path: string, value: unknown) => {
    writeFileSync(path, JSON.stringify(value));
  };
  const button = (t: any) => t.extensions[0].ribbons[0].tabs[0].groups[0].controls[0];

  it('passes the committed template', () => {
    expect(buildAddinPackage({ ...input, teamsManifest }).problems).toEqual([]);
  });

  it.each([
    {
      name: 'a ribbon context the schema does not know',
      edit: (t: any) => {
        t.extensions[0].ribbons[0].contexts = ['meetingOrganizer'];
      },
      problem:
        'outlook-addin.json extensions[0].ribbons[0].contexts[0]: must be equal to one of the allowed values (official schema)',
    },
    {
      name: 'no add-in at all',
      edit: (t: any) => {
        delete t.extensions;
      },
      problem: 'outlook-addin.json extensions: missing',
    },
    {
      name: 'the Teams app’s id',
      edit: (t: any) => {
        t.id = '3f2d1c4b-8a7e-4d6f-9b5c-1e2f3a4b5c01';
      },
      problem: "outlook-addin.json id: is the Teams app's id",
    },
    {
      name: 'another environment’s add-in id',
      edit: (t: any) => {
        t.id = '4e3d2c1b-9a8f-4e7d-8c6b-2f3a4b5c6d02';
      },
      problem:
        "outlook-addin.json id: 4e3d2c1b-9a8f-4e7d-8c6b-2f3a4b5c6d02 is also an app id of env 'prod'",
    },
    {
      name: 'an http task pane page',
      edit: (t: any) => {
        t.extensions[0].runtimes[0].code.page = 'http://rapport-dev.contoso.com/addin.html';
      },
      problem:
        'outlook-addin.json extensions[0].runtimes[0].code.page: http://rapport-dev.contoso.com/addin.html must use https',
    },
    {
      name: 'a task pane page on another domain',
      edit: (t: any) => {
        t.extensions[0].runtimes[0].code.page = 'https://elsewhere.example.com/addin.html';
      },
      problem:
        'outlook-addin.json extensions[0].runtimes[0].code.page: host elsewhere.example.com is not in manifest.json validDomains',
    },
    {
      name: 'a task pane page other than addin.html',
      edit: (t: any) => {
        t.extensions[0].runtimes[0].code.page = 'https://rapport-dev.contoso.com/';
      },
      problem:
        "outlook-addin.json extensions[0].runtimes[0].code.page: must be the app's /addin.html",
    },
    {
      name: 'no Mailbox requirement',
      edit: (t: any) => {
        t.extensions[0].requirements.capabilities = [{ name: 'IdentityAPI', minVersion: '1.3' }];
      },
      problem:
        'outlook-addin.json extensions[0].requirements.capabilities: needs { "name": "Mailbox", "minVersion": "1.8" }',
    },
    {
      name: 'the button on the read ribbon only',
      edit: (t: any) => {
        t.extensions[0].ribbons[0].contexts = ['mailRead'];
      },
      problem:
        'outlook-addin.json extensions[0].ribbons: needs a "Rapport" button in the "meetingDetailsOrganizer" context',
    },
    {
      name: 'a button that opens no page',
      edit: (t: any) => {
        button(t).actionId = 'Nothing';
      },
      problem: `outlook-addin.json extensions[0].ribbons: the "Rapport" button's actionId must name an openPage action of a runtime (OpenRapportTaskPane)`,
    },
    {
      name: 'a ribbon icon that is not in public/',
      edit: (t: any) => {
        button(t).icons[0].url = 'https://rapport-dev.contoso.com/addin/missing-16.png';
      },
      problem:
        'outlook-addin.json extensions[0].ribbons[0].tabs[0].groups[0].controls[0].icons[0].url: /addin/missing-16.png is not in',
    },
    {
      name: 'a ribbon icon of the wrong size',
      edit: (t: any) => {
        button(t).icons[0].url = 'https://rapport-dev.contoso.com/addin/icon-32.png';
      },
      problem:
        'outlook-addin.json extensions[0].ribbons[0].tabs[0].groups[0].controls[0].icons[0].url: /addin/icon-32.png is 32×32; the manifest says 16',
    },
    {
      name: 'a Teams field in the add-in template',
      edit: (t: any) => {
        t.staticTabs = [];
      },
      problem: 'outlook-addin.json staticTabs: not an add-in field',
    },
    {
      name: 'an unfilled placeholder',
      edit: (t: any) => {
        t.id = '${{RAPPORT_NOT_SET}}';
      },
      problem:
        'outlook-addin.json id: placeholder ${{RAPPORT_NOT_SET}} has no value in env/.env.dev',
    },
  ])('fails on $name, naming the field', ({ edit, problem }) => {
    expect(problemsWith(edit).join('\n')).toContain(problem);
  });
});
