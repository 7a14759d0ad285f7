import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { localDevPlugin } from './scripts/vite-local-dev.ts';

/**
 * One config for the app build, the dev server (app + local Teams host) and the test runner.
 * Settings come from `env/.env.<mode>` (RAPPORT_* variables; see README).
 */
export default defineConfig(({ command }) => ({
  plugins: [react(), ...(command === 'serve' ? [localDevPlugin()] : [])],
  envDir: 'env',
  envPrefix: 'RAPPORT_',
  server: { port: 5173, strictPort: false, host: '127.0.0.1' },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      // The local Teams host (host.html) is a dev tool and never part of a build.
      input: { index: 'index.html', auth: 'auth.html' },
    },
  },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
}));
