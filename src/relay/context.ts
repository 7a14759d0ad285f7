import type { Client } from '@microsoft/microsoft-graph-client';
import type { Random } from '../domain/random';
import type { Instant } from '../domain/time/instant';
import type { CheckInStore } from './checkin-store';
import type { PollStore } from './poll-store';
import type { voteHasher } from './vote-hash';

/** What the route modules share: storage, the vote hasher, the clock and a random source. */
export interface RelayDeps {
  store: PollStore;
  /** The private site's weekly check-ins. */
  checkIns: CheckInStore;
  /** Reads the team site (coffee programs and rounds) with the relay's app token. */
  team: { client: Client; siteId: string };
  hash: ReturnType<typeof voteHasher>;
  now: () => Instant;
  /** Orders released comments; a fresh seed per publish. */
  random: () => Random;
}
