import { graphRoute, param, type Tenant, type TenantApp } from '../http/context';
import { notFound } from '../http/graph-error';
import { applySelect, page, parseSelect, parseSkip, parseTop } from '../http/odata';
import { P } from './permissions';

/** GET /groups/{id}/members: the team's people as directory objects, paged like Graph. */
export function registerGroupRoutes(app: TenantApp, tenant: Tenant): void {
  graphRoute(
    app,
    'get',
    '/groups/:groupId/members',
    '/groups/{id}/members',
    P.groupMembers,
    (c) => {
      const group = tenant.store.state.groups[param(c, 'groupId')];
      if (!group) {
        throw notFound(
          `Resource '${param(c, 'groupId')}' does not exist or one of its queried reference-property objects are not present.`,
          'Request_ResourceNotFound',
        );
      }
      const select = parseSelect(c.req.query('$select'));
      const members = group.memberIds.flatMap((id) => {
        const u = tenant.store.state.users[id];
        return u ? [{ '@odata.type': '#microsoft.graph.user', ...applySelect(u, select) }] : [];
      });
      const top = parseTop(c.req.query('$top'), 100, 999);
      return c.json({
        '@odata.context': `${tenant.origin()}/v1.0/$metadata#directoryObjects`,
        ...page(members, new URL(c.req.url), top, parseSkip(c.req.query('$skip'))),
      });
    },
  );
}
