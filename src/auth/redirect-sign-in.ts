import type { AuthConfig } from './auth-config';
import { explainUnreachable } from './msal-errors';
import { accountOf, msalConfiguration } from './msal-flow';
import type { PopupResult } from './popup-result';

/**
 * The redirect page's half of MSAL's popup flow (msal-browser 5 no longer reads the popup's URL
 * from the opener): hands the code back to the window that opened the popup, over a
 * BroadcastChannel, then the popup closes. For a redirect sign-in it returns to the start page.
 */
export async function completeAuthRedirect(): Promise<void> {
  const bridge = await import('@azure/msal-browser/redirect-bridge');
  await bridge.broadcastResponseToMainFrame();
}

/**
 * The Teams auth popup's sign-in: MSAL's standard redirect flow in the popup window itself.
 * Resolves with the token once the person is back from the authority; resolves `undefined`
 * when it has just navigated away to sign in.
 */
export async function runRedirectSignIn(
  config: AuthConfig,
  request: { scopes: readonly string[]; loginHint?: string },
): Promise<PopupResult | undefined> {
  try {
    return await redirectSignIn(config, request);
  } catch (err) {
    throw explainUnreachable(err, config.authority) ?? err;
  }
}

async function redirectSignIn(
  config: AuthConfig,
  request: { scopes: readonly string[]; loginHint?: string },
): Promise<PopupResult | undefined> {
  const msal = await import('@azure/msal-browser');
  const pca = await msal.createStandardPublicClientApplication(msalConfiguration(config));
  const result = await pca.handleRedirectPromise({ navigateToLoginRequestUrl: false });
  if (result) {
    const account = accountOf(result);
    if (!account) throw new Error('The sign-in answered without an id token naming the person.');
    return {
      accessToken: result.accessToken,
      expiresOn: (result.expiresOn ?? new Date(0)).toISOString(),
      scopes: result.scopes,
      account,
    };
  }
  await pca.acquireTokenRedirect({
    scopes: [...request.scopes],
    ...(request.loginHint ? { loginHint: request.loginHint } : {}),
    redirectStartPage: window.location.href,
  });
  return undefined;
}
