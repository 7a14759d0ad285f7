import type { Host } from '../domain/ports/host';
import { InteractionRequiredError, type TokenProvider } from '../domain/ports/token-provider';
import type { Clock } from '../domain/time/instant';
import { scopeKey, type SignedInAccount } from './account';
import type { AuthConfig } from './auth-config';
import { parsePopupResult } from './popup-result';

export interface TeamsPopupProviderOptions {
  /** The page Teams opens; by default the redirect page (auth.html), which is both. */
  authStartUrl?: string;
  /** Renew this long before expiry, as MSAL does (5 minutes). */
  renewBeforeMs?: number;
}

/** Teams reports a closed popup this way; it is a person changing their mind, not a failure. */
const CANCELLED = /CancelledByUser|user_cancelled/i;

const systemClock: Clock = { now: () => Date.now() as ReturnType<Clock['now']> };

/**
 * For hosts without nested app authentication: Teams opens the app's own auth page in a popup,
 * which runs MSAL's standard flow and hands back an access token. Tokens stay in this object's
 * memory only, one per scope set; when one expires, the next interactive call opens the popup
 * again and a silent one asks the UI to offer "Sign in".
 */
export function createTeamsPopupProvider(
  config: Pick<AuthConfig, 'redirectUri'>,
  host: Pick<Host, 'authenticate' | 'context'>,
  clock: Clock = systemClock,
  options: TeamsPopupProviderOptions = {},
): Promise<TokenProvider> {
  const authStartUrl = options.authStartUrl ?? config.redirectUri;
  const renewBeforeMs = options.renewBeforeMs ?? 5 * 60 * 1000;
  const tokens = new Map<string, { token: string; expiresAt: number }>();
  const pending = new Map<string, Promise<string>>();
  let account: SignedInAccount | undefined;

  const signIn = async (scopes: readonly string[], key: string): Promise<string> => {
    const url = new URL(authStartUrl);
    url.searchParams.set('scopes', scopes.join(' '));
    // Who signed in last wins over the host's hint, which is only a hint.
    const hint = account?.username ?? host.context().user?.loginHint;
    if (hint) url.searchParams.set('loginHint', hint);
    let answer: string;
    try {
      answer = await host.authenticate(url.toString());
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      if (CANCELLED.test(reason)) throw new InteractionRequiredError('Sign-in was cancelled.');
      throw new Error(`Sign-in failed: ${reason}`, { cause: err });
    }
    const result = parsePopupResult(answer);
    account = result.account;
    tokens.set(key, { token: result.accessToken, expiresAt: Date.parse(result.expiresOn) });
    return result.accessToken;
  };

  const provider: TokenProvider = {
    method: 'teams-popup',
    getToken(scopes, opts) {
      const key = scopeKey(scopes);
      const cached = tokens.get(key);
      if (cached && cached.expiresAt - renewBeforeMs > clock.now()) {
        return Promise.resolve(cached.token);
      }
      if (cached) tokens.delete(key);
      if (!opts?.interactive) return Promise.reject(new InteractionRequiredError());
      // One popup per scope set, however many callers ask at once.
      let flight = pending.get(key);
      if (!flight) {
        flight = signIn(scopes, key).finally(() => pending.delete(key));
        pending.set(key, flight);
      }
      return flight;
    },
    account: () => Promise.resolve(account),
  };
  return Promise.resolve(provider);
}
