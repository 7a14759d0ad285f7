import type { TokenProvider } from '../domain/ports/token-provider';
import type { AuthConfig } from './auth-config';
import { msalErrors } from './msal-errors';
import { msalConfiguration, msalTokenProvider } from './msal-flow';

/**
 * Rapport in a plain browser tab (no host): MSAL's own popup against the configured authority
 * (locally, the local tenant's https authority). The page at `config.redirectUri` must hand the
 * popup's response back with `completeAuthRedirect()`.
 */
export async function createBrowserProvider(config: AuthConfig): Promise<TokenProvider> {
  const msal = await import('@azure/msal-browser');
  const pca = await msal.createStandardPublicClientApplication(msalConfiguration(config));
  return msalTokenProvider(pca, {
    method: 'browser',
    ...msalErrors(msal, config.authority),
    firstSignIn: 'loginPopup',
  });
}
