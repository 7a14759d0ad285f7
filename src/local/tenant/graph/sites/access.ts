import type * as G from '@microsoft/microsoft-graph-types';
import type { Caller, Tenant, TenantCtx } from '../../http/context';
import { GraphError } from '../../http/graph-error';
import type { StoredList, StoredSite } from '../../store/state';
import { PROVISIONING_APP_ID, RAPPORT_CLIENT_ID, RELAY_APP_ID } from '../../seed/directory';

export type SiteAccess = 'read' | 'write';

/** Display names SharePoint would show for the apps this tenant knows. */
const APP_NAMES: Record<string, string> = {
  [RELAY_APP_ID]: 'Rapport relay',
  [RAPPORT_CLIENT_ID]: 'Rapport',
  [PROVISIONING_APP_ID]: 'Rapport provisioning',
};

/** The name SharePoint shows for an app: the one its grant was made with, or the one it knows. */
export const appName = (site: StoredSite | undefined, appId: string): string =>
  site?.appGrantNames?.[appId] ?? APP_NAMES[appId] ?? appId;

/** App roles that reach every site, unlike Sites.Selected which reaches only granted ones. */
const TENANT_WIDE_APP_ROLES: Record<string, SiteAccess> = {
  'Sites.Read.All': 'read',
  'Sites.ReadWrite.All': 'write',
  'Sites.Manage.All': 'write',
  'Sites.FullControl.All': 'write',
};

export const accessDenied = (): GraphError =>
  new GraphError(
    403,
    'accessDenied',
    'Access denied. You do not have permission to perform this action or access this resource.',
  );

export const siteNotFound = (): GraphError =>
  new GraphError(404, 'itemNotFound', 'Requested site could not be found');

export const listNotFound = (): GraphError =>
  new GraphError(404, 'itemNotFound', 'The requested list was not found.');

export const itemNotFound = (): GraphError => new GraphError(404, 'itemNotFound', 'Item not found');

export const invalidRequest = (message: string): GraphError =>
  new GraphError(400, 'invalidRequest', message);

/** Route parameters arrive decoded by Hono, but a doubly encoded id (`%252C`) still has escapes. */
function decodeParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * The site named in the path, if the caller may use it. SharePoint enforces site membership on
 * top of the token's scopes, and Sites.Selected apps reach only the sites they were granted.
 */
export function siteFor(c: TenantCtx, tenant: Tenant, need: SiteAccess): StoredSite {
  const site = tenant.store.state.sites[decodeParam(c.req.param('siteId') ?? '')];
  if (!site) throw siteNotFound();
  if (!mayUse(tenant, c.get('caller'), site, need)) throw accessDenied();
  return site;
}

/** The people who may use a site: its own members, and its group's owners and members. */
export function sitePeople(tenant: Tenant, site: StoredSite): Set<string> {
  const group = site.groupId ? tenant.store.state.groups[site.groupId] : undefined;
  return new Set([...site.memberIds, ...(group?.ownerIds ?? []), ...(group?.memberIds ?? [])]);
}

function mayUse(tenant: Tenant, caller: Caller, site: StoredSite, need: SiteAccess): boolean {
  if (caller.kind === 'user') return sitePeople(tenant, site).has(caller.id);
  const wide = [...caller.roles].map((r) => TENANT_WIDE_APP_ROLES[r]);
  if (wide.includes('write') || (need === 'read' && wide.includes('read'))) return true;
  if (!caller.roles.has('Sites.Selected')) return false;
  const grant = site.appGrants[caller.appId];
  return grant === 'write' || (need === 'read' && grant === 'read');
}

/** A list by id, or by its title or URL name, as Graph accepts either in `/lists/{list}`. */
export function listFor(tenant: Tenant, site: StoredSite, ref: string): StoredList {
  const wanted = decodeParam(ref);
  const lists = site.listIds.flatMap((id) => {
    const l = tenant.store.state.lists[id];
    return l ? [l] : [];
  });
  const lower = wanted.toLowerCase();
  const found =
    lists.find((l) => l.list.id === wanted) ??
    lists.find((l) => l.list.displayName?.toLowerCase() === lower) ??
    lists.find((l) => l.list.name?.toLowerCase() === lower);
  if (!found) throw listNotFound();
  return found;
}

/** Who wrote: the person, or the app for app-only tokens. */
export function principalOf(caller: Caller): string {
  return caller.kind === 'user' ? caller.id : caller.appId;
}

/**
 * An identitySet as SharePoint writes it. App-only writes carry the application and SharePoint's
 * placeholder user "SharePoint App", which is what Graph returns for them.
 */
export function identityOf(tenant: Tenant, principalId: string): G.IdentitySet {
  const user = tenant.store.state.users[principalId];
  if (user) {
    return { user: { id: user.id, displayName: user.displayName } };
  }
  return {
    application: { id: principalId, displayName: APP_NAMES[principalId] ?? principalId },
    user: { displayName: 'SharePoint App' },
  };
}
