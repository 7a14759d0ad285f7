// `npm start`: runs Rapport's local tenant with its data kept in .data/tenant.json (seeded on
// first start). The next foundation adds the app and the local Teams host to this command.
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { startLocalTenant } from '../src/local/tenant/server';
import { PEOPLE, upnOf } from '../src/local/tenant/seed/directory';
import { localConfig } from './local-config';

const config = localConfig();
const firstStart = !existsSync(config.dataFile);
const tenant = await startLocalTenant({
  dataFile: config.dataFile,
  port: config.tenantPort,
  ...(config.now ? { now: config.now } : {}),
});

console.log(
  `\nRapport local tenant ${firstStart ? '(seeded just now)' : '(data kept from the last run)'}`,
);
console.log(`  Graph:     ${tenant.url}/v1.0/`);
console.log(`  OIDC:      ${tenant.issuer}/.well-known/openid-configuration`);
console.log(`  Data file: ${resolve(config.dataFile)}  (npm run reset starts over)`);
console.log(
  `  People:    ${PEOPLE.slice(0, 4).map(upnOf).join(', ')} … (${String(PEOPLE.length)} in all)`,
);
console.log(
  `\nTry: curl -s -X POST ${tenant.url}/_local/token -H 'content-type: application/json' -d '{"user":"ana@rapportdemo.onmicrosoft.com"}'`,
);
console.log('Press Ctrl+C to stop.\n');

const stop = () => {
  void tenant.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
