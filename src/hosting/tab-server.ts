import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { listen, type RunningServer } from './listen';
import { HOSTING_CONFIG_FILE, readHostingConfig } from './static-web-app';

export interface TabServerOptions {
  /** The build to serve (dist/ of `npm run build`). */
  root: string;
  /** 0 picks a free port. */
  port: number;
  /** Loopback unless told otherwise (0.0.0.0 in a container behind the TLS front end). */
  hostname?: string;
}

export type RunningTabServer = RunningServer;

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
  return listen(createTabApp(options.root).fetch, options.port, options.hostname);
}
