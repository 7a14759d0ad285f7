import type { Client } from '@microsoft/microsoft-graph-client';

/** Graph runs at most 20 requests in one `$batch`. */
export const MAX_BATCH = 20;

export interface BatchItem {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Relative to the version, e.g. `/me/calendarView?...`. */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
  /** A write that is safe to repeat (it carries a transactionId or a unique key). */
  idempotent?: boolean;
}

export interface BatchResult {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

interface BatchResponse {
  responses: BatchResult[];
}

const RETRYABLE = new Set([429, 503, 504]);

export interface BatchOptions {
  maxAttempts?: number;
  /** Longest wait between attempts, whatever Retry-After says. */
  maxWaitSeconds?: number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Sends requests in `$batch` envelopes of at most 20 and re-sends the sub-requests Graph
 * throttled or could not serve (429, 503, 504), after the longest Retry-After among them. The
 * client's RetryHandler only sees the envelope's status, which is 200 even when every request
 * inside was throttled. Writes are re-sent only when safe to repeat.
 */
export async function runBatch(
  client: Client,
  items: readonly BatchItem[],
  options: BatchOptions = {},
): Promise<Map<string, BatchResult>> {
  const maxAttempts = options.maxAttempts ?? 4;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const results = new Map<string, BatchResult>();
  let pending = [...items];

  for (let attempt = 1; pending.length > 0; attempt++) {
    const again: BatchItem[] = [];
    let waitSeconds = 0;
    for (const chunk of chunks(pending)) {
      const response = (await client
        .api('/$batch')
        .post({ requests: chunk.map(toWire) })) as BatchResponse;
      for (const r of response.responses) {
        const item = chunk.find((i) => i.id === r.id);
        results.set(r.id, r);
        if (item && RETRYABLE.has(r.status) && repeatable(item) && attempt < maxAttempts) {
          again.push(item);
          waitSeconds = Math.max(waitSeconds, retryAfterSeconds(r.headers));
        }
      }
    }
    pending = again;
    if (pending.length > 0) await sleep(Math.min(waitSeconds, options.maxWaitSeconds ?? 30) * 1000);
  }
  return results;
}

function chunks(items: readonly BatchItem[]): BatchItem[][] {
  const out: BatchItem[][] = [];
  for (let i = 0; i < items.length; i += MAX_BATCH) out.push(items.slice(i, i + MAX_BATCH));
  for (const chunk of out) {
    const ids = new Set(chunk.map((i) => i.id));
    for (const item of chunk) {
      for (const d of item.dependsOn ?? []) {
        if (!ids.has(d))
          throw new Error(
            `Batch request '${item.id}' depends on '${d}', which is not in the same envelope of ${String(MAX_BATCH)}.`,
          );
      }
    }
  }
  return out;
}

function toWire(item: BatchItem): Record<string, unknown> {
  const headers = { ...(item.headers ?? {}) };
  if (
    item.body !== undefined &&
    !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')
  ) {
    headers['Content-Type'] = 'application/json';
  }
  return {
    id: item.id,
    method: item.method,
    url: item.url,
    ...(Object.keys(headers).length ? { headers } : {}),
    ...(item.body !== undefined ? { body: item.body } : {}),
    ...(item.dependsOn?.length ? { dependsOn: item.dependsOn } : {}),
  };
}

function repeatable(item: BatchItem): boolean {
  if (item.method === 'GET' || item.method === 'DELETE') return true;
  const hasIfMatch = Object.keys(item.headers ?? {}).some((k) => k.toLowerCase() === 'if-match');
  return hasIfMatch || item.idempotent === true;
}

function retryAfterSeconds(headers: Record<string, string> | undefined): number {
  const raw = Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === 'retry-after')?.[1];
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : 1;
}
