import { listsFor } from '../../../graph/storage/list-definitions';
import { createGraphClient } from '../../../graph/client';
import { provisionStorage, type ProvisionReport } from '../../../graph/storage/provision-storage';
import type { Tenant } from '../http/context';
import {
  GRAPH_AUDIENCE,
  PEOPLE,
  RELAY_APP_ID,
  RELAY_LOCAL_SECRET,
  SITES,
  TEAM,
  TENANT_ID,
  upnOf,
} from './directory';

/** The team owner provisions with Sites.Manage.All, which people's everyday tokens do not carry. */
const PROVISIONING_SCOPES = ['Sites.Manage.All', 'Sites.ReadWrite.All'];

/**
 * Runs the storage provisioning routine against this tenant over HTTP, as an admin would against
 * a real one: the team site's lists with a team owner's token, the private site's with the relay's
 * app-only token.
 */
export async function provisionLocalStorage(
  origin: string,
  tenant: Tenant,
): Promise<ProvisionReport[]> {
  const owner = PEOPLE.find((p) => p.id === TEAM.ownerIds[0]);
  if (!owner) throw new Error('The seed has no team owner to provision storage with.');
  const ownerToken = await tenant.issuer.delegated({
    oid: owner.id,
    name: `${owner.givenName} ${owner.surname}`,
    upn: upnOf(owner),
    audience: GRAPH_AUDIENCE,
    scopes: PROVISIONING_SCOPES,
  });
  // The admin's Sites.Selected grants (POST /sites/{id}/permissions in a real tenant), also on data
  // kept from before the relay read the team site.
  const teamSite = tenant.store.state.sites[SITES.team.id];
  if (teamSite) teamSite.appGrants[RELAY_APP_ID] ??= 'read';
  const appToken = await relayAppToken(origin);
  const asOwner = createGraphClient({
    baseUrl: origin,
    getToken: () => Promise.resolve(ownerToken),
  });
  const asRelay = createGraphClient({ baseUrl: origin, getToken: () => Promise.resolve(appToken) });
  return [
    await provisionStorage(asOwner, SITES.team.id, listsFor('team')),
    await provisionStorage(asRelay, SITES.private.id, listsFor('private')),
  ];
}

/** The relay's client-credentials token, fetched from the tenant's token endpoint as the relay would. */
async function relayAppToken(origin: string): Promise<string> {
  const res = await fetch(`${origin}/${TENANT_ID}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: RELAY_APP_ID,
      client_secret: RELAY_LOCAL_SECRET,
      scope: `${GRAPH_AUDIENCE}/.default`,
    }),
  });
  if (!res.ok)
    throw new Error(`The relay's app token was refused: ${String(res.status)} ${await res.text()}`);
  const { access_token } = (await res.json()) as { access_token: string };
  return access_token;
}
