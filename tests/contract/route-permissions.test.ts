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
import { afterAll, describe, expect, it } from 'vitest';
import { ROUTES, type RouteRecord } from '../../src/local/tenant/http/context';
import { startTestTenant } from '../support/local-tenant';
import {
  INCLUDES,
  loadPermissionMap,
  withIncluded,
  type Listed,
  type Scheme,
} from './support/permission-map';

// Routes are recorded when the app is created: start a tenant before collecting the tests.
const tenant = await startTestTenant();
afterAll(async () => {
  await tenant.stop();
});
const routes: readonly RouteRecord[] = [...ROUTES];

/**
 * Tenant paths the map lacks, mapped to the map's path for the same operation. Checked: an alias
 * is used only when the map has no entry for the tenant's own path.
 */
const PATH_ALIASES: Readonly<Record<string, string>> = {
  // List calendarView: the map lists it for the default calendar and for /users/{id}/calendarview
  // (both with Calendars.ReadBasic as least), not for /me/calendarView.
  '/me/calendarview': '/me/calendar/calendarview',
};

const map = loadPermissionMap().byRoute;
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
