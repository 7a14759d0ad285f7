import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createTenantApp, type TenantRuntime } from './app';
import { TenantClock } from './clock';
import { FaultInjector } from './controls/faults';
import { RequestLog } from './controls/request-log';
import type { Tenant } from './http/context';
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
}

export interface LocalTenant {
  url: string;
  tenantId: string;
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
  const firstStart = { value: false };
  const store = await TenantStore.open(options.dataFile, () => {
    firstStart.value = true;
    return createSeedState(clock.now());
  });
  const hostname = options.hostname ?? '127.0.0.1';

  const tenant: Tenant = {
    store,
    clock,
    get issuer() {
      return new TokenIssuer(store.state.keys, `${origin}/${TENANT_ID}/v2.0`, () => clock.now());
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
      await provisionLocalStorage(origin, tenant);
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

  if (firstStart.value) await provisionLocalStorage(origin, tenant);
  runtime.log.reset();

  return {
    url: origin,
    tenantId: TENANT_ID,
    issuer: `${origin}/${TENANT_ID}/v2.0`,
    tenant,
    runtime,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => {
          if (err) reject(err);
          else resolve();
        });
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
