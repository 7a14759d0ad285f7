import type { RelayConfig } from '../../relay/config';
import type { RelayOptions } from '../../relay/relay';
import { startRelay, type RunningRelay } from '../../relay/server';
import {
  RAPPORT_CLIENT_ID,
  RELAY_API_AUDIENCE,
  RELAY_APP_ID,
  RELAY_LOCAL_SECRET,
  RELAY_SCOPE,
  SITES,
  TENANT_ID,
} from '../tenant/seed/directory';
import type { LocalTenant } from '../tenant/server';

/** The local vote key: fine for the demo tenant only; a real relay's comes from its key vault. */
const LOCAL_VOTE_KEY = 'local-vote-key-not-for-production-0123456789';

/**
 * The relay's configuration pointed at a local tenant, as `RAPPORT_RELAY_*` would set it for a
 * real one: issuer and JWKS from the tenant's discovery, the private site, the relay's app secret.
 */
export function localRelayConfig(
  tenant: Pick<LocalTenant, 'url' | 'issuer'>,
  options: { port?: number; allowedOrigins?: string[] } = {},
): RelayConfig {
  return {
    port: options.port ?? 0,
    issuer: tenant.issuer,
    jwksUrl: `${tenant.url}/${TENANT_ID}/discovery/v2.0/keys`,
    audience: RELAY_API_AUDIENCE,
    scope: RELAY_SCOPE,
    tenantId: TENANT_ID,
    allowedClientId: RAPPORT_CLIENT_ID,
    privateSiteId: SITES.private.id,
    teamSiteId: SITES.team.id,
    graphBaseUrl: tenant.url,
    tokenEndpoint: `${tenant.url}/${TENANT_ID}/oauth2/v2.0/token`,
    relayClientId: RELAY_APP_ID,
    relayClientSecret: RELAY_LOCAL_SECRET,
    voteKey: LOCAL_VOTE_KEY,
    allowedOrigins: options.allowedOrigins ?? [],
  };
}

/** Starts a relay against a local tenant, on the tenant's clock (which tests fix). */
export function startLocalRelay(
  tenant: Pick<LocalTenant, 'url' | 'issuer' | 'tenant'>,
  options: { port?: number; allowedOrigins?: string[] } & Pick<RelayOptions, 'log'> = {},
): Promise<RunningRelay> {
  return startRelay(localRelayConfig(tenant, options), {
    now: () => tenant.tenant.clock.now(),
    ...(options.log ? { log: options.log } : {}),
  });
}
