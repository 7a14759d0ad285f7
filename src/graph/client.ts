import {
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
  type MiddlewareOptions,
} from '@microsoft/microsoft-graph-client';

/** Supplies a Graph access token; the auth layer decides how (NAA, Teams popup, browser). */
export type GetToken = () => Promise<string>;

export interface GraphClientOptions {
  /** Graph's origin, e.g. https://graph.microsoft.com or the local tenant's http://127.0.0.1:4100. */
  baseUrl: string;
  getToken: GetToken;
  /** Retries for throttling (429 with Retry-After), 503 and 504, and for dropped connections. */
  maxRetries?: number;
  /** Seconds to wait when no Retry-After came back. */
  delaySeconds?: number;
}

/**
 * Adds the bearer token to requests for the configured Graph origin, and only there, so a link
 * pointing elsewhere never receives it. The client's own AuthenticationHandler only sends tokens
 * to https Graph hosts, and the local tenant is plain http on loopback.
 */
class BearerToken implements Middleware {
  private next?: Middleware;
  constructor(
    private readonly origin: string,
    private readonly getToken: GetToken,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    if (new URL(url).origin === this.origin) {
      const value = `Bearer ${await this.getToken()}`;
      if (typeof context.request === 'string') {
        const options = (context.options ??= {});
        const headers = new Headers(options.headers);
        headers.set('Authorization', value);
        options.headers = Object.fromEntries(headers.entries());
      } else {
        context.request.headers.set('Authorization', value);
      }
    }
    if (!this.next) throw new Error('BearerToken must not be the last middleware');
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * Retries a request whose connection dropped before any answer came, where the built-in
 * RetryHandler stops (it only sees responses). Only requests safe to repeat are retried: reads,
 * deletes, and writes that carry their own idempotency (an If-Match, or a `transactionId` the
 * caller marked with `idempotentWrite`), and never a request sent with `sendOnce()`.
 */
class NetworkRetry implements Middleware {
  private next?: Middleware;
  constructor(
    private readonly maxRetries: number,
    private readonly delayMs: number,
  ) {}

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('NetworkRetry must not be the last middleware');
    // Decided before the marker header is stripped further down the chain.
    const repeatable = safeToRepeat(context);
    for (let attempt = 0; ; attempt++) {
      try {
        await this.next.execute(context);
        return;
      } catch (err) {
        if (!(err instanceof TypeError) || attempt >= this.maxRetries || !repeatable) throw err;
        await new Promise((r) => setTimeout(r, this.delayMs * (attempt + 1)));
      }
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

const IDEMPOTENT_HEADER = 'x-rapport-idempotent';

/** Marks a write as safe to repeat; the marker is removed before the request leaves. */
export const idempotentWrite = { [IDEMPOTENT_HEADER]: '1' } as const;

function safeToRepeat(context: Context): boolean {
  // A request whose own retry options allow no retries gets none here either (`sendOnce`).
  const own = context.middlewareControl?.getMiddlewareOptions(RetryHandlerOptions) as
    RetryHandlerOptions | undefined;
  if (own?.maxRetries === 0) return false;
  const method = (context.options?.method ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD' || method === 'DELETE') return true;
  const headers = new Headers(context.options?.headers);
  return headers.has('if-match') || headers.has(IDEMPOTENT_HEADER);
}

/**
 * A per-request option, `.middlewareOptions(sendOnce())`: neither the RetryHandler (429, 503,
 * 504) nor the network retry re-sends the request; whatever happens reaches the caller. For
 * writes where every copy that lands has an effect nothing can undo (an event PATCH emails every
 * attendee): the caller reads back to learn whether the write took effect, then decides.
 */
export const sendOnce = (): MiddlewareOptions[] => [new RetryHandlerOptions(0, 0)];

/** Strips the app's own marker header so it never reaches Graph (or a CORS preflight). */
class StripMarkers implements Middleware {
  private next?: Middleware;
  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('StripMarkers must not be the last middleware');
    const headers = new Headers(context.options?.headers);
    if (!headers.has(IDEMPOTENT_HEADER)) {
      await this.next.execute(context);
      return;
    }
    headers.delete(IDEMPOTENT_HEADER);
    // Only for this send: a retry (after a 429, say) passes through the middlewares above again,
    // and they must still see the marker to know the write is safe to repeat.
    const original = context.options;
    context.options = { ...original, headers: Object.fromEntries(headers.entries()) };
    try {
      await this.next.execute(context);
    } finally {
      context.options = original;
    }
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** A Graph client with Rapport's middleware: token, retries honouring Retry-After, network retries. */
export function createGraphClient(options: GraphClientOptions): Client {
  const chain: Middleware[] = [
    new BearerToken(new URL(options.baseUrl).origin, options.getToken),
    new RetryHandler(new RetryHandlerOptions(options.delaySeconds ?? 1, options.maxRetries ?? 3)),
    new NetworkRetry(options.maxRetries ?? 3, 250),
    new StripMarkers(),
    new HTTPMessageHandler(),
  ];
  for (let i = 0; i < chain.length - 1; i++) chain[i]?.setNext?.(chain[i + 1] as Middleware);
  return Client.initWithMiddleware({
    baseUrl: options.baseUrl.replace(/\/+$/, '') + '/',
    defaultVersion: 'v1.0',
    middleware: chain[0],
  });
}

/** Turns an absolute `@odata.nextLink` into the path the client expects. */
export function relativeNextLink(nextLink: string): string {
  const url = new URL(nextLink);
  return url.pathname.replace(/^\/v1\.0/, '') + url.search;
}
