import { createGraphClient } from '../../../graph/client';
import { provisionRapport, type ProvisionOutcome } from '../../../graph/storage/provision-rapport';
import {
  GRAPH_AUDIENCE,
  PROVISIONING_APP_ID,
  PROVISIONING_LOCAL_SECRET,
  RELAY_APP_ID,
  SITES,
  TENANT_ID,
} from './directory';

/** The relay's registration as provisioning grants it (the name its site grants show). */
export const LOCAL_RELAY = { id: RELAY_APP_ID, displayName: 'Rapport relay' } as const;

/**
 * Runs the storage provisioning routine against this tenant over HTTP, as an admin runs
 * `npm run provision` against a real one: with the admin's provisioning app (app-only token), it
 * checks the private site, creates or completes both sites' lists and grants the relay
 * Sites.Selected (write on the private site, read on the team site). A second run changes nothing.
 */
export async function provisionLocalStorage(origin: string): Promise<ProvisionOutcome> {
  const token = await provisioningAppToken(origin);
  const client = createGraphClient({ baseUrl: origin, getToken: () => Promise.resolve(token) });
  const outcome = await provisionRapport(client, {
    teamSite: { kind: 'id', id: SITES.team.id },
    privateSite: { kind: 'id', id: SITES.private.id },
    relay: LOCAL_RELAY,
  });
  // Only a `/_local` control can give the private site people; say so rather than fail the start.
  if (outcome.refusal) console.warn(`[local tenant] ${outcome.refusal.join('\n')}`);
  return outcome;
}

/**
 * A client-credentials token from a tenant's token endpoint (`<origin>/<tenant>/oauth2/v2.0/token`)
 * for the local admin's provisioning app.
 */
export async function provisioningAppToken(origin: string): Promise<string> {
  const res = await fetch(`${origin}/${TENANT_ID}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: PROVISIONING_APP_ID,
      client_secret: PROVISIONING_LOCAL_SECRET,
      scope: `${GRAPH_AUDIENCE}/.default`,
    }),
  });
  if (!res.ok) {
    throw new Error(
      `The provisioning app's token was refused by ${origin}: ${String(res.status)} ${await res.text()}`,
    );
  }
  const { access_token } = (await res.json()) as { access_token: string };
  return access_token;
}
