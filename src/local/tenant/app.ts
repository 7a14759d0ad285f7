import { Hono, type MiddlewareHandler } from 'hono';
import { ZodError } from 'zod';
import { cors } from 'hono/cors';
import type { HttpBindings } from '@hono/node-server';
import { GraphError, graphErrorBody } from './http/graph-error';
import {
  ROUTES,
  type Caller,
  type Tenant,
  type TenantApp,
  type TenantCtx,
  type TenantEnv,
} from './http/context';
import { FaultInjector, type FaultRule } from './controls/faults';
import { RequestLog, type LoggedRequest } from './controls/request-log';
import { registerControlRoutes } from './controls/routes';
import { registerIdentityRoutes } from './identity/routes';
import { authenticate } from './identity/authenticate';
import { registerUserRoutes } from './graph/users';
import { registerBatchRoute } from './graph/batch';
import { registerGraphModules } from './graph/modules';

export interface TenantRuntime {
  faults: FaultInjector;
  log: RequestLog;
  /** Requests the tenant dispatched to itself for `$batch`; marked so faults and logs know. */
  batchRequests: WeakSet<Request>;
  reset(): Promise<void>;
}

const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The local tenant as one web-standard handler: Graph under /v1.0, identity, and controls. */
export function createTenantApp(tenant: Tenant, runtime: TenantRuntime): TenantApp {
  const app: TenantApp = new Hono();

  app.use(
    '*',
    cors({
      origin: '*',
      allowHeaders: [
        'Authorization',
        'Content-Type',
        'Prefer',
        'If-Match',
        'If-None-Match',
        'ConsistencyLevel',
        'client-request-id',
      ],
      allowMethods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS'],
      exposeHeaders: [
        'Retry-After',
        'ETag',
        'Location',
        'request-id',
        'client-request-id',
        'Preference-Applied',
      ],
      maxAge: 600,
    }),
  );

  app.use('*', async (c, next) => {
    const requestId = c.req.header('client-request-id') ?? tenant.store.nextId('req-');
    c.set('requestId', requestId);
    await next();
    c.res.headers.set('request-id', requestId);
  });

  app.use('/v1.0/*', async (c, next) => {
    const size = Number(c.req.header('content-length') ?? '0');
    if (size > MAX_BODY_BYTES) {
      throw new GraphError(
        413,
        'RequestEntityTooLarge',
        `The request body is larger than ${String(MAX_BODY_BYTES)} bytes.`,
      );
    }
    const batched = runtime.batchRequests.has(c.req.raw);
    const path = c.req.path.slice('/v1.0'.length) || '/';
    try {
      await next();
    } finally {
      // Unset when authentication failed.
      const caller = c.get('caller') as Caller | undefined;
      const entry: LoggedRequest = {
        method: c.req.method,
        path: path + new URL(c.req.url).search,
        status: c.res.status,
        batched,
        at: tenant.clock.iso(),
      };
      if (caller) entry.caller = caller.kind === 'user' ? caller.id : caller.appId;
      runtime.log.add(entry);
    }
  });

  app.use('/v1.0/*', authenticate(tenant));
  app.use('/v1.0/*', mailboxConcurrency());
  app.use('/v1.0/*', async (c, next) => {
    const batched = runtime.batchRequests.has(c.req.raw);
    const path = c.req.path.slice('/v1.0'.length) || '/';
    const fired = runtime.faults.match(c.req.method, path, batched);
    for (const r of fired.filter((f) => f.kind === 'latency')) await sleep(r.latencyMs ?? 0);
    const before = fired.find((f) => f.kind !== 'latency' && f.when === 'before');
    if (before) return faultResponse(c as TenantCtx, before);
    await next();
    const after = fired.find((f) => f.kind !== 'latency' && f.when === 'after');
    if (after) c.res = faultResponse(c as TenantCtx, after);
    return undefined;
  });

  registerIdentityRoutes(app, tenant);
  registerControlRoutes(app, tenant, runtime);
  registerUserRoutes(app, tenant);
  registerGraphModules(app, tenant);
  registerBatchRoute(app, tenant, runtime);

  app.notFound((c) => {
    // A resource the tenant serves, asked with a method it does not take: 405, as Graph answers.
    const allowed = c.req.path.startsWith('/v1.0/')
      ? allowedMethods(c.req.path.slice('/v1.0'.length))
      : [];
    if (allowed.length > 0 && !allowed.includes(c.req.method)) {
      return c.json(
        graphErrorBody(
          'Request_BadRequest',
          'Specified HTTP method is not allowed for the request target.',
          c.var.requestId,
          tenant.clock.iso(),
        ),
        405,
        { Allow: allowed.join(', ') },
      );
    }
    const segment = c.req.path.split('/').filter(Boolean).pop() ?? '';
    return c.json(
      graphErrorBody(
        'BadRequest',
        `Resource not found for the segment '${segment}'.`,
        c.var.requestId,
        tenant.clock.iso(),
      ),
      400,
    );
  });

  app.onError((err, c) => {
    if (err instanceof GraphError) {
      return c.json(
        graphErrorBody(err.code, err.message, c.var.requestId, tenant.clock.iso()),
        err.status as 400,
        err.headers,
      );
    }
    if (err instanceof ZodError) {
      const issue = err.issues[0];
      const where = issue?.path.join('.') ?? '';
      return c.json(
        graphErrorBody(
          'BadRequest',
          `Invalid request${where ? ` at '${where}'` : ''}: ${issue?.message ?? 'not valid'}.`,
          c.var.requestId,
          tenant.clock.iso(),
        ),
        400,
      );
    }
    console.error('[local tenant] unexpected error', err);
    return c.json(
      graphErrorBody(
        'InternalServerError',
        'An internal server error occurred.',
        c.var.requestId,
        tenant.clock.iso(),
      ),
      500,
    );
  });

  return app;
}

/** The methods the tenant serves on a path, from the routes recorded with their Graph paths. */
function allowedMethods(path: string): string[] {
  const methods = ROUTES.filter((r) => graphPathPattern(r.graphPath).test(path)).map(
    (r) => r.method,
  );
  return [...new Set(methods)];
}

function graphPathPattern(graphPath: string): RegExp {
  const parts = graphPath.split(/\{[^}]+\}/).map((p) => p.replace(/[.*+?^$()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^/]+')}/?$`, 'i');
}

function faultResponse(c: TenantCtx, rule: FaultRule): Response {
  if (rule.kind === 'drop') {
    const env = c.env as HttpBindings | undefined;
    env?.incoming.socket.destroy();
    return new Response(null, { status: 599 });
  }
  const status = rule.status ?? 503;
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (rule.retryAfterSeconds !== undefined) headers['Retry-After'] = String(rule.retryAfterSeconds);
  const code =
    status === 429
      ? 'TooManyRequests'
      : status === 503
        ? 'ServiceNotAvailable'
        : status === 504
          ? 'GatewayTimeout'
          : 'InternalServerError';
  const message =
    status === 429 ? 'Please retry again later.' : 'The service is temporarily unavailable.';
  const body = graphErrorBody(code, message, c.var.requestId, new Date().toISOString());
  // Graph's throttling answer repeats the status in innerError (throttling docs).
  if (status === 429) {
    Object.assign(body.error.innerError, {
      code: '429',
      message: 'Please retry after',
      status: '429',
    });
  }
  return new Response(JSON.stringify(body), { status, headers });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Outlook serves at most four requests at once per mailbox; a fifth is throttled (Graph's limits). */
export const MAX_CONCURRENT_PER_MAILBOX = 4;

function mailboxConcurrency(): MiddlewareHandler<TenantEnv> {
  const inFlight = new Map<string, number>();
  return async (c, next) => {
    const caller = c.get('caller');
    const mailbox =
      caller.kind === 'user' &&
      /^\/v1\.0\/me\/(events|calendar|calendarView|mailboxSettings)/.test(c.req.path)
        ? caller.id
        : undefined;
    if (!mailbox) {
      await next();
      return;
    }
    const count = inFlight.get(mailbox) ?? 0;
    if (count >= MAX_CONCURRENT_PER_MAILBOX) {
      throw new GraphError(
        429,
        'ApplicationThrottled',
        'Application is over its MailboxConcurrency limit.',
        { 'Retry-After': '1' },
      );
    }
    inFlight.set(mailbox, count + 1);
    try {
      await next();
    } finally {
      const left = (inFlight.get(mailbox) ?? 1) - 1;
      if (left === 0) inFlight.delete(mailbox);
      else inFlight.set(mailbox, left);
    }
  };
}
