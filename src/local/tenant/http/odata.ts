import { badRequest } from './graph-error';

/** Annotations Graph returns whatever `$select` says. */
const ALWAYS_KEPT = new Set(['id', '@odata.etag', '@odata.type']);

export function parseSelect(query: string | undefined): string[] | undefined {
  if (query === undefined || query.trim() === '') return undefined;
  const fields = query.split(',').map((f) => f.trim());
  for (const f of fields) {
    if (!/^[A-Za-z@][\w@.]*$/.test(f))
      throw badRequest(
        `Parsing OData Select and Expand failed: Term '${f}' is not valid in a $select or $expand expression.`,
      );
  }
  return fields;
}

/** `$select` keeps the named properties (and the id and annotations Graph always returns). */
export function applySelect<T extends object>(item: T, select: string[] | undefined): Partial<T> {
  if (!select) return item;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (ALWAYS_KEPT.has(key) || select.includes(key)) out[key] = value;
  }
  return out as Partial<T>;
}

export function parseTop(raw: string | undefined, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw badRequest(
      `Invalid value '${raw}' for $top; expected a positive integer.`,
      'ErrorInvalidUrlQuery',
    );
  return Math.min(n, max);
}

export function parseSkip(raw: string | undefined): number {
  if (raw === undefined) return 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw badRequest(`Invalid value '${raw}' for $skip.`, 'ErrorInvalidUrlQuery');
  return n;
}

/**
 * One page of a collection with Graph's `@odata.nextLink` when more remain. The link repeats the
 * request's own query with a new `$skip`, so a client just follows it.
 */
export function page<T>(
  all: readonly T[],
  requestUrl: URL,
  top: number,
  skip: number,
): { value: T[]; '@odata.nextLink'?: string } {
  const value = all.slice(skip, skip + top);
  if (skip + top >= all.length) return { value };
  // Graph writes `$skip`, not `%24skip`, in its links; keep the rest of the query as sent.
  const kept = [...requestUrl.searchParams].filter(([k]) => k !== '$skip' && k !== '$top');
  const query = [
    ...kept.map(([k, v]) => `${k.replace(/^%24/, '$')}=${encodeURIComponent(v)}`),
    `$top=${String(top)}`,
    `$skip=${String(skip + top)}`,
  ];
  return {
    value,
    '@odata.nextLink': `${requestUrl.origin}${requestUrl.pathname}?${query.join('&')}`,
  };
}
