import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { HOSTING_CONFIG_FILE, readHostingConfig } from './static-web-app';

export interface TabServerOptions {
  /** The build to serve (dist/ of `npm run build`). */
  root: string;
  /** 0 picks a free port. */
  port: number;
  /** Loopback unless told otherwise (0.0.0.0 in a container behind the TLS front end). */
  hostname?: string;
}

export interface RunningTabServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The tab's production host: the built files, with the build's security headers on every
 * response, errors and 404s included. Only GET and HEAD; nothing but files.
 */
export function createTabApp(root: string): Hono {
  const config = readHostingConfig(root);
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    const headers = { ...config.globalHeaders };
    // Route headers (long caching of hashed assets) only for what was found.
    if (c.res.ok) {
      for (const route of config.routes) {
        if (c.req.path.startsWith(route.route.replace(/\*$/, '')))
          Object.assign(headers, route.headers);
      }
    }
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  });
  // The headers file describes the build; it is not one of its pages.
  app.get(`/${HOSTING_CONFIG_FILE}`, (c) => c.text('Not found', 404));
  app.get('*', serveStatic({ root }));
  app.notFound((c) => c.text('Not found', 404));
  app.onError((_err, c) => c.text('Server error', 500));
  return app;
}

export async function startTabServer(options: TabServerOptions): Promise<RunningTabServer> {
  const app = createTabApp(options.root);
  const hostname = options.hostname ?? '127.0.0.1';
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname }, () => {
      resolve(s);
    });
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${hostname === '0.0.0.0' ? '127.0.0.1' : hostname}:${String(port)}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => {
          if (err) reject(err);
          else resolve();
        });
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
