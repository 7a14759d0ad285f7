import { z } from 'zod';
import type { TenantRuntime } from '../app';
import { badRequest } from '../http/graph-error';
import { readJson, type Tenant, type TenantApp } from '../http/context';

export const MAX_BATCH_REQUESTS = 20;
const BATCH_PARALLELISM = 4;

const subRequest = z.object({
  id: z.string().min(1).max(100),
  method: z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']),
  url: z.string().min(1).max(4096),
  headers: z.record(z.string(), z.string()).optional(),
  body: z.unknown().optional(),
  dependsOn: z.array(z.string()).max(MAX_BATCH_REQUESTS).optional(),
});

const batchBody = z.object({ requests: z.array(subRequest).min(1) });

type SubRequest = z.infer<typeof subRequest>;

interface SubResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/**
 * JSON batching as Graph does it: at most 20 requests; independent ones run side by side,
 * `dependsOn` orders them, and a request whose dependency failed answers 424. Each sub-request
 * goes through the whole tenant again (auth, faults, log), so it is counted and throttled alone.
 */
export function registerBatchRoute(app: TenantApp, tenant: Tenant, runtime: TenantRuntime): void {
  app.post('/v1.0/$batch', async (c) => {
    const { requests } = await readJson(c, batchBody);
    if (requests.length > MAX_BATCH_REQUESTS) {
      throw badRequest(
        `The number of batch requests exceeds the limit of ${String(MAX_BATCH_REQUESTS)}.`,
        'BadRequest',
      );
    }
    validate(requests);

    const auth = c.req.header('authorization') ?? '';
    const results = new Map<string, SubResponse>();
    const pending = new Map(requests.map((r) => [r.id, r]));

    while (pending.size > 0) {
      const ready = [...pending.values()].filter((r) =>
        (r.dependsOn ?? []).every((d) => results.has(d)),
      );
      // Graph runs at most four requests of a batch side by side (Outlook's per-mailbox limit).
      for (let i = 0; i < ready.length; i += BATCH_PARALLELISM) {
        await Promise.all(
          ready.slice(i, i + BATCH_PARALLELISM).map(async (r) => {
            pending.delete(r.id);
            const failedDependency = (r.dependsOn ?? []).some(
              (d) => (results.get(d)?.status ?? 500) >= 400,
            );
            results.set(r.id, failedDependency ? dependencyFailed(r.id) : await dispatch(r, auth));
          }),
        );
      }
    }
    return c.json({ responses: requests.map((r) => results.get(r.id)) });
  });

  async function dispatch(r: SubRequest, auth: string): Promise<SubResponse> {
    const relative = r.url.startsWith('/') ? r.url : `/${r.url}`;
    const headers = new Headers(r.headers);
    headers.set('authorization', auth);
    const hasBody = r.body !== undefined && r.body !== null;
    const request = new Request(`${tenant.origin()}/v1.0${relative}`, {
      method: r.method,
      headers,
      body: hasBody ? (typeof r.body === 'string' ? r.body : JSON.stringify(r.body)) : undefined,
    });
    runtime.batchRequests.add(request);
    const response = await app.fetch(request);
    const text = await response.text();
    const outHeaders: Record<string, string> = {};
    response.headers.forEach((v, k) => {
      if (
        k !== 'access-control-allow-origin' &&
        k !== 'access-control-expose-headers' &&
        k !== 'content-length'
      )
        outHeaders[k] = v;
    });
    // A response without content (204) is listed with "body": null, as Graph's docs show it.
    let body: unknown = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    return { id: r.id, status: response.status, headers: outHeaders, body };
  }
}

function validate(requests: SubRequest[]): void {
  const ids = new Set<string>();
  for (const r of requests) {
    if (ids.has(r.id)) throw badRequest(`Batch request id '${r.id}' is not unique.`);
    ids.add(r.id);
    if (/^https?:/i.test(r.url))
      throw badRequest(`Batch request '${r.id}' must use a relative URL.`);
    if (r.body !== undefined && r.body !== null) {
      const contentType = Object.entries(r.headers ?? {}).find(
        ([k]) => k.toLowerCase() === 'content-type',
      );
      if (!contentType)
        throw badRequest(`Batch request '${r.id}' has a body but no Content-Type header.`);
    }
  }
  for (const r of requests) {
    for (const d of r.dependsOn ?? []) {
      if (!ids.has(d))
        throw badRequest(`Batch request '${r.id}' depends on unknown request '${d}'.`);
    }
  }
  // A cycle would never become ready: refuse it up front.
  const done = new Set<string>();
  let progressed = true;
  while (progressed) {
    progressed = false;
    for (const r of requests) {
      if (!done.has(r.id) && (r.dependsOn ?? []).every((d) => done.has(d))) {
        done.add(r.id);
        progressed = true;
      }
    }
  }
  if (done.size !== requests.length) throw badRequest('Batch dependsOn forms a cycle.');
}

function dependencyFailed(id: string): SubResponse {
  return {
    id,
    status: 424,
    headers: { 'content-type': 'application/json' },
    body: {
      error: { code: 'FailedDependency', message: 'The request depends on a request that failed.' },
    },
  };
}
