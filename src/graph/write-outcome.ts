import { GraphError } from '@microsoft/microsoft-graph-client';

/**
 * For writes sent once (`sendOnce`) whose caller reads back before trying again: whether a failed
 * write may have taken effect anyway (no answer, throttled, or a server error, any of which can
 * come after the service stored it), and how long to wait before reading back.
 */
export function outcomeUnknown(err: unknown): boolean {
  if (err instanceof TypeError) return true;
  if (!(err instanceof GraphError)) return false;
  // The client reports a request that got no answer at all with status -1.
  return err.statusCode <= 0 || err.statusCode === 429 || err.statusCode >= 500;
}

/** Seconds Graph asked to wait, or a short default growing with the attempt; never over 30 s. */
export function waitMs(err: unknown, attempt: number): number {
  const raw = err instanceof GraphError ? err.headers?.get('Retry-After') : undefined;
  const seconds = raw === undefined || raw === null ? NaN : Number(raw);
  return Math.min(Number.isFinite(seconds) && seconds >= 0 ? seconds : attempt, 30) * 1000;
}
