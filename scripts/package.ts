/**
 * `npm run package -- --env local|dev|prod`: fills appPackage/manifest.json (and the
 * localization files) from env/.env.<env>, validates the result offline (scripts/package-validate.ts)
 * and writes appPackage/build/appPackage.<env>.zip, then the Outlook add-in's package built from it
 * and appPackage/outlook-addin.json (scripts/package-addin.ts) as
 * appPackage/build/outlookAddin.<env>.zip. Nothing is written when a check fails; each
 * problem names its file and field.
 *
 * Options: `--source <dir>` (default appPackage), `--out <dir>` (default <source>/build),
 * `--env-dir <dir>` (default env), `--check` (validate only, write nothing; `--source` may then
 * repeat, and each problem line starts with its folder).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import JSZip from 'jszip';
import { addinZipName, buildAddinPackage } from './package-addin';
import { argValue, ENV_NAMES, isEnvName, loadEnv, otherAppIds } from './package-env';
import { validatePackage } from './package-validate';

/** A fixed timestamp, so the same sources give the same zip. */
const ZIP_DATE = new Date('2020-01-01T00:00:00Z');

async function main(argv: readonly string[]): Promise<number> {
  const envName = argValue(argv, 'env');
  if (!isEnvName(envName)) {
    console.error(`Usage: npm run package -- --env ${ENV_NAMES.join('|')} [--check]`);
    return 2;
  }
  const sources = argv.flatMap((a, i) => {
    const next = argv[i + 1];
    return a === '--source' && next !== undefined ? [next] : [];
  });
  const sourceDir = sources[0] ?? argValue(argv, 'source') ?? 'appPackage';
  const outDir = argValue(argv, 'out') ?? join(sourceDir, 'build');
  const envDir = argValue(argv, 'env-dir') ?? 'env';
  const env = loadEnv(envName, envDir);
  const check = argv.includes('--check');
  if (!check && sources.length > 1) {
    console.error('Several --source folders only go with --check.');
    return 2;
  }
  let failed = false;
  let files = new Map<string, Buffer>();
  let addinFiles = new Map<string, Buffer>();
  for (const dir of sources.length > 0 ? sources : [sourceDir]) {
    const input = {
      sourceDir: dir,
      env: env.values,
      envLabel: env.files.join(' + '),
      otherAppIds: otherAppIds(envName, envDir),
    };
    const teams = validatePackage(input);
    const teamsManifest = teams.files.get('manifest.json');
    const addin = buildAddinPackage({
      ...input,
      teamsManifest: teamsManifest
        ? (JSON.parse(teamsManifest.toString('utf8')) as Record<string, unknown>)
        : {},
    });
    const result = { problems: [...teams.problems, ...addin.problems], files: teams.files };
    const where = sources.length > 1 ? `${dir}: ` : '';
    if (result.problems.length > 0) {
      failed = true;
      const n = result.problems.length;
      console.error(
        `${where}The ${envName} app package is not valid (${String(n)} problem${n === 1 ? '' : 's'}):`,
      );
      for (const p of result.problems) console.error(`  - ${where}${p}`);
    } else if (check) {
      console.log(
        `${where}The ${envName} app package is valid (${[...result.files.keys()].join(', ')}).`,
      );
    }
    files = result.files;
    addinFiles = addin.files;
  }
  if (failed) return 1;
  if (check) return 0;
  mkdirSync(outDir, { recursive: true });
  for (const [zipName, contents] of [
    [`appPackage.${envName}.zip`, files],
    [addinZipName(envName), addinFiles],
  ] as const) {
    const zip = new JSZip();
    for (const [name, bytes] of [...contents].sort(([a], [b]) => a.localeCompare(b))) {
      zip.file(name, bytes, { date: ZIP_DATE });
    }
    const out = join(outDir, zipName);
    writeFileSync(
      out,
      await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' }),
    );
    console.log(
      `Wrote ${relative(process.cwd(), out) || out}: ${[...contents.keys()].join(', ')}.`,
    );
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
