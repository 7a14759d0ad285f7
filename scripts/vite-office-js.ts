import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize, sep } from 'node:path';
import type { Plugin } from 'vite';

/**
 * office.js for the Outlook add-in page (addin.html), served from the app's own origin under
 * `/office/`, never from Microsoft's CDN: the page's Content-Security-Policy allows scripts from
 * 'self' only (src/hosting/security-headers.ts).
 *
 * - Dev server: `/office/*` answers from `@microsoft/office-js/dist` (the whole folder).
 * - Build: copies the part of it an Outlook add-in uses into `dist/office/`: `office.js`, the
 *   host-to-file table it reads, Outlook's host files (`outlook-*.js`) and each language's
 *   `office_strings.js` and `outlook_strings.js` (about 8 MB; the `.debug.js` copies and the other
 *   Office applications' files are left out).
 */
export const OFFICE_JS_BASE = '/office/';

export const officeJsDist = (): string =>
  join(
    dirname(createRequire(import.meta.url).resolve('@microsoft/office-js/package.json')),
    'dist',
  );

/** The files (relative to dist/) a build copies. */
export function outlookOfficeJsFiles(dist = officeJsDist()): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dist).sort()) {
    const path = join(dist, entry);
    if (statSync(path).isDirectory()) {
      for (const name of ['office_strings.js', 'outlook_strings.js']) {
        if (existsSync(join(path, name))) files.push(`${entry}/${name}`);
      }
    } else if (
      entry === 'office.js' ||
      entry === 'o15apptofilemappingtable.js' ||
      (/^outlook.*\.js$/.test(entry) && !/\.debug[.-]/.test(entry))
    ) {
      files.push(entry);
    }
  }
  return files;
}

/**
 * office.js, framed by a page that is not Office (no Office host information), blanks its own
 * frame (`window.location.href = "about:blank"`) unless the global `OsfOptOut` is defined; in
 * Outlook the host information is there and that branch never runs. The local Outlook compose
 * host frames addin.html from a plain page, so on the dev server only addin.html defines
 * `OsfOptOut` before office.js runs. Builds never carry it (nor any inline script), except the
 * browser tests' build (vite.e2e.config.ts, `optOutInBuild`), which serves that host too.
 */
const OPT_OUT = 'window.OsfOptOut = true;';

export function officeJsPlugin(options: { optOutInBuild?: boolean } = {}): Plugin {
  const dist = officeJsDist();
  let optOut = false;
  return {
    name: 'rapport-office-js',
    configResolved(config) {
      optOut = config.command === 'serve' || options.optOutInBuild === true;
    },
    transformIndexHtml(_html, ctx) {
      if (!optOut || ctx.path !== '/addin.html') return undefined;
      return [{ tag: 'script', children: OPT_OUT, injectTo: 'head-prepend' }];
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        if (!path.startsWith(OFFICE_JS_BASE)) {
          next();
          return;
        }
        const file = normalize(join(dist, decodeURIComponent(path.slice(OFFICE_JS_BASE.length))));
        if (!file.startsWith(dist + sep) || !existsSync(file) || !statSync(file).isFile()) {
          res.statusCode = 404;
          res.end('Not found');
          return;
        }
        res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const name of outlookOfficeJsFiles(dist)) {
        this.emitFile({
          type: 'asset',
          fileName: `${OFFICE_JS_BASE.slice(1)}${name}`,
          source: readFileSync(join(dist, name)),
        });
      }
    },
  };
}
