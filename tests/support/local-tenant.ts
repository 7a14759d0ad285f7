import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import type { FaultRule, faultRuleSchema } from '../../src/local/tenant/controls/faults';
import type { LoggedRequest } from '../../src/local/tenant/controls/request-log';
import type { OutboxEntry } from '../../src/local/tenant/store/state';
import {
  startLocalTenant,
  type LocalTenant,
  type LocalTenantOptions,
} from '../../src/local/tenant/server';

/** The seed's "now" in tests: a Wednesday, so the two weeks around it hold a full working week. */
export const TEST_NOW = '2026-03-11T15:00:00Z';

export interface TestTenant extends LocalTenant {
  dataFile: string;
  /** A Graph token for a demo person (id or UPN), with default or chosen scopes. */
  token(user: string, scopes?: string[], audience?: 'graph' | 'relay'): Promise<string>;
  /** Calls Graph as a person; returns status, parsed JSON body and headers. */
  graph(
    user: string,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<GraphResult>;
  /** Adds a fault rule through `/_local/faults`; throws unless the tenant took it (201). */
  addFault(rule: FaultRuleInput): Promise<FaultRule>;
  /** Removes every fault rule. */
  clearFaults(): Promise<void>;
  /** What `/_local/requests` reports: Graph HTTP requests, `$batch` sub-requests, and the log. */
  requests(): Promise<RequestSummary>;
  /** Empties the request log. */
  resetRequests(): Promise<void>;
  /** The meeting mails the tenant recorded (`/_local/outbox`), for one iCalUId or all. */
  outbox(iCalUId?: string): Promise<OutboxEntry[]>;
  stop(): Promise<void>;
}

/** A fault rule as `/_local/faults` takes it (defaults left out). */
export type FaultRuleInput = z.input<typeof faultRuleSchema>;

export interface RequestSummary {
  http: number;
  batched: number;
  requests: LoggedRequest[];
}

export interface GraphResult {
  status: number;
  body: any;
  headers: Headers;
}

/** Starts a fresh tenant on a free port with its own data file. */
export async function startTestTenant(
  options: Partial<LocalTenantOptions> = {},
): Promise<TestTenant> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-tenant-'));
  const dataFile = options.dataFile ?? join(dir, 'tenant.json');
  const started = await startLocalTenant({ now: TEST_NOW, ...options, dataFile });
  const tokens = new Map<string, string>();

  const token = async (
    user: string,
    scopes?: string[],
    audience: 'graph' | 'relay' = 'graph',
  ): Promise<string> => {
    const key = JSON.stringify([user, scopes, audience]);
    const cached = tokens.get(key);
    if (cached) return cached;
    const res = await fetch(`${started.url}/_local/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user, scopes, audience }),
    });
    if (!res.ok) throw new Error(`token for ${user}: ${String(res.status)} ${await res.text()}`);
    const { access_token } = (await res.json()) as { access_token: string };
    tokens.set(key, access_token);
    return access_token;
  };

  const graph = async (
    user: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<GraphResult> => {
    const res = await fetch(`${started.url}/v1.0${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${await token(user)}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: text ? (JSON.parse(text) as unknown) : undefined,
      headers: res.headers,
    };
  };

  /** A call to the tenant's `/_local` controls; throws unless it answers `expected`. */
  const control = async (
    method: string,
    path: string,
    expected: number,
    body?: unknown,
  ): Promise<Response> => {
    const res = await fetch(`${started.url}/_local${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (res.status !== expected) {
      throw new Error(`${method} /_local${path}: ${String(res.status)} ${await res.text()}`);
    }
    return res;
  };

  return {
    ...started,
    dataFile,
    token,
    graph,
    addFault: async (rule) =>
      (await (await control('POST', '/faults', 201, rule)).json()) as FaultRule,
    clearFaults: async () => {
      await control('DELETE', '/faults', 204);
    },
    requests: async () => (await (await control('GET', '/requests', 200)).json()) as RequestSummary,
    resetRequests: async () => {
      await control('DELETE', '/requests', 204);
    },
    outbox: async (iCalUId) => {
      const query = iCalUId === undefined ? '' : `?iCalUId=${encodeURIComponent(iCalUId)}`;
      return (await (await control('GET', `/outbox${query}`, 200)).json()) as OutboxEntry[];
    },
    stop: async () => {
      await started.close();
      // Let pooled client sockets see the close before another server takes the port.
      await new Promise((r) => setTimeout(r, 50));
      // The folder is this tenant's own, empty when the caller chose the data file elsewhere.
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Which kinds of fault the tenant's rules applied; a faulted run that met none of one kind proved
 * nothing about it.
 */
export async function faultKindsMet(tenantUrl: string) {
  const rules = (await (await fetch(`${tenantUrl}/_local/faults`)).json()) as {
    kind: string;
    when: string;
    status?: number;
    applied: number;
  }[];
  const met = (test: (r: (typeof rules)[number]) => boolean) =>
    rules.filter(test).reduce((sum, r) => sum + r.applied, 0) > 0;
  return {
    throttled: met((r) => r.status === 429),
    unavailable: met((r) => r.status === 503),
    dropped: met((r) => r.kind === 'drop'),
    afterWrite: met((r) => r.when === 'after'),
  };
}
