import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Tenant, TenantApp } from '../http/context';
import { GraphError } from '../http/graph-error';
import { PEOPLE, SITES, TENANT_DOMAIN, upnOf } from '../seed/directory';

const siteMemberRequest = z.object({
  /** A person's id or UPN. */
  user: z.string().min(1).max(200),
  role: z.enum(['member', 'owner']).default('member'),
});

/**
 * `POST /_local/sites/{site}/members` `{ user, role? }`: gives a person access to a site (`team`,
 * `private`, or a site id) the way a group-connected site does, through its Microsoft 365 group:
 * the person joins the group as a member (or owner), and a site without a group is first
 * connected to a new one named after it. That is what Graph can show of a site's people (the
 * group is the owner of the site's default library), and the mistake provisioning refuses: a
 * private site created as a team site with people in it. Answers the site's group and its people.
 */
export function registerSiteMemberControl(app: TenantApp, tenant: Tenant): void {
  app.post('/_local/sites/:site/members', async (c) => {
    const body = siteMemberRequest.parse(await c.req.json());
    const key = decodeURIComponent(c.req.param('site'));
    const siteId = key === 'team' || key === 'private' ? SITES[key].id : key;
    const site = tenant.store.state.sites[siteId];
    if (!site) throw new GraphError(404, 'itemNotFound', `No site '${key}'.`);
    const person = PEOPLE.find((p) => p.id === body.user || upnOf(p) === body.user.toLowerCase());
    if (!person) throw new GraphError(404, 'UserNotFound', `No demo person '${body.user}'.`);
    const group = tenant.store.mutate((s) => {
      let g = site.groupId ? s.groups[site.groupId] : undefined;
      if (!g) {
        const name = site.site.name ?? 'site';
        g = {
          id: randomUUID(),
          displayName: site.site.displayName ?? name,
          description: `The Microsoft 365 group of the site ${site.site.webUrl ?? name}.`,
          mail: `${name}@${TENANT_DOMAIN}`,
          memberIds: [],
          ownerIds: [],
        };
        s.groups[g.id] = g;
        site.groupId = g.id;
      }
      const ids = body.role === 'owner' ? g.ownerIds : g.memberIds;
      if (!ids.includes(person.id)) ids.push(person.id);
      return g;
    });
    return c.json(
      {
        siteId,
        groupId: group.id,
        ownerIds: group.ownerIds,
        memberIds: group.memberIds,
      },
      201,
    );
  });
}
