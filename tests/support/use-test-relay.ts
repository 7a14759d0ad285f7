import { afterAll, afterEach, beforeAll } from 'vitest';
import { startLocalRelay } from '../../src/local/relay/local-relay';
import type { RelayLogEntry } from '../../src/relay/relay';
import type { RunningRelay } from '../../src/relay/server';
import { startTestTenant, type TestTenant } from './local-tenant';

export interface TestRelay {
  tenant: TestTenant;
  relay: RunningRelay;
  /** Every line the relay logged. */
  logs: RelayLogEntry[];
  /** Calls the relay as a demo person (id or UPN) with their relay token, or with `token`. */
  call(
    user: string | { token: string },
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any; headers: Headers }>;
}

/** A tenant and a relay on loopback for one test file, stopped after it; faults cleared after each test. */
export function useTestRelay(): TestRelay {
  let tenant: TestTenant | undefined;
  let relay: RunningRelay | undefined;
  const logs: RelayLogEntry[] = [];
  beforeAll(async () => {
    tenant = await startTestTenant();
    relay = await startLocalRelay(tenant, { log: (e) => logs.push(e) });
  });
  afterAll(async () => {
    await relay?.close();
    await tenant?.stop();
  });
  afterEach(async () => {
    await tenant?.clearFaults();
  });
  const need = <T>(value: T | undefined): T => {
    if (value === undefined)
      throw new Error('The test relay starts in beforeAll; use it inside tests.');
    return value;
  };
  return {
    get tenant() {
      return need(tenant);
    },
    get relay() {
      return need(relay);
    },
    logs,
    call: async (user, method, path, body, headers = {}) => {
      const token =
        typeof user === 'string' ? await need(tenant).token(user, undefined, 'relay') : user.token;
      const res = await fetch(`${need(relay).url}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined
          ? {}
          : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: kept as text
      }
      return { status: res.status, body: parsed, headers: res.headers };
    },
  };
}
