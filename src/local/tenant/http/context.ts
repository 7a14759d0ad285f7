import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import type { TenantClock } from '../clock';
import type { TokenIssuer } from '../identity/tokens';
import type { TenantStore } from '../store/store';
import { GraphError, badRequest } from './graph-error';

export type Caller =
  | { kind: 'user'; id: string; scopes: ReadonlySet<string> }
  | { kind: 'app'; appId: string; roles: ReadonlySet<string> };

export interface TenantEnv {
  Variables: { caller: Caller; requestId: string };
}

export type TenantApp = Hono<TenantEnv>;
export type TenantCtx = Context<TenantEnv>;

/** What every route module gets: the data, the clock and the identity provider. */
export interface Tenant {
  store: TenantStore;
  clock: TenantClock;
  issuer: TokenIssuer;
  /** The tenant's own origin, e.g. http://127.0.0.1:4100 (known once it listens). */
  origin(): string;
}

/** Which tokens may call a route: delegated scopes (`scp`) or application roles (`roles`). */
export interface Permission {
  delegated: readonly string[];
  application: readonly string[];
}

export interface RouteRecord {
  method: string;
  /** The path as Graph's docs and permission map write it, e.g. `/me/events/{id}`. */
  graphPath: string;
  permission: Permission;
}

/** Every Graph route the tenant serves, with the permissions it accepts (checked by a contract test). */
export const ROUTES: RouteRecord[] = [];

type Method = 'get' | 'post' | 'patch' | 'delete' | 'put';

/**
 * Registers a Graph route under /v1.0 that answers 403 unless the caller's token carries one of
 * the accepted permissions, as Graph does.
 */
export function graphRoute(
  app: TenantApp,
  method: Method,
  honoPath: string,
  graphPath: string,
  permission: Permission,
  handler: (c: TenantCtx) => Response | Promise<Response>,
): void {
  if (!ROUTES.some((r) => r.method === method.toUpperCase() && r.graphPath === graphPath)) {
    ROUTES.push({ method: method.toUpperCase(), graphPath, permission });
  }
  app[method](`/v1.0${honoPath}`, (c) => {
    requirePermission(c, permission);
    return handler(c);
  });
}

export function requirePermission(c: TenantCtx, p: Permission): void {
  const caller = c.get('caller');
  const granted = caller.kind === 'user' ? caller.scopes : caller.roles;
  const accepted = caller.kind === 'user' ? p.delegated : p.application;
  if (accepted.some((s) => granted.has(s))) return;
  throw new GraphError(
    403,
    'Forbidden',
    `Missing scope permissions on the request. API requires one of '${accepted.join(', ') || '(none for this kind of token)'}'. Scopes on the request '${[...granted].join(', ')}'`,
  );
}

export function callerUserId(c: TenantCtx): string {
  const caller = c.get('caller');
  if (caller.kind !== 'user') {
    throw badRequest('/me request is only valid with delegated authentication flow.');
  }
  return caller.id;
}

/** Parses a JSON body with a schema, answering 400 in Graph's shape when it does not fit. */
export async function readJson<S extends z.ZodType>(c: TenantCtx, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw badRequest(
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    );
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    throw badRequest(
      `Invalid request body${where ? ` at '${where}'` : ''}: ${issue?.message ?? 'not valid'}.`,
      'ErrorInvalidRequest',
    );
  }
  return parsed.data;
}

/** A path parameter, decoded; routes only match when it is present. */
export function param(c: TenantCtx, name: string): string {
  const value = c.req.param(name);
  if (value === undefined || value === '') throw badRequest(`Missing path segment '${name}'.`);
  try {
    return decodeURIComponent(value);
  } catch {
    throw badRequest(`The path segment '${name}' is not validly encoded.`);
  }
}
