import type { Tenant, TenantApp, TenantCtx } from '../http/context';
import { TENANT_ID } from '../seed/directory';
import { CodeStore, registerAuthorizeRoutes } from './authorize';
import { frontPage, pageSecurityHeaders } from './sign-in-page';
import { viaTls } from './oauth';
import { registerTokenEndpoint } from './token-endpoint';

export { RELAY_APP_ROLES } from './token-endpoint';

/**
 * OIDC discovery, signing keys, and the v2 authorize, token and logout endpoints, as Entra serves
 * them. The issuer is one pinned string whichever listener answers; the endpoints follow the
 * listener, so MSAL reading discovery over HTTPS stays on HTTPS, and Node clients (the relay,
 * provisioning) reading it over HTTP never need to trust the local certificate.
 */
export function registerIdentityRoutes(app: TenantApp, tenant: Tenant): void {
  const base = `/${TENANT_ID}`;

  const discovery = (c: TenantCtx) => {
    const issuer = tenant.issuer.issuer;
    const o = viaTls(c) ? new URL(issuer).origin : tenant.origin();
    return c.json({
      issuer,
      authorization_endpoint: `${o}${base}/oauth2/v2.0/authorize`,
      token_endpoint: `${o}${base}/oauth2/v2.0/token`,
      jwks_uri: `${o}${base}/discovery/v2.0/keys`,
      end_session_endpoint: `${o}${base}/oauth2/v2.0/logout`,
      response_types_supported: ['code'],
      response_modes_supported: ['query', 'fragment'],
      grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
      code_challenge_methods_supported: ['S256'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic', 'none'],
      claims_supported: [
        'sub',
        'iss',
        'aud',
        'exp',
        'iat',
        'nonce',
        'name',
        'oid',
        'tid',
        'preferred_username',
      ],
      http_logout_supported: true,
      frontchannel_logout_supported: false,
      tenant_region_scope: 'local',
      cloud_instance_name: 'localhost',
    });
  };
  app.get(`${base}/v2.0/.well-known/openid-configuration`, discovery);
  app.get(`${base}/.well-known/openid-configuration`, discovery);

  app.get(`${base}/discovery/v2.0/keys`, (c) =>
    c.json({ keys: [tenant.store.state.keys.publicJwk] }),
  );

  app.get('/', (c) =>
    c.body(
      frontPage({
        viaTls: viaTls(c),
        authority: `${new URL(tenant.issuer.issuer).origin}${base}`,
        graph: `${tenant.origin()}/v1.0`,
      }),
      200,
      pageSecurityHeaders([]),
    ),
  );

  const codes = new CodeStore(() => tenant.clock.now());
  registerAuthorizeRoutes(app, codes);
  registerTokenEndpoint(app, tenant, codes);
}
