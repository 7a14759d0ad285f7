/**
 * The app package validator and zip (scripts/package.ts), run as `npm run package` runs it: a
 * copy of appPackage/ is broken one way per test and must fail with a message naming the field;
 * the real sources must pass and zip into a package the official schema accepts.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'rapport-package-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

let copies = 0;
/** A copy of appPackage/ (without build/), changed by `edit`. */
function brokenCopy(edit: (dir: string, manifest: any) => void): string {
  const dir = join(scratch, `src${String(copies++)}`);
  cpSync(join(root, 'appPackage'), dir, {
    recursive: true,
    filter: (src) => !src.includes(join('appPackage', 'build')),
  });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  edit(dir, manifest);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

async function packageCli(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/package.ts', ...args],
      { cwd: root },
    );
    return { code: 0, stdout, stderr };
  } catch (err: any) {
    return { code: err.code ?? 1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

/** A PNG of one colour, `size`×`size`, RGBA. */
function solidPng(size: number, rgba: [number, number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(size).fill(rgba).flat())]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array(size).fill(row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('the app package validator', { timeout: 60_000 }, () => {
  it('passes the committed sources for every environment', async () => {
    // dev is checked by the zip test below.
    for (const env of ['local', 'prod']) {
      const result = await packageCli(['--env', env, '--check']);
      expect(result.stderr, env).toBe('');
      expect(result.code, env).toBe(0);
    }
  });

  const cases = [
    {
      name: 'a tab URL outside validDomains',
      edit: (_: string, m: any) => {
        m.staticTabs[0].contentUrl = 'https://elsewhere.example.com/';
      },
      field:
        "manifest.json validDomains: staticTabs[0].contentUrl's host elsewhere.example.com is not listed",
    },
    {
      name: 'a missing validDomain',
      edit: (_: string, m: any) => {
        m.validDomains = [];
      },
      field: "manifest.json validDomains: configurableTabs[0].configurationUrl's host",
    },
    {
      name: 'an http URL',
      edit: (_: string, m: any) => {
        m.configurableTabs[0].configurationUrl = 'http://rapport-dev.contoso.com/?view=config';
      },
      field:
        'manifest.json configurableTabs[0].configurationUrl: http://rapport-dev.contoso.com/?view=config must use https',
    },
    {
      name: 'an unfilled placeholder',
      edit: (_: string, m: any) => {
        m.developer.privacyUrl = '${{RAPPORT_NOT_SET}}';
      },
      field:
        'manifest.json developer.privacyUrl: placeholder ${{RAPPORT_NOT_SET}} has no value in env/.env.dev',
    },
    {
      name: 'a missing description',
      edit: (_: string, m: any) => {
        delete m.description;
      },
      field:
        "manifest.json description: must have required property 'description' (official schema)",
    },
    {
      name: 'a short name over 30 characters',
      edit: (_: string, m: any) => {
        m.name.short = 'Rapport for remote teams everywhere';
      },
      field: 'manifest.json name.short: is 35 characters; at most 30',
    },
    {
      name: 'an id that is not a GUID',
      edit: (_: string, m: any) => {
        m.id = 'rapport';
      },
      field: 'manifest.json id: "rapport" is not a GUID',
    },
    {
      name: 'an Office add-in (extensions)',
      edit: (_: string, m: any) => {
        m.extensions = [{ requirements: {} }];
      },
      field: 'manifest.json extensions: not in this package',
    },
    {
      name: 'a colour icon of the wrong size',
      edit: (dir: string) => {
        writeFileSync(join(dir, 'color.png'), solidPng(96, [79, 82, 178, 255]));
      },
      field: 'manifest.json icons.color (color.png): is 96×96; must be 192×192',
    },
    {
      name: 'an outline icon of the wrong size',
      edit: (dir: string) => {
        writeFileSync(join(dir, 'outline.png'), solidPng(192, [255, 255, 255, 255]));
      },
      field: 'manifest.json icons.outline (outline.png): is 192×192; must be 32×32',
    },
    {
      name: 'a non-white outline pixel',
      edit: (dir: string) => {
        writeFileSync(join(dir, 'outline.png'), solidPng(32, [250, 255, 255, 255]));
      },
      field:
        'manifest.json icons.outline (outline.png): pixel (0, 0) is rgba(250, 255, 255, 255); every pixel must be pure white',
    },
    {
      name: 'nested app auth scopes that differ from the scope table',
      edit: (_: string, m: any) => {
        m.webApplicationInfo.nestedAppAuthInfo[0].scopes.reverse();
      },
      field:
        'manifest.json webApplicationInfo.nestedAppAuthInfo[0].scopes: must be the scope table',
    },
  ];
  // One run checks every broken copy (each spawn costs a TypeScript start and a schema compile).
  let report: Promise<Map<string, string>> | undefined;
  const problemsOf = async (index: number): Promise<string> => {
    report ??= (async () => {
      const dirs = cases.map((c) => brokenCopy(c.edit));
      const result = await packageCli([
        '--env',
        'dev',
        '--check',
        ...dirs.flatMap((d) => ['--source', d]),
      ]);
      expect(result.code).toBe(1);
      const lines = result.stderr.split('\n');
      return new Map(
        dirs.map((d) => [d, lines.filter((l) => l.includes(`${d}: `)).join('\n')] as const),
      );
    })();
    const byDir = await report;
    return [...byDir.values()][index] ?? '';
  };

  it.each(cases.map((c, index) => ({ ...c, index })))(
    'fails on $name, naming the field',
    async ({ field, index }) => {
      const problems = await problemsOf(index);
      expect(problems).toContain(field);
    },
  );
});

describe('npm run package -- --env dev', { timeout: 60_000 }, () => {
  it('writes a zip with the manifest, both icons and the localization files, valid against the official schema', async () => {
    const out = join(scratch, 'build');
    const result = await packageCli(['--env', 'dev', '--out', out]);
    expect(result.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(join(out, 'appPackage.dev.zip')));
    expect(Object.keys(zip.files).sort()).toEqual([
      'color.png',
      'de.json',
      'en.json',
      'manifest.json',
      'outline.png',
    ]);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(manifest.id).toBe('3f2d1c4b-8a7e-4d6f-9b5c-1e2f3a4b5c01');
    expect(manifest.validDomains).toEqual(['rapport-dev.contoso.com']);

    const schemas = join(
      dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json')),
      `build/json-schemas/teams/v${manifest.manifestVersion as string}`,
    );
    const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv, ['uri', 'email', 'regex']);
    const validate = ajv.compile(
      JSON.parse(readFileSync(join(schemas, 'MicrosoftTeams.schema.json'), 'utf8')),
    );
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
    const validateLocale = ajv.compile(
      JSON.parse(readFileSync(join(schemas, 'MicrosoftTeams.Localization.schema.json'), 'utf8')),
    );
    for (const file of ['en.json', 'de.json']) {
      const doc = JSON.parse(await zip.file(file)!.async('string'));
      expect(validateLocale(doc), `${file}: ${JSON.stringify(validateLocale.errors)}`).toBe(true);
    }
  });
});

describe('npm run entra', { timeout: 60_000 }, () => {
  it('matches the committed registrations in manifest/ for every environment', async () => {
    const result = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/entra.ts', '--env', 'all', '--check'],
      { cwd: root },
    ).catch((err: unknown) => ({
      stdout: '',
      stderr: String((err as { stderr?: string }).stderr),
    }));
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('manifest/ is up to date for local, dev, prod.');
  });
});
