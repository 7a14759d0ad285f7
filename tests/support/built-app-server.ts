import { readFile } from 'node:fs/promises';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { BUILT_APP_PLACEHOLDERS, type BuiltAppAddresses } from './built-app-settings';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Files whose text may carry the build's stand-in addresses. */
const SUBSTITUTED = new Set(['.html', '.js']);

export interface BuiltAppServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the browser tests' build (tests/support/built-app.ts) to one test file, with the
 * addresses of that file's tenant and relay put in place of the build's stand-ins
 * (built-app-settings.ts). Like the dev server it sends no security headers: the production
 * server and its policy have their own test (hosting.e2e.test.ts).
 */
export async function startBuiltAppServer(options: {
  root: string;
  addresses: BuiltAppAddresses;
  https?: { key: string; cert: string };
}): Promise<BuiltAppServer> {
  const { root, addresses, https } = options;
  const replacements = (Object.keys(BUILT_APP_PLACEHOLDERS) as (keyof BuiltAppAddresses)[]).map(
    (name) => [BUILT_APP_PLACEHOLDERS[name], addresses[name].replace(/\/+$/, '')] as const,
  );
  // The build never changes under a server, so each file is read (and rewritten) once.
  const bodies = new Map<string, Promise<Buffer | undefined>>();
  const body = (file: string): Promise<Buffer | undefined> => {
    let cached = bodies.get(file);
    if (!cached) {
      cached = readFile(file).then(
        (bytes) => {
          if (!SUBSTITUTED.has(extname(file))) return bytes;
          let text = bytes.toString('utf8');
          for (const [from, to] of replacements) text = text.replaceAll(from, to);
          return Buffer.from(text, 'utf8');
        },
        () => undefined,
      );
      bodies.set(file, cached);
    }
    return cached;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    // As Vite's dev server: `/` is index.html, and a path without an extension falls back to it.
    const name = path === '/' || extname(path) === '' ? '/index.html' : path;
    const file = normalize(join(root, name));
    const bytes = file.startsWith(root + sep) ? await body(file) : undefined;
    if (!bytes || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': String(bytes.length),
      // Hashed chunks and office.js never change within a server's life; pages are read anew.
      'cache-control':
        name.startsWith('/assets/') || name.startsWith('/office/')
          ? 'max-age=3600, immutable'
          : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  };
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
  const server = https ? createHttpsServer(https, listener) : createHttpServer(listener);
  const hostname = https ? 'localhost' : '127.0.0.1';
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, hostname, done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `${https ? 'https' : 'http'}://${hostname}:${String(port)}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => {
          done();
        });
        server.closeAllConnections();
      }),
  };
}
