import { serve, type ServerType } from '@hono/node-server';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { createTenantApp, type TenantRuntime } from './app';
import { TenantClock } from './clock';
import { FaultInjector } from './controls/faults';
import { RequestLog } from './controls/request-log';
import type { Tenant } from './http/context';
import { localhostCertificate, type LocalhostCertificate } from './identity/tls';
import { TokenIssuer } from './identity/tokens';
import { TENANT_ID } from './seed/directory';
import { createSeedState } from './seed/seed';
import { TenantStore } from './store/store';
import { provisionLocalStorage } from './seed/provision';

export interface LocalTenantOptions {
  /** The data file; omitted, the tenant lives in memory only (tests). */
  dataFile?: string;
  port?: number;
  hostname?: string;
  /** A fixed "now" (ISO) for reproducible runs; omitted, the real clock. */
  now?: string;
  /** Seed for injected fault rates. */
  faultSeed?: number;
  /**
   * Also serve the same app on https://localhost:<httpsPort> (0 = a free port), for browsers to
   * sign in through: MSAL refuses `http:` authorities. Its certificate is self-signed and kept
   * beside the data file. Omitted, the tenant speaks HTTP only and its issuer is the HTTP origin.
   */
  httpsPort?: number;
  /**
   * Run storage provisioning on start (default true), as `npm run provision` would. False leaves
   * the seed's two sites empty and ungranted, as an admin finds new sites in a real tenant (tests
   * of the provisioning command).
   */
  provision?: boolean;
}

/** The HTTPS port `npm start` uses (the authority in env/.env.local names it). */
export const DEFAULT_HTTPS_PORT = 4443;

export interface LocalTenant {
  url: string;
  /** https://localhost:<port>, when started with `httpsPort`. */
  httpsUrl?: string;
  /** MSAL's `authority` for this tenant (`${httpsUrl}/${tenantId}`), when HTTPS is on. */
  authority?: string;
  /** The HTTPS listener's certificate, for clients that should trust it (tests). */
  tls?: LocalhostCertificate;
  tenantId: string;
  /** The one `iss` of every token, whichever listener issued it; discovery returns it. */
  issuer: string;
  tenant: Tenant;
  runtime: TenantRuntime;
  close(): Promise<void>;
}

/**
 * Starts the local tenant: loads the data file, or seeds a new one and provisions its storage
 * lists over HTTP with the same routine an admin runs against a real tenant.
 */
export async function startLocalTenant(options: LocalTenantOptions = {}): Promise<LocalTenant> {
  const clock = new TenantClock(options.now);
  let origin = '';
  let httpsOrigin: string | undefined;
  // Pinned to the HTTPS origin when there is one: MSAL accepts a discovery issuer only on the
  // authority's own scheme, host and port. It depends on ports alone, so tokens outlive a restart.
  const issuerUrl = () => `${httpsOrigin ?? origin}/${TENANT_ID}/v2.0`;
  const store = await TenantStore.open(options.dataFile, () => createSeedState(clock.now()));
  const hostname = options.hostname ?? '127.0.0.1';

  const tenant: Tenant = {
    store,
    clock,
    get issuer() {
      return new TokenIssuer(store.state.keys, issuerUrl(), () => clock.now());
    },
    origin: () => origin,
  };
  const runtime: TenantRuntime = {
    faults: new FaultInjector(options.faultSeed),
    log: new RequestLog(),
    batchRequests: new WeakSet(),
    reset: async () => {
      store.state = await createSeedState(clock.now());
      store.flush();
      await provisionLocalStorage(origin);
    },
  };
  const app = createTenantApp(tenant, runtime);

  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname }, () => {
      resolve(s);
    });
  });
  const address = server.address() as AddressInfo;
  origin = `http://${hostname === '0.0.0.0' ? '127.0.0.1' : hostname}:${String(address.port)}`;

  let tls: LocalhostCertificate | undefined;
  let secure: ServerType | undefined;
  if (options.httpsPort !== undefined) {
    tls = await localhostCertificate(options.dataFile ? dirname(options.dataFile) : undefined);
    const { key, cert } = tls;
    try {
      secure = await new Promise<ServerType>((resolve, reject) => {
        const s = serve(
          {
            fetch: app.fetch,
            port: options.httpsPort,
            hostname,
            createServer: createHttpsServer,
            serverOptions: { key, cert },
          },
          () => {
            resolve(s);
          },
        );
        s.once('error', reject);
      });
    } catch (err) {
      await closeServer(server);
      throw err;
    }
    // The certificate names localhost; browsers and MSAL configuration use that name.
    httpsOrigin = `https://localhost:${String((secure.address() as AddressInfo).port)}`;
  }

  // Every start, as an admin re-runs provisioning after an upgrade: lists and columns added since
  // the data file was seeded appear, and nothing else changes (the routine only adds).
  if (options.provision !== false) await provisionLocalStorage(origin);
  runtime.log.reset();

  return {
    url: origin,
    ...(httpsOrigin ? { httpsUrl: httpsOrigin, authority: `${httpsOrigin}/${TENANT_ID}` } : {}),
    ...(tls ? { tls } : {}),
    tenantId: TENANT_ID,
    issuer: issuerUrl(),
    tenant,
    runtime,
    close: async () => {
      await Promise.all([server, ...(secure ? [secure] : [])].map(closeServer));
    },
  };
}

const closeServer = (server: ServerType): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    server.close((err) => {
      if (err) reject(err);
      else resolve();
    });
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
