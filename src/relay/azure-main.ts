// The relay as an Azure Function app (Node.js v4 programming model): `npm run build:relay-function`
// bundles this file into deploy/relay-function/dist/relay.js, which that folder's package.json
// names as its `main`. Configured by the function app's application settings, the same
// RAPPORT_RELAY_* variables as `npm run relay` (docs/admin.md, "Host the tab and the relay").
import { app } from '@azure/functions';
import { relayHttpHandler } from './azure-function';
import { relayConfigFromEnv } from './config';
import { createRelay } from './relay';

/** One line per request, as on Node; the Functions host sends console output to its logs. */
export const relayHttp = relayHttpHandler(
  createRelay(relayConfigFromEnv(), {
    log: (entry) => {
      console.log(JSON.stringify(entry));
    },
  }),
);

// Every path (host.json sets an empty route prefix, so /health and /api/… are the relay's own);
// anonymous at the Functions level, since the relay checks each caller's token itself.
app.http('relay', {
  route: '{*path}',
  methods: ['GET', 'POST', 'PATCH', 'OPTIONS'],
  authLevel: 'anonymous',
  handler: relayHttp,
});
