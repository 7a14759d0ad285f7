import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';

/** A web-standard handler listening on Node, and how to stop it. */
export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves `fetch` on Node (`port` 0 picks a free one), on loopback unless told otherwise. Closing
 * also ends kept-alive connections, so tests and restarts do not wait on idle sockets.
 */
export async function listen(
  fetch: (req: Request) => Response | Promise<Response>,
  port: number,
  hostname = '127.0.0.1',
): Promise<RunningServer> {
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch, port, hostname }, () => {
      resolve(s);
    });
    s.once('error', reject);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${hostname === '0.0.0.0' ? '127.0.0.1' : hostname}:${String(bound)}`,
    port: bound,
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
