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
  /** Creates `count` meetings on the person's calendar through Graph, `concurrency` at a time. */
  addMeetings(user: string, count: number, concurrency: number): Promise<void>;
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

  const createMeeting = async (user: string, index: number, count: number): Promise<void> => {
    // Spread over the next seven days, starting an hour from now, 30 minutes each.
    const windowMs = 6 * 86_400_000;
    const start = Date.now() + 3_600_000 + Math.floor((index * windowMs) / count);
    const end = start + 30 * 60_000;
    const local = (ms: number) => new Date(ms).toISOString().slice(0, 19);
    const res = await fetch(`${url}/v1.0/me/events`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await token(user)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        subject: `Bench meeting ${String(index + 1)}`,
        start: { dateTime: local(start), timeZone: 'UTC' },
        end: { dateTime: local(end), timeZone: 'UTC' },
      }),
    });
    if (res.status !== 201) {
      throw new Error(`POST /me/events: ${String(res.status)} ${await res.text()}`);
    }
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
    addMeetings: async (user, count, concurrency) => {
      for (let first = 0; first < count; first += concurrency) {
        const last = Math.min(first + concurrency, count);
        const indexes = Array.from({ length: last - first }, (_, i) => first + i);
        await Promise.all(indexes.map((i) => createMeeting(user, i, count)));
      }
    },
    stop: () => tenant.close(),
  };
}
