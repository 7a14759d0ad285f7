import type { HttpHandler, HttpRequest, HttpResponseInit } from '@azure/functions';
import type { RelayHandler } from './relay';

/**
 * The relay in Azure Functions (Node.js v4 programming model): the Functions HTTP request becomes
 * the web-standard Request the relay takes, and its Response the HttpResponseInit the host sends.
 * Nothing else changes: same routes, token checks, CORS and logs as on Node (src/relay/server.ts).
 */

const WITHOUT_BODY = new Set(['GET', 'HEAD']);

/** The request as the relay reads it: method, full URL, headers, and the body bytes as sent. */
export async function toWebRequest(request: HttpRequest): Promise<Request> {
  const method = request.method.toUpperCase();
  const body = WITHOUT_BODY.has(method) ? undefined : await request.arrayBuffer();
  return new Request(request.url, {
    method,
    headers: request.headers,
    ...(body && body.byteLength > 0 ? { body } : {}),
  });
}

/** The relay's answer for the Functions host: status, every header, and the body bytes. */
export async function toHttpResponseInit(response: Response): Promise<HttpResponseInit> {
  const body = response.body === null ? undefined : new Uint8Array(await response.arrayBuffer());
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    ...(body && body.byteLength > 0 ? { body } : {}),
  };
}

/** The HTTP trigger's handler around a relay. */
export function relayHttpHandler(relay: RelayHandler): HttpHandler {
  return async (request) => toHttpResponseInit(await relay(await toWebRequest(request)));
}
