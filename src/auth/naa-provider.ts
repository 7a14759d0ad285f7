import type { TokenProvider } from '../domain/ports/token-provider';
import type { AuthConfig } from './auth-config';
import { msalConfiguration, msalTokenProvider } from './msal-flow';
import { msalErrors } from './msal-errors';

/**
 * Nested app authentication: in Teams, Outlook and the Microsoft 365 app the host signs the tab
 * in and brokers tokens, with no popup and no backend. teams-js must already be initialized (the
 * caller guarantees it): MSAL looks for the host's bridge once, when it is created, and quietly
 * falls back to a standard client without it.
 */
export async function createNaaProvider(config: AuthConfig): Promise<TokenProvider> {
  const msal = await import('@azure/msal-browser');
  const pca = await msal.createNestablePublicClientApplication(msalConfiguration(config));
  return msalTokenProvider(pca, {
    method: 'naa',
    ...msalErrors(msal, config.authority),
    firstSignIn: 'acquireTokenPopup',
  });
}
