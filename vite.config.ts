import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { localDevPlugin } from './scripts/vite-local-dev.ts';
import { officeJsPlugin } from './scripts/vite-office-js.ts';
import { BUILD_ENV_PREFIX, buildEnv, envDefines, hostingPlugin } from './scripts/vite-hosting.ts';

/**
 * One config for the app build, the dev server (app + local Teams host) and the test runner.
 * Settings come from `env/.env.<mode>` (RAPPORT_* variables; see README). A build
 * (`npm run build -- --mode dev|prod`) reads its environment's files only, and writes its
 * security headers beside the pages (scripts/vite-hosting.ts; docs/admin.md, "Host the tab and
 * the relay").
 */
export default defineConfig(({ command, mode }) => {
  const env = command === 'build' ? buildEnv(mode) : undefined;
  return {
    plugins: [react(), officeJsPlugin(), ...(env ? [hostingPlugin(env)] : [localDevPlugin()])],
    envDir: env ? false : 'env',
    // A build's settings come through `define` alone: Vite would also expose the shell's RAPPORT_*
    // variables, so builds name a prefix that nothing carries.
    envPrefix: env ? BUILD_ENV_PREFIX : 'RAPPORT_',
    ...(env ? { define: envDefines(env) } : {}),
    server: { port: 5173, strictPort: false, host: '127.0.0.1' },
    build: {
      target: 'es2022',
      sourcemap: true,
      rolldownOptions: {
        // The local Teams host (host.html) and the local Outlook compose host (outlook-host.html)
        // are dev tools and never part of a build. addin.html is the Outlook add-in's task pane.
        input: { index: 'index.html', auth: 'auth.html', addin: 'addin.html' },
      },
    },
    test: {
      include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
      environment: 'node',
      testTimeout: 20_000,
      hookTimeout: 60_000,
      pool: 'forks',
      // Vitest's default on 2 cores is one worker; browser tests spend most of their time waiting on
      // the browser and the local servers, so two files at once roughly halve CI's wall time.
      maxWorkers: 2,
      reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    },
  };
});
