import {
  graphRoute,
  param,
  type Permission,
  type Tenant,
  type TenantApp,
  type TenantCtx,
} from '../http/context';
import { notFound } from '../http/graph-error';
import { applySelect, page, parseSelect, parseSkip, parseTop } from '../http/odata';
import type { StoredGroup } from '../store/state';
import { P } from './permissions';

/**
 * GET /groups/{id}/members and /groups/{id}/owners: a group's people as directory objects, paged
 * like Graph. The team's group, and the groups a `/_local` control connects to a site.
 */
export function registerGroupRoutes(app: TenantApp, tenant: Tenant): void {
  const people = (
    route: 'members' | 'owners',
    permission: Permission,
    ids: (g: StoredGroup) => string[],
  ) => {
    graphRoute(app, 'get', `/groups/:groupId/${route}`, `/groups/{id}/${route}`, permission, (c) =>
      c.json(directoryObjects(c, tenant, ids)),
    );
  };
  people('members', P.groupMembers, (g) => g.memberIds);
  people('owners', P.groupOwners, (g) => g.ownerIds);
}

function directoryObjects(
  c: TenantCtx,
  tenant: Tenant,
  ids: (g: StoredGroup) => string[],
): Record<string, unknown> {
  const group = tenant.store.state.groups[param(c, 'groupId')];
  if (!group) {
    throw notFound(
      `Resource '${param(c, 'groupId')}' does not exist or one of its queried reference-property objects are not present.`,
      'Request_ResourceNotFound',
    );
  }
  const select = parseSelect(c.req.query('$select'));
  const objects = ids(group).flatMap((id) => {
    const u = tenant.store.state.users[id];
    return u ? [{ '@odata.type': '#microsoft.graph.user', ...applySelect(u, select) }] : [];
  });
  const top = parseTop(c.req.query('$top'), 100, 999);
  return {
    '@odata.context': `${tenant.origin()}/v1.0/$metadata#directoryObjects`,
    ...page(objects, new URL(c.req.url), top, parseSkip(c.req.query('$skip'))),
  };
}
