import { GRAPH_AUDIENCE, RELAY_API_AUDIENCE, RELAY_SCOPE } from '../tenant/seed/directory';

export type Audience = 'graph' | 'relay';

/** Scopes every sign-in may ask for; they shape the id token, not the access token. */
const OIDC_SCOPES = new Set(['openid', 'profile', 'offline_access', 'email']);

/** Graph's well-known app id, which Entra accepts as a resource prefix as well as its URL. */
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

export type ScopeResolution =
  | {
      ok: true;
      audience: Audience;
      /** Scope names for the token's `scp`; undefined asks for every consented one (`.default`). */
      scopes?: string[];
      /** The resource scopes as the app wrote them, to echo in the response's `scope`. */
      requested: string[];
    }
  | { ok: false; code: 'invalid_scope' | 'invalid_resource'; description: string };

function resourceOf(scope: string): { audience: Audience | undefined; name: string } {
  const slash = scope.lastIndexOf('/');
  if (slash < 0) return { audience: 'graph', name: scope };
  const resource = scope.slice(0, slash);
  const name = scope.slice(slash + 1);
  if (resource === GRAPH_AUDIENCE || resource === GRAPH_APP_ID) return { audience: 'graph', name };
  if (resource === RELAY_API_AUDIENCE) return { audience: 'relay', name };
  return { audience: undefined, name };
}

/**
 * Maps MSAL's space-separated scope string to the local tenant's token request, as Entra would:
 * bare names and `https://graph.microsoft.com/...` are Graph; the relay's API URI is the relay;
 * one token names one resource, so mixing them fails.
 */
export function resolveScopes(scope: string | undefined): ScopeResolution {
  const all = (scope ?? '').split(/\s+/).filter((s) => s !== '');
  const requested = all.filter((s) => !OIDC_SCOPES.has(s.toLowerCase()));
  if (requested.length === 0) return { ok: true, audience: 'graph', requested };

  const audiences = new Set<Audience>();
  const names: string[] = [];
  for (const s of requested) {
    const { audience, name } = resourceOf(s);
    if (!audience) {
      return {
        ok: false,
        code: 'invalid_resource',
        description: `The local tenant knows no resource for the scope '${s}'.`,
      };
    }
    if (audience === 'relay' && name !== RELAY_SCOPE && name !== '.default') {
      return {
        ok: false,
        code: 'invalid_scope',
        description: `The relay's API exposes only '${RELAY_SCOPE}', not '${name}'.`,
      };
    }
    audiences.add(audience);
    names.push(name);
  }
  const [audience, ...others] = [...audiences];
  if (!audience || others.length > 0) {
    return {
      ok: false,
      code: 'invalid_scope',
      description: 'A token request names scopes of one resource only (Graph or the relay).',
    };
  }
  return names.includes('.default')
    ? { ok: true, audience, requested }
    : { ok: true, audience, scopes: names, requested };
}
