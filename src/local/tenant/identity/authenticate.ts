import type { MiddlewareHandler } from 'hono';
import { GraphError } from '../http/graph-error';
import type { Tenant, TenantEnv } from '../http/context';
import { GRAPH_AUDIENCE } from '../seed/directory';

const unauthorized = (message: string): GraphError =>
  new GraphError(401, 'InvalidAuthenticationToken', message, { 'WWW-Authenticate': 'Bearer' });

/** Graph's front door: a valid Graph token for this tenant, or 401 with Graph's error code. */
export function authenticate(tenant: Tenant): MiddlewareHandler<TenantEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) throw unauthorized('Access token is empty.');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw unauthorized('Access token is empty.');
    let payload;
    try {
      payload = await tenant.issuer.verify(match[1], GRAPH_AUDIENCE);
    } catch (err) {
      const reason = err instanceof Error ? err.message : 'invalid';
      if (/exp/.test(reason))
        throw unauthorized('Lifetime validation failed, the token is expired.');
      if (/aud/.test(reason)) throw unauthorized('Invalid audience.');
      throw unauthorized(
        `IDX14100: JWT is not well formed or its signature is not valid (${reason}).`,
      );
    }
    const roles = Array.isArray(payload.roles) ? (payload.roles as string[]) : undefined;
    if (payload.idtyp === 'app' && roles) {
      c.set('caller', { kind: 'app', appId: String(payload.azp), roles: new Set(roles) });
    } else {
      const oid = typeof payload.oid === 'string' ? payload.oid : '';
      if (!tenant.store.state.users[oid])
        throw unauthorized('The token names a user this tenant does not know.');
      const scp = typeof payload.scp === 'string' ? payload.scp.split(' ').filter(Boolean) : [];
      c.set('caller', { kind: 'user', id: oid, scopes: new Set(scp) });
    }
    await next();
  };
}
