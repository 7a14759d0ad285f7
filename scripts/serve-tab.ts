// `npm run serve:tab [-- --dir dist --port 8080 --host 0.0.0.0]`: serves a build of the tab
// (`npm run build -- --mode prod`) with the security headers computed for it (src/hosting).
// Plain http: put it behind the TLS front end of its host (App Service, a container ingress, a
// reverse proxy); Teams opens https tabs only.
import { resolve } from 'node:path';
import { startTabServer } from '../src/hosting/tab-server';
import { argValue } from './package-env';

const argv = process.argv.slice(2);
const root = resolve(argValue(argv, 'dir') ?? 'dist');
const port = Number(argValue(argv, 'port') ?? process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a port number, not '${String(port)}'.`);
  process.exit(1);
}
const hostname = argValue(argv, 'host') ?? '127.0.0.1';

try {
  const server = await startTabServer({ root, port, hostname });
  console.log(`Rapport's tab (${root}) on ${server.url}`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
