import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { loadEnv } from './scripts/package-env.ts';
import { BUILD_ENV_PREFIX, envDefines } from './scripts/vite-hosting.ts';
import { localDevPlugin } from './scripts/vite-local-dev.ts';
import { officeJsPlugin } from './scripts/vite-office-js.ts';
import { placeholderSettings } from './tests/support/built-app-settings.ts';

/**
 * The browser tests' build (tests/support/built-app.ts makes it once per test run): the app pages
 * plus the local Teams host and the local Outlook compose host, as the dev server serves them,
 * but bundled, so a page load fetches a few files instead of some 230 modules. It is a
 * development build (`import.meta.env.DEV`, React's checks) like the dev server, with the local
 * tenant's settings of env/.env.local and stand-ins for the addresses each test file picks.
 * Never a production build: `npm run build` uses vite.config.ts alone.
 */
const env = {
  ...Object.fromEntries(
    Object.entries(loadEnv('local').values).filter(([k]) => k.startsWith('RAPPORT_')),
  ),
  ...placeholderSettings(),
};

export default defineConfig({
  plugins: [
    react(),
    officeJsPlugin({ optOutInBuild: true }),
    // The dev server's teams-js shim, which only applies to `serve` on its own.
    { ...localDevPlugin(), apply: undefined },
  ],
  envDir: false,
  // Settings come through `define` alone, never from the shell's RAPPORT_* variables.
  envPrefix: BUILD_ENV_PREFIX,
  define: envDefines(env),
  build: {
    target: 'es2022',
    // Faster to build, and readable stacks in a failing test's console errors.
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      input: {
        index: 'index.html',
        auth: 'auth.html',
        addin: 'addin.html',
        host: 'host.html',
        'outlook-host': 'outlook-host.html',
      },
    },
  },
});
