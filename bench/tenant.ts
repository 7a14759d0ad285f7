import type { Client } from '@microsoft/microsoft-graph-client';
import { createGraphClient } from '../src/graph/client';
import { PEOPLE, upnOf } from '../src/local/tenant/seed/directory';
import { startLocalTenant, type LocalTenant } from '../src/local/tenant/server';

/** What `/_local/requests` reports: Graph HTTP requests, `$batch` sub-requests, and the log. */
export interface RequestSummary {
  http: number;
  batched: number;
  requests: { method: string; path: string; status: number; batched: boolean }[];
}

export interface BenchTenant {
  tenant: LocalTenant;
  url: string;
  /** Adds a latency rule on every Graph path; `inBatch` decides whether sub-requests pay it too. */
  addLatency(latencyMs: number, inBatch: boolean): Promise<void>;
  clearFaults(): Promise<void>;
  resetRequests(): Promise<void>;
  requests(): Promise<RequestSummary>;
  /** A delegated Graph token for a demo person (alias, id or UPN). */
  token(user: string): Promise<string>;
  /** Calls Graph as a demo person; throws unless the answer is a 2xx. */
  graph<T>(user: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T>;
  /** The app's own Graph client, signed in as a demo person (for the app's repositories). */
  client(user: string): Client;
  stop(): Promise<void>;
}

/**
 * The local tenant for the bench: in memory (no data file), on free ports, on the real clock so
 * the seed lies around the same "now" the browser has. HTTPS is on because the app's MSAL
 * authority must be https.
 */
export async function startBenchTenant(): Promise<BenchTenant> {
  const tenant = await startLocalTenant({ port: 0, httpsPort: 0 });
  const url = tenant.url;

  const control = async (method: string, path: string, body?: unknown): Promise<Response> => {
    const res = await fetch(`${url}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${String(res.status)} ${await res.text()}`);
    return res;
  };

  const tokens = new Map<string, string>();
  const token = async (user: string): Promise<string> => {
    const cached = tokens.get(user);
    if (cached) return cached;
    // The tenant knows people by id or UPN; the bench, like the host's query, also by alias.
    const person = PEOPLE.find((p) => p.alias === user);
    const res = await control('POST', '/_local/token', { user: person ? upnOf(person) : user });
    const { access_token } = (await res.json()) as { access_token: string };
    tokens.set(user, access_token);
    return access_token;
  };

  const graph = async <T>(
    user: string,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<T> => {
    const res = await fetch(`${url}/v1.0${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await token(user)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${String(res.status)} ${await res.text()}`);
    return (await res.json()) as T;
  };

  return {
    tenant,
    url,
    addLatency: async (latencyMs, inBatch) => {
      await control('POST', '/_local/faults', { path: '.*', kind: 'latency', latencyMs, inBatch });
    },
    clearFaults: async () => {
      await control('DELETE', '/_local/faults');
    },
    resetRequests: async () => {
      await control('DELETE', '/_local/requests');
    },
    requests: async () =>
      (await (await control('GET', '/_local/requests')).json()) as RequestSummary,
    token,
    graph,
    client: (user) => createGraphClient({ baseUrl: url, getToken: () => token(user) }),
    stop: () => tenant.close(),
  };
}
