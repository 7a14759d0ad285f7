// The relay on its own, as a plain Node server: `npm run relay`, configured by RAPPORT_RELAY_*
// variables (docs/relay-api.md, "Configuration"; docs/admin.md, "Host the tab and the relay").
// It listens on RAPPORT_RELAY_PORT (4200) of RAPPORT_RELAY_HOST (127.0.0.1; 0.0.0.0 in a
// container behind the TLS front end). Logs one JSON line per request, with no user ids.
import { relayConfigFromEnv } from './config';
import { startRelay } from './server';

let config;
try {
  config = relayConfigFromEnv();
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
const relay = await startRelay(config, {
  hostname: process.env.RAPPORT_RELAY_HOST ?? '127.0.0.1',
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
