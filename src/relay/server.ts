import { listen, type RunningServer } from '../hosting/listen';
import type { RelayConfig } from './config';
import { createRelay, type RelayOptions } from './relay';

export type RunningRelay = RunningServer;

/** Serves the relay handler on Node (`port` 0 picks a free one), on loopback unless told otherwise. */
export async function startRelay(
  config: RelayConfig,
  options: RelayOptions & { hostname?: string } = {},
): Promise<RunningRelay> {
  return listen(createRelay(config, options), config.port, options.hostname);
}
