import { createServer } from 'vite';
import type { BuiltAppAddresses } from './built-app-settings';
import type { BuiltAppServer } from './built-app-server';

/**
 * The app on Vite's dev server instead of the test build, for a browser test run with
 * RAPPORT_E2E_DEV_SERVER=1 (tests/support/stack.ts): slower, but it serves the sources as they
 * are, to compare with the build or to tell a build problem from an app one.
 */
export async function startDevAppServer(options: {
  addresses: BuiltAppAddresses;
  https?: { key: string; cert: string };
}): Promise<BuiltAppServer> {
  const { addresses, https } = options;
  // Values already in the environment win over env/.env.local (Vite's rule).
  process.env.RAPPORT_GRAPH_BASE_URL = `${addresses.tenant}/v1.0`;
  process.env.RAPPORT_TENANT_URL = addresses.tenant;
  process.env.RAPPORT_AUTHORITY = addresses.authority;
  process.env.RAPPORT_RELAY_URL = addresses.relay;
  const vite = await createServer({
    server: {
      port: 0,
      host: https ? 'localhost' : '127.0.0.1',
      ...(https ? { https } : {}),
      // Nothing watched (`null` would be dropped when merged with vite.config.ts): a source file
      // saved while a test runs would reload its open tabs (state gone, queries refetched),
      // failing steps that have nothing to do with the change.
      watch: { ignored: () => true },
    },
    logLevel: 'error',
    clearScreen: false,
  });
  await vite.listen();
  const address = vite.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('vite did not listen');
  return {
    url: https
      ? `https://localhost:${String(address.port)}`
      : `http://127.0.0.1:${String(address.port)}`,
    close: () => vite.close(),
  };
}
