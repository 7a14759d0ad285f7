// `npm run build:relay-function`: bundles the relay's Azure Functions entry
// (src/relay/azure-main.ts) with everything it imports into deploy/relay-function/dist/relay.js,
// the `main` of that function app. @azure/functions stays outside the bundle: the function app installs it from its own
// package.json (the Functions host hands it the runtime it talks to).
import { resolve } from 'node:path';
import { build } from 'vite';
import { argValue } from './package-env';

export const RELAY_FUNCTION_DIR = resolve(import.meta.dirname, '../deploy/relay-function');

/** Writes `<outDir>/relay.js` (and its source map); returns the bundle's path. */
export async function buildRelayFunction(
  outDir = resolve(RELAY_FUNCTION_DIR, 'dist'),
): Promise<string> {
  await build({
    configFile: false,
    envDir: false,
    root: resolve(import.meta.dirname, '..'),
    logLevel: 'warn',
    build: {
      ssr: 'src/relay/azure-main.ts',
      outDir,
      emptyOutDir: true,
      target: 'node20',
      sourcemap: true,
      minify: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'relay.js' } },
    },
    ssr: { target: 'node', noExternal: true, external: ['@azure/functions'] },
  });
  return resolve(outDir, 'relay.js');
}

if (process.argv[1] === import.meta.filename) {
  const out = await buildRelayFunction(argValue(process.argv.slice(2), 'out-dir'));
  console.log(`Wrote ${out}`);
}
