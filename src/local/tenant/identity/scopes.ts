import { GRAPH_SCOPES } from '../../../graph/scopes';
import { DEFAULT_DELEGATED_SCOPES } from '../controls/routes';
import { GRAPH_AUDIENCE, RELAY_API_AUDIENCE, RELAY_SCOPE } from '../seed/directory';

/** Scopes that ask for sign-in itself rather than for an API. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

/**
 * What the demo tenant's admin consented to for Rapport: the app's own scope table plus what the
 * local Teams host's tokens carry. Anything else is refused, so a scope missing from
 * `src/graph/scopes.ts` shows up here rather than in a real tenant.
 */
const CONSENTED: Record<ResourceName, readonly string[]> = {
  graph: [...new Set<string>([...Object.values(GRAPH_SCOPES), ...DEFAULT_DELEGATED_SCOPES])],
  relay: [RELAY_SCOPE],
};

export type ResourceName = 'graph' | 'relay';

export const RESOURCE_AUDIENCE: Record<ResourceName, string> = {
  graph: GRAPH_AUDIENCE,
  relay: RELAY_API_AUDIENCE,
};

export interface ScopeGrant {
  resource: ResourceName;
  /** The access token's `scp`: bare scope names, as Entra writes them. */
  granted: string[];
  /** The token response's `scope`: resource scopes in the form they were asked for, then OIDC ones. */
  responseScope: string;
  openid: boolean;
  offlineAccess: boolean;
}

export type ScopeResult =
  | { ok: true; grant: ScopeGrant }
  | { ok: false; error: 'invalid_scope' | 'invalid_request'; description: string };

const fail = (
  description: string,
  error: 'invalid_scope' | 'invalid_request' = 'invalid_scope',
): ScopeResult => ({
  ok: false,
  error,
  description,
});

/**
 * Reads a v2 `scope` parameter the way Entra does: bare names mean Graph, `<resource>/<name>`
 * names the resource, and one token covers one resource.
 */
export function resolveScopes(scopeParam: string | undefined): ScopeResult {
  const requested = [...new Set((scopeParam ?? '').split(/\s+/).filter(Boolean))];
  if (requested.length === 0) {
    return fail(
      "AADSTS900144: The request body must contain the following parameter: 'scope'.",
      'invalid_request',
    );
  }
  const oidc = requested.filter((s) => OIDC_SCOPES.has(s.toLowerCase()));
  const byResource = new Map<ResourceName, { asked: string; name: string }[]>();
  for (const asked of requested) {
    if (OIDC_SCOPES.has(asked.toLowerCase())) continue;
    const parsed = parseResourceScope(asked);
    if (!parsed) {
      return fail(
        `AADSTS500011: The resource principal named ${resourceOf(asked)} was not found in the tenant named Rapport demo. The local tenant knows Microsoft Graph (${GRAPH_AUDIENCE}) and the relay (${RELAY_API_AUDIENCE}).`,
      );
    }
    const list = byResource.get(parsed.resource) ?? [];
    list.push({ asked, name: parsed.name });
    byResource.set(parsed.resource, list);
  }
  if (byResource.size > 1) {
    return fail(
      `AADSTS28000: Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${requested.join(' ')} is not valid. Ask for one resource per token.`,
    );
  }
  const [entry] = [...byResource.entries()];
  // Sign-in alone (openid profile ...) gets a Graph token for the profile, as Entra gives.
  const [resource, asked] = entry ?? [
    'graph' as const,
    [{ asked: 'User.Read', name: 'User.Read' }],
  ];
  const consented = CONSENTED[resource];
  const isDefault = asked.some((a) => a.name === '.default');
  if (isDefault && asked.length > 1) {
    return fail(
      "AADSTS70011: The provided request must include a 'scope' input parameter. The '.default' scope can't be combined with resource-specific scopes.",
    );
  }
  const granted: string[] = [];
  const echoed: string[] = [];
  if (isDefault) {
    const prefix = `${RESOURCE_AUDIENCE[resource]}/`;
    granted.push(...consented);
    echoed.push(...consented.map((s) => prefix + s));
  } else {
    for (const a of asked) {
      const known = consented.find((s) => s.toLowerCase() === a.name.toLowerCase());
      if (!known) {
        return fail(
          `AADSTS65001: Rapport is not granted '${a.asked}' in the demo tenant. Declare it in src/graph/scopes.ts (least privilege: only what a Graph call needs).`,
        );
      }
      if (!granted.includes(known)) granted.push(known);
      echoed.push(a.asked);
    }
  }
  return {
    ok: true,
    grant: {
      resource,
      granted,
      // MSAL caches a token under the scopes the response names, so they echo the request's form.
      responseScope: [...echoed, ...oidc.filter((s) => s.toLowerCase() !== 'offline_access')].join(
        ' ',
      ),
      openid: oidc.some((s) => s.toLowerCase() === 'openid'),
      offlineAccess: oidc.some((s) => s.toLowerCase() === 'offline_access'),
    },
  };
}

function parseResourceScope(scope: string): { resource: ResourceName; name: string } | undefined {
  for (const resource of ['graph', 'relay'] as const) {
    const prefix = `${RESOURCE_AUDIENCE[resource]}/`;
    if (scope.toLowerCase().startsWith(prefix.toLowerCase())) {
      const name = scope.slice(prefix.length);
      return name && !name.includes('/') ? { resource, name } : undefined;
    }
  }
  // Entra reads a bare name as a Graph scope.
  return /^[A-Za-z][\w.-]*$/.test(scope) ? { resource: 'graph', name: scope } : undefined;
}

const resourceOf = (scope: string): string => {
  const slash = scope.lastIndexOf('/');
  return slash > 0 ? scope.slice(0, slash) : scope;
};
