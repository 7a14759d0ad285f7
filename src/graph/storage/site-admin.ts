import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type * as G from '@microsoft/microsoft-graph-types';
import { relativeNextLink } from '../client';
import { sitePath } from './provision-storage';

/**
 * The Graph calls an admin's provisioning makes beyond creating lists, one per function: finding
 * a site by its URL, the apps granted on it (`Sites.Selected` grants), the group it belongs to,
 * and that group's people. Never called by the tab: the admin runs them with their own token
 * (docs/admin.md, step 6), and the local tenant on its first start.
 */

const statusOf = (err: unknown): number | undefined =>
  err instanceof GraphError ? err.statusCode : undefined;

/** A site permission's role as SharePoint names it for apps (Sites.Selected levels). */
export type SiteRole = 'read' | 'write' | 'manage' | 'fullcontrol';

interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

/** GET a site by its id (`host,siteGuid,webGuid`). */
export async function getSite(client: Client, siteId: string): Promise<G.Site> {
  return (await client.api(sitePath(siteId)).get()) as G.Site;
}

/**
 * GET a site by its URL's host name and server-relative path (`sites/rapport-private`):
 * `/sites/{hostname}:/{path}`. Each path segment is encoded; the slashes stay.
 */
export async function getSiteByPath(
  client: Client,
  hostname: string,
  serverRelativePath: string,
): Promise<G.Site> {
  const path = serverRelativePath
    .split('/')
    .filter(Boolean)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
  return (await client.api(`/sites/${hostname}:/${path}`).get()) as G.Site;
}

/**
 * GET the site's permissions: the apps granted on it (Graph lists app grants here, not people).
 * Microsoft notes that the list may leave `roles` empty; read one with `getSitePermission`.
 */
export async function listSitePermissions(client: Client, siteId: string): Promise<G.Permission[]> {
  let page = (await client.api(`${sitePath(siteId)}/permissions`).get()) as Page<G.Permission>;
  const all = [...page.value];
  while (page['@odata.nextLink']) {
    page = (await client
      .api(relativeNextLink(page['@odata.nextLink']))
      .get()) as Page<G.Permission>;
    all.push(...page.value);
  }
  return all;
}

/** GET one site permission, with its roles. */
export async function getSitePermission(
  client: Client,
  siteId: string,
  permissionId: string,
): Promise<G.Permission> {
  return (await client
    .api(`${sitePath(siteId)}/permissions/${encodeURIComponent(permissionId)}`)
    .get()) as G.Permission;
}

/** POST a grant for an app on the site (what `Sites.Selected` reaches). */
export async function createSitePermission(
  client: Client,
  siteId: string,
  app: { id: string; displayName: string },
  role: SiteRole,
): Promise<G.Permission> {
  const body: G.Permission = {
    roles: [role],
    grantedToIdentities: [{ application: { id: app.id, displayName: app.displayName } }],
  };
  return (await client.api(`${sitePath(siteId)}/permissions`).post(body)) as G.Permission;
}

/** PATCH an app's grant on the site to another role. */
export async function updateSitePermission(
  client: Client,
  siteId: string,
  permissionId: string,
  role: SiteRole,
): Promise<G.Permission> {
  const body: G.Permission = { roles: [role] };
  return (await client
    .api(`${sitePath(siteId)}/permissions/${encodeURIComponent(permissionId)}`)
    .patch(body)) as G.Permission;
}

/**
 * GET the site's default document library, whose `owner` names the Microsoft 365 group of a
 * group-connected site (a site without a group shows a user there). Undefined when the site has
 * no default library.
 */
export async function getSiteDrive(client: Client, siteId: string): Promise<G.Drive | undefined> {
  try {
    return (await client.api(`${sitePath(siteId)}/drive`).get()) as G.Drive;
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
}

/** The directory objects a group's people are listed as: users, and nested groups. */
export type GroupPerson = G.DirectoryObject & {
  '@odata.type'?: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
  mail?: string | null;
};

const PERSON_FIELDS = 'id,displayName,userPrincipalName,mail';

async function allOf(client: Client, first: Page<GroupPerson>): Promise<GroupPerson[]> {
  let page = first;
  const all = [...page.value];
  while (page['@odata.nextLink']) {
    page = (await client.api(relativeNextLink(page['@odata.nextLink'])).get()) as Page<GroupPerson>;
    all.push(...page.value);
  }
  return all;
}

/** GET a group's owners (for a group-connected site: its site owners). */
export async function listGroupOwners(client: Client, groupId: string): Promise<GroupPerson[]> {
  const first = (await client
    .api(`/groups/${encodeURIComponent(groupId)}/owners`)
    .select(PERSON_FIELDS)
    .get()) as Page<GroupPerson>;
  return allOf(client, first);
}

/** GET a group's members (for a group-connected site: its site members). */
export async function listGroupMembers(client: Client, groupId: string): Promise<GroupPerson[]> {
  const first = (await client
    .api(`/groups/${encodeURIComponent(groupId)}/members`)
    .select(PERSON_FIELDS)
    .get()) as Page<GroupPerson>;
  return allOf(client, first);
}
