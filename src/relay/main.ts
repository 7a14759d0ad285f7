// The relay on its own: `tsx src/relay/main.ts`, configured by RAPPORT_RELAY_* variables
// (README, "Feedback relay"). Logs one JSON line per request, with no user ids.
import { relayConfigFromEnv } from './config';
import { startRelay } from './server';

const relay = await startRelay(relayConfigFromEnv(), {
  log: (entry) => {
    console.log(JSON.stringify(entry));
  },
});
console.log(`Rapport relay listening on ${relay.url}`);
const stop = () => {
  void relay.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
