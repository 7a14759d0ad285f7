import { z } from 'zod';
import type { Tenant, TenantApp } from '../http/context';
import { GRAPH_AUDIENCE, RELAY_APP_ID, RELAY_LOCAL_SECRET, TENANT_ID } from '../seed/directory';
import { TOKEN_LIFETIME_SECONDS } from './tokens';

/** What the relay may do with an app-only token: only the sites it is granted (Sites.Selected). */
export const RELAY_APP_ROLES = ['Sites.Selected'] as const;

const oauthError = (error: string, description: string) => ({
  error,
  error_description: description,
});

/** OIDC discovery, signing keys and the client-credentials token endpoint, as Entra serves them. */
export function registerIdentityRoutes(app: TenantApp, tenant: Tenant): void {
  const base = `/${TENANT_ID}`;

  const discovery = (c: { json: (b: unknown) => Response }) => {
    const o = tenant.origin();
    return c.json({
      issuer: tenant.issuer.issuer,
      authorization_endpoint: `${o}${base}/oauth2/v2.0/authorize`,
      token_endpoint: `${o}${base}/oauth2/v2.0/token`,
      jwks_uri: `${o}${base}/discovery/v2.0/keys`,
      response_types_supported: ['code', 'id_token', 'code id_token', 'token id_token'],
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      claims_supported: [
        'sub',
        'iss',
        'aud',
        'exp',
        'iat',
        'name',
        'oid',
        'tid',
        'preferred_username',
      ],
      tenant_region_scope: 'local',
    });
  };
  app.get(`${base}/v2.0/.well-known/openid-configuration`, discovery);
  app.get(`${base}/.well-known/openid-configuration`, discovery);

  app.get(`${base}/discovery/v2.0/keys`, (c) =>
    c.json({ keys: [tenant.store.state.keys.publicJwk] }),
  );

  const clientCredentials = z.object({
    grant_type: z.literal('client_credentials'),
    client_id: z.string(),
    client_secret: z.string(),
    scope: z.string(),
  });

  app.post(`${base}/oauth2/v2.0/token`, async (c) => {
    const form = Object.fromEntries(new URLSearchParams(await c.req.text()));
    const parsed = clientCredentials.safeParse(form);
    if (!parsed.success) {
      return c.json(
        oauthError(
          'unsupported_grant_type',
          'AADSTS70003: Only client_credentials is served here; people sign in through the local Teams host.',
        ),
        400,
      );
    }
    const { client_id, client_secret, scope } = parsed.data;
    if (client_id !== RELAY_APP_ID || client_secret !== RELAY_LOCAL_SECRET) {
      return c.json(
        oauthError('invalid_client', 'AADSTS7000215: Invalid client secret provided.'),
        401,
      );
    }
    if (scope !== `${GRAPH_AUDIENCE}/.default`) {
      return c.json(
        oauthError(
          'invalid_scope',
          `AADSTS1002012: The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.`,
        ),
        400,
      );
    }
    const token = await tenant.issuer.app({
      appId: client_id,
      roles: RELAY_APP_ROLES,
      audience: GRAPH_AUDIENCE,
    });
    return c.json({
      token_type: 'Bearer',
      expires_in: TOKEN_LIFETIME_SECONDS,
      ext_expires_in: TOKEN_LIFETIME_SECONDS,
      access_token: token,
    });
  });
}
