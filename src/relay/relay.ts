import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import type { JWTVerifyGetKey } from 'jose';
import { seededRandom, type Random } from '../domain/random';
import { instant, type Instant } from '../domain/time/instant';
import { createGraphClient } from '../graph/client';
import { statusOf } from '../graph/expectations/expectations-repository';
import { registerAnswerRoutes } from './answer-routes';
import { appTokenSource } from './app-token';
import { tokenValidator } from './caller';
import { registerCheckInRoutes } from './checkin-routes';
import { CheckInStore } from './checkin-store';
import type { RelayConfig } from './config';
import { fail, type RelayEnv } from './http';
import { registerMetRoutes } from './met-routes';
import { registerPollRoutes } from './poll-routes';
import { PollStore } from './poll-store';
import { voteHasher } from './vote-hash';

/** One line per request: method, route, poll id, status, time. Never a user id or an answer. */
export interface RelayLogEntry {
  method: string;
  route: string;
  pollId?: string;
  status: number;
  ms: number;
  /** Graph's status when storage failed. */
  storageStatus?: number;
}

export interface RelayOptions {
  /** The relay's clock (epoch ms); the local tenant's in tests. Defaults to the real one. */
  now?: () => number;
  /** A fresh random source per publish (orders comments); defaults to a crypto-seeded one. */
  random?: () => Random;
  log?: (entry: RelayLogEntry) => void;
  /** Signing keys, when not fetched from `config.jwksUrl`. */
  keys?: JWTVerifyGetKey;
}

export type RelayHandler = (req: Request) => Promise<Response>;

/** The route's pattern and the poll id in it, for logs (nothing else from the path). */
function routeOf(path: string): { route: string; pollId?: string } {
  const match = /^\/api\/polls\/([^/]+)(\/.*)?$/.exec(path);
  if (!match?.[1] || match[1] === 'query') return { route: path.slice(0, 100) };
  return { route: `/api/polls/:id${match[2] ?? ''}`.slice(0, 100), pollId: match[1].slice(0, 64) };
}

const cryptoSeeded = (): Random => seededRandom(crypto.getRandomValues(new Uint32Array(1))[0] ?? 0);

/**
 * The relay as a stateless web-standard handler (ARCHITECTURE.md, "The relay"): it keeps nothing
 * between requests but cached keys and its app token, so any number can run side by side.
 */
export function createRelay(config: RelayConfig, options: RelayOptions = {}): RelayHandler {
  const now = (): Instant => instant((options.now ?? Date.now)());
  const validate = tokenValidator(config, now, options.keys);
  const client = createGraphClient({
    baseUrl: config.graphBaseUrl.replace(/\/v1\.0\/?$/, ''),
    // On the relay's clock: a token's expiry is judged by the same time the tenant issues it on.
    getToken: appTokenSource(
      {
        tokenEndpoint: config.tokenEndpoint,
        clientId: config.relayClientId,
        clientSecret: config.relayClientSecret,
      },
      now,
    ),
    delaySeconds: 0.2,
    maxRetries: 5,
  });
  const deps = {
    store: new PollStore(client, config.privateSiteId),
    checkIns: new CheckInStore(client, config.privateSiteId),
    team: { client, siteId: config.teamSiteId },
    hash: voteHasher(config.voteKey),
    now,
    random: options.random ?? cryptoSeeded,
  };
  const log = options.log ?? (() => undefined);

  const app = new Hono<RelayEnv>();
  // The relay answers JSON only: nothing of it may run, render, be framed or be cached (answers
  // and results are personal or gated by the threshold). Set on every answer, errors included.
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      xFrameOptions: 'DENY',
      // Browsers fetch the relay cross-origin with CORS; same-origin resource policy would refuse that.
      crossOriginResourcePolicy: false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.use(
    '*',
    cors({
      origin: (origin) => (config.allowedOrigins.includes(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PATCH', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'If-Match'],
      exposeHeaders: ['ETag'],
      maxAge: 600,
    }),
  );
  app.use('/api/*', async (c, next) => {
    const started = Date.now();
    const checked = await validate(c.req.header('Authorization'));
    if (!checked.ok) {
      c.header('WWW-Authenticate', `Bearer error="invalid_token"`);
      const res = c.json({ error: { code: 'unauthorized', message: checked.reason } }, 401);
      log({ method: c.req.method, ...routeOf(c.req.path), status: 401, ms: Date.now() - started });
      return res;
    }
    c.set('caller', checked.caller);
    await next();
    const { route, pollId } = routeOf(c.req.path);
    log({
      method: c.req.method,
      route,
      ...(pollId === undefined ? {} : { pollId }),
      status: c.res.status,
      ms: Date.now() - started,
    });
  });
  registerPollRoutes(app, deps);
  registerAnswerRoutes(app, deps);
  registerMetRoutes(app, deps);
  registerCheckInRoutes(app, deps);
  app.get('/health', (c) => c.json({ ok: true }));
  app.notFound((c) => fail(c, 404, 'notFound', 'No such relay endpoint.'));
  app.onError((err, c) => {
    const storageStatus = statusOf(err);
    log({
      method: c.req.method,
      ...routeOf(c.req.path),
      status: 503,
      ms: 0,
      ...(storageStatus === undefined ? {} : { storageStatus }),
    });
    return fail(c, 503, 'storageUnavailable', 'The relay could not reach its storage; try again.');
  });
  return async (req) => app.fetch(req);
}
