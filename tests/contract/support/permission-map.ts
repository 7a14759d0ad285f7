/**
 * Microsoft's permission map (`shared/reference/graph/permissions.json`), indexed by method and
 * path, for the contract tests that hold Graph calls and routes against it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { graphReferenceDir } from './paths';

const permissionMap = z.object({
  permissions: z.record(
    z.string(),
    z.object({
      schemes: z
        .record(z.string(), z.object({ requiresAdminConsent: z.boolean().optional() }).loose())
        .default({}),
      pathSets: z
        .array(
          z.object({
            schemeKeys: z.array(z.string()),
            methods: z.array(z.string()),
            /** Path (lower-case) → "least=Scheme,Scheme" where this permission is least privileged. */
            paths: z.record(z.string(), z.string()),
          }),
        )
        .default([]),
    }),
  ),
});

export type Scheme = 'DelegatedWork' | 'Application';

export interface Listed {
  /** Permissions the map lists for the method and path, by scheme. */
  readonly all: Record<Scheme, Set<string>>;
  /** Those it marks least privileged, by scheme. */
  readonly least: Record<Scheme, Set<string>>;
}

export interface PermissionMap {
  /** "METHOD /path" (path lower-case) → what the map lists. */
  byRoute: Map<string, Listed>;
  /** Permission → whether its delegated (work) form needs an admin's consent. */
  delegatedAdminConsent: Map<string, boolean>;
}

export function loadPermissionMap(): PermissionMap {
  const file = path.join(graphReferenceDir, 'permissions.json');
  const { permissions } = permissionMap.parse(JSON.parse(readFileSync(file, 'utf8')));
  const byRoute = new Map<string, Listed>();
  const delegatedAdminConsent = new Map<string, boolean>();
  for (const [name, permission] of Object.entries(permissions)) {
    const consent = permission.schemes.DelegatedWork?.requiresAdminConsent;
    if (consent !== undefined) delegatedAdminConsent.set(name, consent);
    for (const set of permission.pathSets) {
      const schemes = (['DelegatedWork', 'Application'] as const).filter(
        (s) => set.schemeKeys.includes(s) && s in permission.schemes,
      );
      for (const method of set.methods) {
        for (const [mapPath, note] of Object.entries(set.paths)) {
          const key = `${method.toUpperCase()} ${mapPath.toLowerCase()}`;
          let listed = byRoute.get(key);
          if (!listed) {
            listed = {
              all: { DelegatedWork: new Set(), Application: new Set() },
              least: { DelegatedWork: new Set(), Application: new Set() },
            };
            byRoute.set(key, listed);
          }
          const leastFor = /^least=(.*)$/.exec(note)?.[1]?.split(',') ?? [];
          for (const scheme of schemes) {
            listed.all[scheme].add(name);
            if (leastFor.includes(scheme)) listed.least[scheme].add(name);
          }
        }
      }
    }
  }
  return { byRoute, delegatedAdminConsent };
}

/**
 * The one loosening of the check: a permission counts as listed where the map lists a permission
 * it includes. The map records, per path, the permissions the API page's table names, and several
 * pages leave out broader permissions that include a listed one: GET /me/events/{id} and
 * …/instances list Calendars.ReadBasic and Calendars.Read but not Calendars.ReadWrite (which
 * GET /me/events lists); the list and item paths list Sites.Read.All or Sites.ReadWrite.All but
 * not always Sites.Manage.All or Sites.FullControl.All. The inclusions follow the map's own
 * descriptions and SharePoint's permission levels:
 * - Calendars.ReadWrite "create, read, update, and delete events" ⊇ Calendars.Read "read events";
 * - Sites.Manage.All (Sites.ReadWrite.All plus creating and deleting lists) ⊇ Sites.ReadWrite.All,
 *   and Sites.FullControl.All ("full control of all site collections") ⊇ Sites.Manage.All;
 * - Sites.Selected (the relay's only application permission) gives what a site's grant gives:
 *   read, write (SharePoint's Edit level, which includes managing lists) or more, on granted sites
 *   only. The map lists it under document set versions alone, though Microsoft documents it for
 *   sites, lists and list items; it counts as listed where Sites.Read.All, Sites.ReadWrite.All or
 *   Sites.Manage.All is, and the tenant enforces the per-site grant itself (tests/integration).
 * Every entry must be needed by some route of the local tenant (route-permissions.test.ts).
 */
export const INCLUDES: Readonly<Record<string, readonly string[]>> = {
  'Calendars.ReadWrite': ['Calendars.Read'],
  'Sites.Manage.All': ['Sites.ReadWrite.All'],
  'Sites.FullControl.All': ['Sites.Manage.All'],
  'Sites.Selected': ['Sites.Read.All', 'Sites.ReadWrite.All', 'Sites.Manage.All'],
};

/** The permission and every permission it includes, transitively. */
export function withIncluded(permission: string): string[] {
  const out = [permission];
  for (let i = 0; i < out.length; i++) {
    for (const included of INCLUDES[out[i] ?? ''] ?? []) {
      if (!out.includes(included)) out.push(included);
    }
  }
  return out;
}
