/**
 * The settings whose values only exist once a browser test file has started its own tenant and
 * relay on free ports. The test build (vite.e2e.config.ts) is made once per run, so it carries
 * these stand-ins in their place, and the server of tests/support/built-app-server.ts swaps in the
 * real addresses as it serves each file. Hosts under `.invalid` can never resolve, so a stand-in
 * that slipped through fails loudly instead of reaching a real machine.
 */
export const BUILT_APP_PLACEHOLDERS = {
  tenant: 'http://tenant.rapport-e2e.invalid',
  authority: 'https://authority.rapport-e2e.invalid/tenant',
  relay: 'http://relay.rapport-e2e.invalid',
} as const;

export type BuiltAppAddresses = Record<keyof typeof BUILT_APP_PLACEHOLDERS, string>;

/** The RAPPORT_* settings the test build takes from the stand-ins, as the stack sets them. */
export const placeholderSettings = (): Record<string, string> => ({
  RAPPORT_GRAPH_BASE_URL: `${BUILT_APP_PLACEHOLDERS.tenant}/v1.0`,
  RAPPORT_TENANT_URL: BUILT_APP_PLACEHOLDERS.tenant,
  RAPPORT_AUTHORITY: BUILT_APP_PLACEHOLDERS.authority,
  RAPPORT_RELAY_URL: BUILT_APP_PLACEHOLDERS.relay,
});
