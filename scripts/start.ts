// `npm start`: the local tenant (data kept in .data/tenant.json, seeded on first start), the app
// and the local Teams host on the Vite dev server, and the host opened in a browser when there is
// a desktop to open it on.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createServer } from 'vite';
import { startLocalRelay } from '../src/local/relay/local-relay';
import { startLocalTenant } from '../src/local/tenant/server';
import { PEOPLE } from '../src/local/tenant/seed/directory';
import { localConfig } from './local-config';

const config = localConfig();
const firstStart = !existsSync(config.dataFile);
const tenant = await startLocalTenant({
  dataFile: config.dataFile,
  port: config.tenantPort,
  httpsPort: config.tenantHttpsPort,
  ...(config.now ? { now: config.now } : {}),
});

// The feedback relay, pointed at the tenant (issuer and JWKS from its discovery, the private site),
// answering the app's origins; it logs poll ids and statuses only.
const relay = await startLocalRelay(tenant, {
  port: config.relayPort,
  allowedOrigins: [
    `http://127.0.0.1:${String(config.appPort)}`,
    `http://localhost:${String(config.appPort)}`,
    `https://localhost:${String(config.appPort)}`,
  ],
  log: (entry) => {
    if (entry.status >= 500) console.warn(`relay: ${JSON.stringify(entry)}`);
  },
});

process.env.RAPPORT_GRAPH_BASE_URL = `${tenant.url}/v1.0`;
process.env.RAPPORT_RELAY_URL = relay.url;
process.env.RAPPORT_TENANT_URL = tenant.url;
if (tenant.authority) process.env.RAPPORT_AUTHORITY = tenant.authority;
// Teams' auth popup (the sign-in used where a host offers no NAA) only opens https pages, so
// RAPPORT_APP_HTTPS=1 serves the app over https with the tenant's localhost certificate.
const https =
  config.appHttps && tenant.tls ? { key: tenant.tls.key, cert: tenant.tls.cert } : undefined;
const vite = await createServer({
  server: {
    port: config.appPort,
    host: https ? 'localhost' : '127.0.0.1',
    strictPort: true,
    ...(https ? { https } : {}),
  },
  clearScreen: false,
  logLevel: 'warn',
});
await vite.listen();
const appUrl = https
  ? `https://localhost:${String(config.appPort)}`
  : `http://127.0.0.1:${String(config.appPort)}`;
const hostUrl = `${appUrl}/host.html`;

console.log(
  `\nRapport is running against the local tenant ${firstStart ? '(seeded just now)' : '(data kept from the last run)'}.`,
);
console.log(`  Local Teams host: ${hostUrl}   <- open this`);
console.log(`  App (plain browser): ${appUrl}/`);
console.log(
  `  Local Outlook compose host: ${appUrl}/outlook-host.html?person=grace  (the Outlook add-in's pane)`,
);
console.log(`  Graph:     ${tenant.url}/v1.0/`);
console.log(`  Identity:  ${tenant.issuer}/.well-known/openid-configuration`);
console.log(`  Relay:     ${relay.url}/api/  (feedback polls, check-ins; docs/relay-api.md)`);
if (tenant.httpsUrl) {
  console.log(
    `  Sign-in outside the host uses ${tenant.httpsUrl}: open it once and accept its self-signed certificate.`,
  );
}
console.log(`  Data file: ${resolve(config.dataFile)}  (npm run reset starts over)`);
console.log(`  People:    ${String(PEOPLE.length)} demo people; switch between them in the host.`);
console.log('Press Ctrl+C to stop.\n');

if (
  !process.env.CI &&
  (process.env.DISPLAY || process.platform === 'darwin' || process.platform === 'win32')
) {
  const opener =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  spawn(opener, [hostUrl], { stdio: 'ignore', detached: true })
    .on('error', () => undefined)
    .unref();
}

const stop = () => {
  void Promise.all([vite.close(), relay.close(), tenant.close()]).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
