import type * as G from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import { graphRoute, type Tenant, type TenantApp, type TenantCtx } from '../../http/context';
import { TENANT_ID } from '../../seed/directory';
import type { StoredSite } from '../../store/state';
import { P } from '../permissions';
import { accessDenied, appName, invalidRequest, siteFor, siteNotFound, sitePeople } from './access';
import { metadata, siteJson } from './render';

/**
 * What an admin's provisioning reads and writes on a site, beyond its lists:
 * - GET /sites/{hostname}:/{server-relative-path}: a site by its URL;
 * - GET /sites/{id}/drive: the default library, whose `owner` is the site's Microsoft 365 group
 *   when it has one (SharePoint shows a "System Account" user there otherwise);
 * - GET, POST /sites/{id}/permissions and GET, PATCH /sites/{id}/permissions/{id}: the apps
 *   granted on the site (Sites.Selected). Graph lists app grants here, never people.
 */
export function registerSiteAdminRoutes(app: TenantApp, tenant: Tenant): void {
  const state = () => tenant.store.state;

  graphRoute(
    app,
    'get',
    '/sites/:hostname{[^/]+:}/:path{.+}',
    '/sites/{id}:/{id}',
    P.sitesRead,
    (c) => {
      const hostname = (c.req.param('hostname') ?? '').slice(0, -1).toLowerCase();
      // `/sites/{hostname}:/{path}:` (a trailing colon, to address what is below) means the same.
      const path = safeDecode(c.req.param('path') ?? '')
        .replace(/:$/, '')
        .replace(/^\/+|\/+$/g, '')
        .toLowerCase();
      const found = Object.values(state().sites).find((s) => {
        const url = new URL(s.site.webUrl ?? 'https://invalid/');
        return (
          url.hostname.toLowerCase() === hostname &&
          safeDecode(url.pathname)
            .replace(/^\/+|\/+$/g, '')
            .toLowerCase() === path
        );
      });
      if (!found) throw siteNotFound();
      const caller = c.get('caller');
      if (caller.kind === 'user' && !sitePeople(tenant, found).has(caller.id)) {
        throw accessDenied();
      }
      if (caller.kind === 'app' && !appMayRead(found, caller.appId, caller.roles)) {
        throw accessDenied();
      }
      return c.json(siteJson(tenant, found));
    },
  );

  graphRoute(app, 'get', '/sites/:siteId/drive', '/sites/{id}/drive', P.siteDrive, (c) => {
    const site = siteFor(c, tenant, 'read');
    return c.json({
      '@odata.context': metadata(tenant, 'drives/$entity'),
      ...driveJson(tenant, site),
    });
  });

  graphRoute(
    app,
    'get',
    '/sites/:siteId/permissions',
    '/sites/{id}/permissions',
    P.sitePermissionsList,
    (c) => {
      const site = siteFor(c, tenant, 'read');
      return c.json({
        '@odata.context': metadata(tenant, `sites('${site.site.id ?? ''}')/permissions`),
        value: Object.keys(site.appGrants).map((appId) => permissionJson(site, appId)),
      });
    },
  );

  graphRoute(
    app,
    'post',
    '/sites/:siteId/permissions',
    '/sites/{id}/permissions',
    P.sitePermissionsManage,
    async (c) => {
      const site = siteFor(c, tenant, 'write');
      const body = await readPermissionBody(c);
      const identities = body.grantedToIdentitiesV2 ?? body.grantedToIdentities ?? [];
      const granted = identities[0]?.application;
      if (identities.length !== 1 || !granted) {
        throw invalidRequest(
          'A site permission is granted to exactly one application (grantedToIdentities[0].application); it cannot grant people.',
        );
      }
      const role = singleRole(body.roles);
      tenant.store.mutate(() => {
        // Granting an app again replaces its role, as SharePoint keeps one grant per app.
        site.appGrants[granted.id] = role;
        if (granted.displayName) {
          site.appGrantNames = { ...site.appGrantNames, [granted.id]: granted.displayName };
        }
      });
      return c.json(
        {
          '@odata.context': metadata(tenant, `sites('${site.site.id ?? ''}')/permissions/$entity`),
          ...permissionJson(site, granted.id),
        },
        201,
      );
    },
  );

  graphRoute(
    app,
    'get',
    '/sites/:siteId/permissions/:permissionId',
    '/sites/{id}/permissions/{id}',
    P.sitePermissionsManage,
    (c) => {
      const site = siteFor(c, tenant, 'read');
      const appId = grantedAppOf(site, c.req.param('permissionId') ?? '');
      return c.json({
        '@odata.context': metadata(tenant, `sites('${site.site.id ?? ''}')/permissions/$entity`),
        ...permissionJson(site, appId),
      });
    },
  );

  graphRoute(
    app,
    'patch',
    '/sites/:siteId/permissions/:permissionId',
    '/sites/{id}/permissions/{id}',
    P.sitePermissionsManage,
    async (c) => {
      const site = siteFor(c, tenant, 'write');
      const appId = grantedAppOf(site, c.req.param('permissionId') ?? '');
      const body = await readPermissionBody(c);
      const role = singleRole(body.roles);
      tenant.store.mutate(() => {
        site.appGrants[appId] = role;
      });
      return c.json({
        '@odata.context': metadata(tenant, `sites('${site.site.id ?? ''}')/permissions/$entity`),
        ...permissionJson(site, appId),
      });
    },
  );
}

const identityInput = z.looseObject({
  application: z
    .looseObject({ id: z.string().min(1).max(100), displayName: z.string().max(255).nullish() })
    .nullish(),
});

const permissionInput = z.looseObject({
  roles: z.array(z.string()).nullish(),
  grantedToIdentities: z.array(identityInput).nullish(),
  grantedToIdentitiesV2: z.array(identityInput).nullish(),
});

async function readPermissionBody(c: TenantCtx): Promise<z.infer<typeof permissionInput>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw invalidRequest('Unable to read JSON request payload.');
  }
  const parsed = permissionInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidRequest(
      `Invalid request at '${issue?.path.join('.') ?? ''}': ${issue?.message ?? 'not valid'}.`,
    );
  }
  return parsed.data;
}

/** The local tenant grants SharePoint's read and write levels (Sites.Selected's usual two). */
function singleRole(roles: readonly string[] | null | undefined): 'read' | 'write' {
  const role = roles?.length === 1 ? roles[0]?.toLowerCase() : undefined;
  if (role !== 'read' && role !== 'write') {
    throw invalidRequest(
      `roles must be one of 'read' or 'write' (the local tenant grants those two), not ${JSON.stringify(roles ?? [])}.`,
    );
  }
  return role;
}

/**
 * SharePoint's id for an app's grant: the app's claims identity, base64-encoded (as in Microsoft's
 * documented example, `aTowaS50fG1zLnNwLmV4dHw…`).
 */
export const sitePermissionId = (appId: string): string =>
  Buffer.from(`i:0i.t|ms.sp.ext|${appId}@${TENANT_ID}`).toString('base64');

function grantedAppOf(site: StoredSite, permissionId: string): string {
  const appId = Object.keys(site.appGrants).find(
    (id) => sitePermissionId(id) === safeDecode(permissionId),
  );
  if (!appId) throw invalidRequest('The permission id is not one of this site.');
  return appId;
}

function permissionJson(site: StoredSite, appId: string): G.Permission {
  const identity = { application: { id: appId, displayName: appName(site, appId) } };
  return {
    id: sitePermissionId(appId),
    roles: [site.appGrants[appId] ?? 'read'],
    grantedToIdentities: [identity],
    grantedToIdentitiesV2: [identity],
  };
}

/** An app token reads a site it was granted, or any site with a tenant-wide Sites role. */
function appMayRead(site: StoredSite, appId: string, roles: ReadonlySet<string>): boolean {
  if (
    ['Sites.Read.All', 'Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'].some(
      (r) => roles.has(r),
    )
  ) {
    return true;
  }
  return roles.has('Sites.Selected') && site.appGrants[appId] !== undefined;
}

function driveJson(tenant: Tenant, site: StoredSite): Record<string, unknown> {
  const group = site.groupId ? tenant.store.state.groups[site.groupId] : undefined;
  const systemAccount = { user: { displayName: 'System Account' } };
  return {
    id: `b!${Buffer.from(site.site.id ?? '').toString('base64url')}`,
    createdDateTime: site.site.createdDateTime,
    description: '',
    lastModifiedDateTime: site.site.lastModifiedDateTime,
    name: 'Documents',
    webUrl: `${site.site.webUrl ?? ''}/Shared%20Documents`,
    driveType: 'documentLibrary',
    createdBy: systemAccount,
    // A group-connected site's library is owned by the group (a sharePointIdentitySet's `group`).
    owner: group
      ? {
          '@odata.type': '#microsoft.graph.sharePointIdentitySet',
          group: { id: group.id, displayName: group.displayName },
        }
      : systemAccount,
  };
}

function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
