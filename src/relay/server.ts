import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { RelayConfig } from './config';
import { createRelay, type RelayOptions } from './relay';

export interface RunningRelay {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves the relay handler on Node (`port` 0 picks a free one), on loopback unless told otherwise. */
export async function startRelay(
  config: RelayConfig,
  options: RelayOptions & { hostname?: string } = {},
): Promise<RunningRelay> {
  const handler = createRelay(config, options);
  const hostname = options.hostname ?? '127.0.0.1';
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: handler, port: config.port, hostname }, () => {
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
