import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The app's settings the build bakes in (import.meta.env), pointing at the bench's tenant. */
export interface BuildEnv {
  RAPPORT_GRAPH_BASE_URL: string;
  RAPPORT_TENANT_URL: string;
  RAPPORT_AUTHORITY?: string;
  /** The team site holding Rapport's lists: the bench tenant's seeded one. */
  RAPPORT_TEAM_SITE_ID: string;
}

export interface BuiltApp {
  outDir: string;
  /** Deletes the output folder. */
  remove(): void;
}

/**
 * A production build of the app, as `vite build --mode local-tenant` makes it, into a temporary
 * folder. For the bench only, the local Teams host page joins the input so the built app can be
 * opened as Teams would. A local-tenant build takes values already in the environment over
 * env/.env.local (scripts/vite-hosting.ts), so the env is set for the build.
 */
export async function buildApp(env: BuildEnv): Promise<BuiltApp> {
  const outDir = mkdtempSync(join(tmpdir(), 'rapport-bench-build-'));
  const saved = new Map<string, string | undefined>();
  for (const [key, value] of Object.entries(env) as [string, string | undefined][]) {
    saved.set(key, process.env[key]);
    if (value !== undefined) process.env[key] = value;
  }
  try {
    await build({
      root: ROOT,
      mode: 'local-tenant',
      logLevel: 'warn',
      clearScreen: false,
      build: {
        outDir,
        emptyOutDir: true,
        reportCompressedSize: false,
        rolldownOptions: {
          input: {
            index: join(ROOT, 'index.html'),
            auth: join(ROOT, 'auth.html'),
            host: join(ROOT, 'host.html'),
          },
        },
      },
    });
  } catch (err) {
    rmSync(outDir, { recursive: true, force: true });
    throw err;
  } finally {
    for (const [key, value] of saved) {
      if (value === undefined) Reflect.deleteProperty(process.env, key);
      else process.env[key] = value;
    }
  }
  return {
    outDir,
    remove: () => {
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

export interface Preview {
  url: string;
  close(): Promise<void>;
}

/** Serves a build with `vite preview` on a free loopback port. */
export async function servePreview(outDir: string): Promise<Preview> {
  const server: PreviewServer = await preview({
    root: ROOT,
    logLevel: 'warn',
    clearScreen: false,
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('vite preview did not listen');
  return {
    url: `http://127.0.0.1:${String(address.port)}`,
    close: () => server.close(),
  };
}
