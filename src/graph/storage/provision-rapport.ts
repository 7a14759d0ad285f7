import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type * as G from '@microsoft/microsoft-graph-types';
import { listsFor } from './list-definitions';
import { provisionStorage, type ProvisionReport } from './provision-storage';
import {
  createSitePermission,
  getSite,
  getSiteByPath,
  getSiteDrive,
  getSitePermission,
  listGroupMembers,
  listGroupOwners,
  listSitePermissions,
  updateSitePermission,
  type GroupPerson,
  type SiteRole,
} from './site-admin';

/**
 * Provisioning Rapport's storage, whole: the routine behind `npm run provision` and the one the
 * local tenant runs on every start. Given the team site and the private site, it
 * 1. finds both sites (by id, or by URL through `/sites/{hostname}:/{path}`);
 * 2. checks that no person can open the private site, as far as Graph shows it (below), and
 *    refuses before writing anything when someone can;
 * 3. creates or completes the lists, columns, indexes and unique keys of each site
 *    (`provisionStorage`, which only adds);
 * 4. grants the relay's app `Sites.Selected` access: write on the private site, read on the team
 *    site (the relay reads coffee rounds there, never writes).
 * Every step reads first and writes only what is missing, so a second run changes nothing.
 *
 * Who can open the private site, through Graph: Graph v1.0 lists a site's app grants
 * (`/sites/{id}/permissions`) but not SharePoint's own site groups (Owners, Members, Visitors) or
 * its site collection administrators. What it does show is whether the site belongs to a
 * Microsoft 365 group (its default library's `owner`): every owner and member of that group can
 * read and write the site, so a group with people in it is refused, naming them. People added to a
 * site's SharePoint groups directly are not visible to Graph; the admin guide says how to check.
 */

/**
 * What the admin's token must carry: application permissions (an app-only token), because
 * Microsoft's permission map lists `POST /sites/{id}/permissions` (granting Sites.Selected) for
 * Sites.FullControl.All as an application permission only. Sites.FullControl.All also covers the
 * lists and columns (it includes Sites.Manage.All) and the site reads; GroupMember.Read.All names
 * the people of a group-connected site. Provisioning is the admin's tool, not the app's: nothing
 * here is added to the tab's scope table (`src/graph/scopes.ts`; its delegated
 * GroupMember.Read.All is the tab's own, for social programs), and tests/contract/scopes.test.ts
 * holds each list to its own calls.
 */
export const PROVISIONING_PERMISSIONS = ['Sites.FullControl.All', 'GroupMember.Read.All'] as const;

/** The permission without which provisioning cannot run at all. */
export const PROVISIONING_REQUIRED = 'Sites.FullControl.All';

// ---------------------------------------------------------------------------------------------
// Naming a site

/** A site as the admin names it: its Graph id, or its URL. */
export type SiteRef =
  { kind: 'id'; id: string } | { kind: 'url'; url: string; hostname: string; path: string };

/** `host,siteCollectionGuid,webGuid`, as Graph names sites. */
const SITE_ID =
  /^[a-z0-9.-]+,[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12},[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** SharePoint's managed paths: a site's own URL is `/sites/<name>` or `/teams/<name>`. */
const MANAGED_PATH = /^\/(sites|teams)\/([^/]+)/i;

/**
 * Reads a site reference: an id (`contoso.sharepoint.com,<guid>,<guid>`) is used as it is; an
 * https URL is reduced to the site's own path (a page URL such as `…/sites/x/SitePages/Home.aspx`
 * gives `sites/x`). Throws a message naming what is wrong.
 */
export function parseSiteRef(text: string): SiteRef {
  const value = text.trim();
  if (SITE_ID.test(value)) return { kind: 'id', id: value };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `'${value}' is neither a site id (host,siteCollectionGuid,webGuid) nor a site URL (https://contoso.sharepoint.com/sites/<name>).`,
    );
  }
  if (url.protocol !== 'https:') {
    throw new Error(`'${value}' is not an https URL; SharePoint sites are https.`);
  }
  const managed = MANAGED_PATH.exec(decodeURIComponent(url.pathname));
  const path = managed
    ? `${managed[1] ?? ''}/${managed[2] ?? ''}`
    : decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, '');
  if (!path) {
    throw new Error(
      `'${value}' is the root site of ${url.hostname}; name Rapport's own site, e.g. https://${url.hostname}/sites/<name>.`,
    );
  }
  return { kind: 'url', url: value, hostname: url.hostname, path };
}

const describeRef = (ref: SiteRef): string => (ref.kind === 'id' ? ref.id : ref.url);

/** A site found through Graph, with what the report shows of it. */
export interface ResolvedSite {
  id: string;
  displayName: string;
  webUrl: string;
}

/** Finds the site through Graph; a 404 becomes a message naming what was asked for. */
export async function resolveSite(client: Client, ref: SiteRef): Promise<ResolvedSite> {
  let site: G.Site;
  try {
    site =
      ref.kind === 'id'
        ? await getSite(client, ref.id)
        : await getSiteByPath(client, ref.hostname, ref.path);
  } catch (err) {
    if (err instanceof GraphError && err.statusCode === 404) {
      throw new ProvisioningError(`No site ${describeRef(ref)}: Graph answered 404.`);
    }
    throw err;
  }
  return {
    id: site.id ?? '',
    displayName: site.displayName ?? site.name ?? '',
    webUrl: site.webUrl ?? '',
  };
}

/** A refusal or a wrong input: the message is for the admin, as it is. */
export class ProvisioningError extends Error {
  override name = 'ProvisioningError';
}

// ---------------------------------------------------------------------------------------------
// Who can open the private site

export interface SitePerson {
  id: string;
  displayName: string;
  /** UPN or mail, when Graph gave one. */
  account?: string;
  role: 'owner' | 'member';
  /** A nested group counts: all its members can open the site. */
  kind: 'user' | 'group';
}

export interface AppGrant {
  permissionId: string;
  appId: string;
  displayName: string;
  roles: string[];
}

export interface PrivateSiteAccess {
  /** The Microsoft 365 group the site belongs to, if any. */
  group?: { id: string; displayName: string };
  /** The group's owners and members that are people (users) or groups of people. */
  people: SitePerson[];
  /** Why the group's people could not be listed (the token lacks GroupMember.Read.All…). */
  peopleUnreadable?: string;
  /** Apps granted on the site (Sites.Selected grants). */
  apps: AppGrant[];
}

/** The application a site permission is granted to, from whichever identity field carries it. */
function grantedApp(p: G.Permission): { id: string; displayName: string } | undefined {
  const identities = [
    ...(p.grantedToIdentitiesV2 ?? []),
    ...(p.grantedToIdentities ?? []),
    ...(p.grantedToV2 ? [p.grantedToV2] : []),
    ...(p.grantedTo ? [p.grantedTo] : []),
  ];
  for (const identity of identities) {
    const app = identity.application;
    if (app?.id) return { id: app.id, displayName: app.displayName ?? app.id };
  }
  return undefined;
}

/** The site's app grants, with roles (read one by one where the list left them out). */
async function appGrants(client: Client, siteId: string): Promise<AppGrant[]> {
  const grants: AppGrant[] = [];
  for (const listed of await listSitePermissions(client, siteId)) {
    const app = grantedApp(listed);
    if (!app || !listed.id) continue;
    const roles =
      (listed.roles ?? []).length > 0
        ? (listed.roles ?? [])
        : ((await getSitePermission(client, siteId, listed.id)).roles ?? []);
    grants.push({ permissionId: listed.id, appId: app.id, displayName: app.displayName, roles });
  }
  return grants;
}

const personOf = (o: GroupPerson, role: SitePerson['role']): SitePerson | undefined => {
  const type = (o['@odata.type'] ?? '').toLowerCase();
  // Service principals and devices can own groups; they are not people.
  const kind = type.endsWith('.user') ? 'user' : type.endsWith('.group') ? 'group' : undefined;
  if (!kind || !o.id) return undefined;
  const account = o.userPrincipalName ?? o.mail ?? undefined;
  return {
    id: o.id,
    displayName: o.displayName ?? o.id,
    ...(account ? { account } : {}),
    role,
    kind,
  };
};

/** Who can open the site, as far as Graph shows it (see the module's comment). */
export async function checkPrivateSite(client: Client, siteId: string): Promise<PrivateSiteAccess> {
  const apps = await appGrants(client, siteId);
  // A group-connected site's library is owned by its group (a sharePointIdentitySet's `group`).
  const owner: G.SharePointIdentitySet | null | undefined = (await getSiteDrive(client, siteId))
    ?.owner;
  const group = owner?.group?.id
    ? { id: owner.group.id, displayName: owner.group.displayName ?? owner.group.id }
    : undefined;
  if (!group) return { people: [], apps };
  try {
    const owners = await listGroupOwners(client, group.id);
    const members = await listGroupMembers(client, group.id);
    const people = new Map<string, SitePerson>();
    for (const o of owners) {
      const p = personOf(o, 'owner');
      if (p) people.set(p.id, p);
    }
    for (const m of members) {
      const p = personOf(m, 'member');
      if (p && !people.has(p.id)) people.set(p.id, p);
    }
    return { group, people: [...people.values()], apps };
  } catch (err) {
    if (err instanceof GraphError && (err.statusCode === 403 || err.statusCode === 401)) {
      return {
        group,
        people: [],
        peopleUnreadable: `Graph refused to list the group's people (${String(err.statusCode)}): the token needs GroupMember.Read.All`,
        apps,
      };
    }
    throw err;
  }
}

/** True when people can open the private site (or it belongs to a group whose people are unknown). */
export const privateSiteRefused = (access: PrivateSiteAccess): boolean =>
  access.group !== undefined && (access.people.length > 0 || access.peopleUnreadable !== undefined);

/** The refusal, for the admin: who has access, why it matters, and how to fix it. */
export function describeRefusal(site: ResolvedSite, access: PrivateSiteAccess): string[] {
  const group = access.group;
  if (!group) return [];
  const lines = [
    `Refused: people can open the private site "${site.displayName}" (${site.webUrl}).`,
    `It belongs to the Microsoft 365 group "${group.displayName}" (${group.id}), and every owner and member of that group can read and write it:`,
  ];
  if (access.peopleUnreadable) {
    lines.push(`  (who they are is not known: ${access.peopleUnreadable} to name them)`);
  }
  for (const p of access.people) {
    const who = p.account ? `${p.displayName} <${p.account}>` : p.displayName;
    const what = p.kind === 'group' ? `${p.role}, a group: all its members` : p.role;
    lines.push(`  ${who} (${what})`);
  }
  lines.push(
    'Anonymous answers kept there would not be anonymous to them. To fix it, either:',
    '  - create a site that belongs to no group (SharePoint admin center > Sites > Active sites > Create >',
    '    Communication site, or Other options > a team site without a Microsoft 365 group), add no one to it,',
    '    and run provisioning with that site as --private-site; or',
    `  - remove every owner and member above from the group (Entra admin center > Groups > "${group.displayName}"`,
    '    > Owners, Members), then run provisioning again.',
    'Nothing was changed.',
  );
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Granting the relay

const RANK: Readonly<Record<string, number>> = {
  read: 1,
  write: 2,
  manage: 3,
  fullcontrol: 4,
  owner: 4,
};

export interface GrantOutcome {
  appId: string;
  role: SiteRole;
  /** created: granted now; upgraded: a narrower grant was raised; broader: left as it is. */
  status: 'created' | 'already there' | 'upgraded' | 'broader';
  /** The roles found before, when there was a grant. */
  had?: string[];
}

/** Grants an app `role` on the site unless it already has it (or more). */
export async function grantApp(
  client: Client,
  siteId: string,
  app: { id: string; displayName: string },
  role: SiteRole,
): Promise<GrantOutcome> {
  const existing = (await appGrants(client, siteId)).find(
    (g) => g.appId.toLowerCase() === app.id.toLowerCase(),
  );
  if (!existing) {
    await createSitePermission(client, siteId, app, role);
    return { appId: app.id, role, status: 'created' };
  }
  const had = Math.max(0, ...existing.roles.map((r) => RANK[r.toLowerCase()] ?? 0));
  const wanted = RANK[role] ?? 0;
  if (had === wanted) return { appId: app.id, role, status: 'already there', had: existing.roles };
  if (had > wanted) return { appId: app.id, role, status: 'broader', had: existing.roles };
  await updateSitePermission(client, siteId, existing.permissionId, role);
  return { appId: app.id, role, status: 'upgraded', had: existing.roles };
}

// ---------------------------------------------------------------------------------------------
// The whole routine

export interface ProvisionInput {
  teamSite: SiteRef;
  privateSite: SiteRef;
  /** The relay's app registration (its application id, and the name the grant shows). */
  relay: { id: string; displayName: string };
}

export interface SiteOutcome {
  which: 'team' | 'private';
  site: ResolvedSite;
  storage: ProvisionReport;
  relayGrant: GrantOutcome;
}

export interface ProvisionOutcome {
  team: ResolvedSite;
  private: ResolvedSite;
  privateAccess: PrivateSiteAccess;
  /** Set when the private site was refused: the message, and nothing was written. */
  refusal?: string[];
  /** Both sites, team first; empty when refused. */
  sites: SiteOutcome[];
}

/** Runs the whole routine (see the module's comment). */
export async function provisionRapport(
  client: Client,
  input: ProvisionInput,
): Promise<ProvisionOutcome> {
  const team = await resolveSite(client, input.teamSite);
  const priv = await resolveSite(client, input.privateSite);
  if (team.id.toLowerCase() === priv.id.toLowerCase()) {
    throw new ProvisioningError(
      `The team site and the private site are the same site (${team.webUrl || team.id}): the private site must be one of its own, which no person can open.`,
    );
  }
  const privateAccess = await checkPrivateSite(client, priv.id);
  if (privateSiteRefused(privateAccess)) {
    return {
      team,
      private: priv,
      privateAccess,
      refusal: describeRefusal(priv, privateAccess),
      sites: [],
    };
  }
  const sites: SiteOutcome[] = [];
  for (const [which, site, role] of [
    ['team', team, 'read'],
    ['private', priv, 'write'],
  ] as const) {
    const storage = await provisionStorage(client, site.id, listsFor(which));
    const relayGrant = await grantApp(client, site.id, input.relay, role);
    sites.push({ which, site, storage, relayGrant });
  }
  return { team, private: priv, privateAccess, sites };
}

/** Whether a run wrote anything: a list, a column or a grant. */
export function changedAnything(outcome: ProvisionOutcome): boolean {
  return outcome.sites.some(
    (s) =>
      s.storage.lists.some(
        (l) => l.status === 'created' || l.columns.some((c) => c.status === 'created'),
      ) ||
      s.relayGrant.status === 'created' ||
      s.relayGrant.status === 'upgraded',
  );
}

// ---------------------------------------------------------------------------------------------
// The report

const flags = (c: { indexed: boolean; unique: boolean }): string => {
  const f = [c.indexed ? 'indexed' : '', c.unique ? 'unique' : ''].filter(Boolean);
  return f.length > 0 ? ` [${f.join(', ')}]` : '';
};

/** What a run did, per site, list, column (with its index and unique key) and grant. */
export function formatOutcome(outcome: ProvisionOutcome): string[] {
  const lines: string[] = [];
  const { privateAccess: access } = outcome;
  lines.push(`Private site "${outcome.private.displayName}" (${outcome.private.id})`);
  lines.push(
    access.group
      ? `  belongs to the Microsoft 365 group "${access.group.displayName}"; people in it: ${String(access.people.length)}`
      : '  belongs to no Microsoft 365 group; no person reaches it through one',
  );
  for (const app of access.apps) {
    lines.push(`  app granted: ${app.displayName} (${app.appId}): ${app.roles.join(', ')}`);
  }
  if (outcome.refusal) return [...lines, '', ...outcome.refusal];

  for (const s of outcome.sites) {
    lines.push(
      '',
      `${s.which === 'team' ? 'Team' : 'Private'} site "${s.site.displayName}" (${s.site.id})`,
    );
    for (const list of s.storage.lists) {
      lines.push(`  list ${list.name}: ${list.status}`);
      for (const status of ['created', 'already there'] as const) {
        const columns = list.columns.filter((c) => c.status === status);
        if (columns.length > 0) {
          lines.push(
            `    columns ${status}: ${columns.map((c) => `${c.name}${flags(c)}`).join(', ')}`,
          );
        }
      }
    }
    for (const m of s.storage.mismatches) {
      lines.push(
        `  ! ${m.list}.${m.column} ${m.problem}: left as it is (change it in the list's settings)`,
      );
    }
    const g = s.relayGrant;
    const had =
      g.had && (g.status === 'upgraded' || g.status === 'broader')
        ? ` (had ${g.had.join(', ')})`
        : '';
    const note =
      g.status === 'broader' ? `: left as it is; ${g.role} is all the relay needs here` : '';
    lines.push(`  relay grant (${g.appId}) ${g.role}: ${g.status}${had}${note}`);
  }
  lines.push(
    '',
    changedAnything(outcome) ? 'Done.' : 'Done: everything was already there; nothing was changed.',
    "Graph does not show SharePoint's own site groups: check that the private site's Site permissions list no one but its site admins (docs/admin.md).",
  );
  return lines;
}
