import type { z } from 'zod';
import {
  FeedbackError,
  FORBIDDEN_WORDS,
  type FeedbackErrorKind,
  type RelayForbidden,
  type RelayService,
} from '../domain/ports/feedback';
import { relayErrorSchema } from './relay-schemas';

/**
 * One request to the relay: a bearer token for the relay's own API, JSON in and out, the answer
 * parsed with its schema, and failures turned into messages a person can read.
 *
 * Retries: 429 and 503 (and a 502/504 from a gateway) wait for `Retry-After`, capped, and a
 * dropped connection is tried again, a bounded number of times. That is safe for every call the
 * client makes, writes included, because each write is idempotent by construction: a poll is
 * created under an id the client chose, an answer carries a submission id, a close is conditional
 * on the poll's ETag. Nothing is ever sent twice under a new identity.
 */

export interface RelayHttpOptions {
  /** The relay's base URL (`RAPPORT_RELAY_URL`), without a trailing slash. */
  baseUrl: string;
  /** An access token for the relay's scope. */
  getToken: () => Promise<string>;
  fetch?: typeof fetch;
  /** Waits between attempts; tests pass a fast one. */
  sleep?: (ms: number) => Promise<void>;
  /** Attempts per request, the first included. */
  maxAttempts?: number;
  /** The longest single wait, whatever `Retry-After` asks. */
  maxWaitMs?: number;
}

export interface RelayRequest<T> {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  schema: z.ZodType<T>;
  /** What a 403 means for this call. */
  forbidden: RelayForbidden;
}

/** What a request came back with, including whether it was a retry (see `answer`). */
export interface RelayAnswer<T> {
  status: number;
  data: T;
  retried: boolean;
}

const RETRYABLE = new Set([429, 502, 503, 504]);
const DEFAULT_ATTEMPTS = 4;
const DEFAULT_MAX_WAIT_MS = 5_000;

const defaultSleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

/**
 * `Retry-After` in seconds or as an HTTP date, else a short exponential backoff; capped so a
 * person is never left waiting on a button for long.
 * Worked example: "2" → 2000 ms; absent on the second retry → 1000 ms; "120" → the cap.
 */
export function retryDelayMs(header: string | null, attempt: number, now: number, capMs: number) {
  const backoff = 250 * 2 ** attempt;
  if (header === null || header.trim() === '') return Math.min(backoff, capMs);
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
  return Math.min(Math.max(Number.isFinite(ms) ? ms : backoff, 0), capMs);
}

export interface RelayHttp {
  send<T>(request: RelayRequest<T>): Promise<RelayAnswer<T>>;
}

/** `service` names the relay's service in each failure's detail. */
export function relayHttp(
  options: RelayHttpOptions,
  service: RelayService = 'feedback',
): RelayHttp {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const sleep = options.sleep ?? defaultSleep;
  const attempts = Math.max(1, options.maxAttempts ?? DEFAULT_ATTEMPTS);
  const capMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const base = options.baseUrl.replace(/\/+$/, '');

  return {
    async send<T>(request: RelayRequest<T>): Promise<RelayAnswer<T>> {
      const token = await options.getToken();
      let lastFailure: FeedbackError | undefined;
      for (let attempt = 0; attempt < attempts; attempt++) {
        let response: Response;
        try {
          response = await doFetch(`${base}${request.path}`, {
            method: request.method,
            headers: {
              Authorization: `Bearer ${token}`,
              Accept: 'application/json',
              ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
              ...request.headers,
            },
            ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
          });
        } catch {
          lastFailure = new FeedbackError(
            'unavailable',
            'Could not reach Rapport’s feedback service. Check your connection and try again.',
            undefined,
            { service },
          );
          if (attempt + 1 < attempts) await sleep(retryDelayMs(null, attempt, Date.now(), capMs));
          continue;
        }
        if (RETRYABLE.has(response.status) && attempt + 1 < attempts) {
          await response.body?.cancel().catch(() => undefined);
          await sleep(
            retryDelayMs(response.headers.get('Retry-After'), attempt, Date.now(), capMs),
          );
          continue;
        }
        const body = await readJson(response);
        if (!response.ok) throw failureOf(response.status, body, request.forbidden, service);
        const parsed = request.schema.safeParse(body);
        if (!parsed.success) {
          throw new FeedbackError(
            'protocol',
            'Rapport’s feedback service sent an answer this version of the app cannot read. Reload the app; if it persists, tell your admin.',
            response.status,
            { service },
          );
        }
        return { status: response.status, data: parsed.data, retried: attempt > 0 };
      }
      throw (
        lastFailure ??
        new FeedbackError(
          'unavailable',
          'Rapport’s feedback service is busy. Try again in a moment.',
          undefined,
          { service },
        )
      );
    },
  };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The relay's status and error body as a person reads it. */
export function failureOf(
  status: number,
  body: unknown,
  forbidden: RelayForbidden,
  service: RelayService = 'feedback',
): FeedbackError {
  const parsed = relayErrorSchema.safeParse(body);
  const code = parsed.success ? parsed.data.error.code : '';
  const message = parsed.success ? parsed.data.error.message.trim() : '';
  const fail = (kind: FeedbackErrorKind, words: string) =>
    new FeedbackError(kind, words, status, { service });
  /** The relay's own words when it sent some, else ours. */
  const relayOr = (kind: FeedbackErrorKind, words: string) =>
    message
      ? new FeedbackError(kind, message, status, { service, relayWords: true })
      : fail(kind, words);
  switch (status) {
    case 400:
      return relayOr(
        'invalid',
        'The feedback service refused what was sent. Check the fields and try again.',
      );
    case 401:
      return fail(
        'signIn',
        'Rapport’s feedback service did not accept your sign-in. Sign in again.',
      );
    case 403:
      return new FeedbackError('forbidden', FORBIDDEN_WORDS[forbidden], status, {
        service,
        forbidden,
      });
    case 404:
      return fail('notFound', 'This poll no longer exists.');
    case 409:
      if (/alreadyAnswered/i.test(code)) {
        return fail(
          'alreadyAnswered',
          'You have already answered this poll. Your first answer stands; a poll takes one answer per person.',
        );
      }
      if (/answersExist/i.test(code)) {
        return fail(
          'answersExist',
          'Someone has already answered, so this poll can no longer change. Your edits were not saved.',
        );
      }
      if (/pollClosed|closed/i.test(code)) {
        return fail('closed', 'This poll is closed and takes no more answers.');
      }
      return relayOr('conflict', 'The poll changed meanwhile. Reload it and try again.');
    case 412:
      return fail('conflict', 'Someone changed the poll meanwhile. Reload it and try again.');
    case 429:
    case 502:
    case 503:
    case 504:
      return fail('unavailable', 'Rapport’s feedback service is busy. Try again in a moment.');
    default:
      return fail(
        'unavailable',
        `Rapport’s feedback service failed (${String(status)}). Try again in a moment.`,
      );
  }
}
