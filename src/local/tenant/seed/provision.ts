import type { Tenant } from '../http/context';

/**
 * Runs the storage provisioning routine against this tenant over HTTP, as an admin would against
 * a real one: the team site's lists with a team owner's token, the private site's with the relay's
 * app-only token.
 */
export async function provisionLocalStorage(_origin: string, _tenant: Tenant): Promise<void> {
  // filled in by the SharePoint module
}
