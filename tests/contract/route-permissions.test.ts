/**
 * The permissions each local tenant route accepts (`ROUTES`, filled when the app is created),
 * held against Microsoft's permission map (`shared/reference/graph/permissions.json`):
 * - every delegated permission the tenant accepts must be one the map lists for that method and
 *   path under the DelegatedWork scheme, and every application permission one it lists under
 *   Application;
 * - the map's least-privileged delegated permissions for the route must all be accepted, so an
 *   app that asks for no more than Microsoft recommends is served.
 *
 * Two documented tables stand between the tenant and the map, each entry checked to be needed:
 * PATH_ALIASES (paths the map lacks, mapped to the map's path for the same operation) and
 * INCLUDES (the one place the check is loosened, explained there).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ROUTES, type RouteRecord } from '../../src/local/tenant/http/context';
import { startTestTenant } from '../support/local-tenant';
import { graphReferenceDir } from './support/paths';

// Routes are recorded when the app is created: start a tenant before collecting the tests.
const tenant = await startTestTenant();
afterAll(async () => {
  await tenant.stop();
});
const routes: readonly RouteRecord[] = [...ROUTES];

const permissionMap = z.object({
  permissions: z.record(
    z.string(),
    z.object({
      schemes: z.record(z.string(), z.unknown()).default({}),
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

type Scheme = 'DelegatedWork' | 'Application';

interface Listed {
  /** Permissions the map lists for the method and path, by scheme. */
  readonly all: Record<Scheme, Set<string>>;
  /** Those it marks least privileged, by scheme. */
  readonly least: Record<Scheme, Set<string>>;
}

/** "METHOD /path" (path lower-case) → what the map lists. */
function loadPermissionMap(): Map<string, Listed> {
  const file = path.join(graphReferenceDir, 'permissions.json');
  const { permissions } = permissionMap.parse(JSON.parse(readFileSync(file, 'utf8')));
  const byRoute = new Map<string, Listed>();
  for (const [name, permission] of Object.entries(permissions)) {
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
  return byRoute;
}

/**
 * Tenant paths the map lacks, mapped to the map's path for the same operation. Checked: an alias
 * is used only when the map has no entry for the tenant's own path.
 */
const PATH_ALIASES: Readonly<Record<string, string>> = {
  // List calendarView: the map lists it for the default calendar and for /users/{id}/calendarview
  // (both with Calendars.ReadBasic as least), not for /me/calendarView.
  '/me/calendarview': '/me/calendar/calendarview',
};

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
 * Every entry must be needed by some route.
 */
const INCLUDES: Readonly<Record<string, readonly string[]>> = {
  'Calendars.ReadWrite': ['Calendars.Read'],
  'Sites.Manage.All': ['Sites.ReadWrite.All'],
  'Sites.FullControl.All': ['Sites.Manage.All'],
  'Sites.Selected': ['Sites.Read.All', 'Sites.ReadWrite.All', 'Sites.Manage.All'],
};

/** The permission and every permission it includes, transitively. */
function withIncluded(permission: string): string[] {
  const out = [permission];
  for (let i = 0; i < out.length; i++) {
    for (const included of INCLUDES[out[i] ?? ''] ?? []) {
      if (!out.includes(included)) out.push(included);
    }
  }
  return out;
}

const map = loadPermissionMap();
const usedAliases = new Set<string>();
const usedInclusions = new Set<string>();

/** What the map lists for a route, through an alias when it lacks the route's own path. */
function listedFor(route: RouteRecord): { listed: Listed; mapPath: string } | undefined {
  const own = route.graphPath.toLowerCase();
  const direct = map.get(`${route.method} ${own}`);
  if (direct) return { listed: direct, mapPath: own };
  const alias = PATH_ALIASES[own];
  const aliased = alias === undefined ? undefined : map.get(`${route.method} ${alias}`);
  if (alias === undefined || !aliased) return undefined;
  usedAliases.add(own);
  return { listed: aliased, mapPath: alias };
}

function permissionProblems(route: RouteRecord): string[] {
  const { delegated, application } = route.permission;
  if (route.graphPath === '/$batch') {
    return [...delegated, ...application].map((p) => `$batch takes no permission, accepts ${p}`);
  }
  const found = listedFor(route);
  if (!found) {
    return [`the map lists nothing for ${route.method} ${route.graphPath} (nor an alias of it)`];
  }
  const { listed, mapPath } = found;
  const problems: string[] = [];
  const check = (accepted: readonly string[], scheme: Scheme) => {
    for (const permission of accepted) {
      if (listed.all[scheme].has(permission)) continue;
      const via = withIncluded(permission).find((p) => listed.all[scheme].has(p));
      if (via === undefined) {
        problems.push(`${scheme} ${permission} is not listed for ${route.method} ${mapPath}`);
      } else {
        usedInclusions.add(permission);
      }
    }
  };
  check(delegated, 'DelegatedWork');
  check(application, 'Application');
  if (delegated.length > 0) {
    for (const least of listed.least.DelegatedWork) {
      if (!delegated.includes(least)) {
        problems.push(`least-privileged DelegatedWork ${least} is not accepted (${mapPath})`);
      }
    }
  }
  return problems;
}

describe('route permissions against Microsoft’s permission map', () => {
  it('has routes to check', () => {
    expect(routes.length).toBeGreaterThan(0);
  });

  it.each(routes.map((route) => ({ ...route, name: `${route.method} ${route.graphPath}` })))(
    '$name',
    (route) => {
      expect(permissionProblems(route)).toEqual([]);
    },
  );

  it('needs every alias and every inclusion it states', () => {
    for (const route of routes) permissionProblems(route);
    for (const [own, alias] of Object.entries(PATH_ALIASES)) {
      expect(map.has(`GET ${alias}`), `${alias} is in the map`).toBe(true);
      expect(usedAliases, `alias for ${own} is used`).toContain(own);
    }
    for (const permission of Object.keys(INCLUDES)) {
      expect(usedInclusions, `inclusion of ${permission} is needed`).toContain(permission);
    }
  });
});
