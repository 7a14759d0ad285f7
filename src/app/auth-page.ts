import './strict-csp';
import { app, authentication } from '@microsoft/teams-js';
import { completeAuthRedirect, hasAuthResponse, readAuthConfig, runRedirectSignIn } from '../auth';
import { graphScopeUris } from '../graph/scopes';
import { startupText } from './startup-text';

/**
 * auth.html, the app's one redirect page, in two roles:
 * - the authority sends a sign-in response here (MSAL's popup in a plain browser, or the
 *   redirect below): it is handed back to the window that asked, and this window moves on;
 * - Teams opens it as the auth popup (frame context `authentication`, for hosts without nested
 *   app authentication): it signs in with MSAL's redirect flow in this window and returns the
 *   token to the tab with `authentication.notifySuccess`.
 */
const status = document.getElementById('status');
const say = (text: string): void => {
  if (status) status.textContent = text;
};

const words = startupText();
const reason = (err: unknown): string => (err instanceof Error ? err.message : String(err));

async function signInForTeams(): Promise<void> {
  try {
    await app.initialize();
  } catch {
    say(words.openInTeams);
    return;
  }
  try {
    const params = new URLSearchParams(window.location.search);
    const scopes = (params.get('scopes') ?? '').split(' ').filter(Boolean);
    if (scopes.length === 0) throw new Error('The sign-in window was opened without scopes.');
    const config = readAuthConfig(import.meta.env, {
      redirectUri: `${window.location.origin}/auth.html`,
      graphScopes: graphScopeUris(),
    });
    const loginHint = params.get('loginHint') ?? undefined;
    const result = await runRedirectSignIn(config, {
      scopes,
      ...(loginHint ? { loginHint } : {}),
    });
    // Undefined: the window is on its way to the sign-in page and comes back here.
    if (result) {
      say(words.signedIn);
      authentication.notifySuccess(JSON.stringify(result));
    }
  } catch (err) {
    say(words.signInFailed(reason(err)));
    authentication.notifyFailure(reason(err));
  }
}

if (hasAuthResponse(window.location.href)) {
  completeAuthRedirect().catch((err: unknown) => {
    say(words.signInFailed(reason(err)));
  });
} else {
  void signInForTeams();
}
