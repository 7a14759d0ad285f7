import type {
  AccountInfo,
  AuthenticationResult,
  Configuration,
  IPublicClientApplication,
} from '@azure/msal-browser';
import { InteractionRequiredError, type TokenProvider } from '../domain/ports/token-provider';
import { accountFromClaims, scopeKey, type SignedInAccount } from './account';
import type { AuthConfig } from './auth-config';
import type { MsalErrorReading } from './msal-errors';

/** The part of MSAL's client the providers use, so the flow is testable with a fake. */
export type MsalClient = Pick<
  IPublicClientApplication,
  | 'getActiveAccount'
  | 'getAllAccounts'
  | 'setActiveAccount'
  | 'acquireTokenSilent'
  | 'acquireTokenPopup'
  | 'loginPopup'
>;

export interface MsalFlowOptions extends MsalErrorReading {
  method: TokenProvider['method'];
  /** With no account yet, sign in with `loginPopup` (browser) or ask for the token (NAA). */
  firstSignIn: 'loginPopup' | 'acquireTokenPopup';
}

/**
 * MSAL's configuration for Rapport: sessionStorage (never localStorage) so tokens end with the
 * tab, and the custom authority's host trusted without Microsoft's instance discovery.
 */
export function msalConfiguration(config: AuthConfig): Configuration {
  return {
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      redirectUri: config.redirectUri,
      ...(config.knownAuthorities ? { knownAuthorities: config.knownAuthorities } : {}),
    },
    cache: { cacheLocation: 'sessionStorage' },
  };
}

export function accountOf(
  result: Pick<AuthenticationResult, 'idTokenClaims' | 'account'> | undefined,
): SignedInAccount | undefined {
  if (!result) return undefined;
  return (
    accountFromClaims(result.idTokenClaims as Record<string, unknown> | undefined) ??
    fromAccountInfo(result.account)
  );
}

function fromAccountInfo(info: AccountInfo | null | undefined): SignedInAccount | undefined {
  if (!info) return undefined;
  return (
    accountFromClaims(info.idTokenClaims) ??
    (info.localAccountId && info.tenantId
      ? {
          id: info.localAccountId,
          tenantId: info.tenantId,
          username: info.username,
          name: info.name ?? info.username,
        }
      : undefined)
  );
}

/**
 * Silent first (MSAL's cache, then its refresh token or the host); a popup only when the caller
 * allows interaction, otherwise `InteractionRequiredError` so the UI can offer "Sign in".
 */
export function msalTokenProvider(pca: MsalClient, options: MsalFlowOptions): TokenProvider {
  const pending = new Map<string, Promise<string>>();
  const current = (): AccountInfo | undefined =>
    pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? undefined;

  const acquire = async (scopes: string[], interactive: boolean): Promise<string> => {
    const account = current();
    try {
      const result = await pca.acquireTokenSilent({ scopes, ...(account ? { account } : {}) });
      // msal-browser 5 no longer sets the active account itself (NAA included).
      pca.setActiveAccount(result.account);
      return result.accessToken;
    } catch (err) {
      if (!options.needsInteraction(err)) throw options.explain(err) ?? err;
      if (!interactive) throw new InteractionRequiredError();
    }
    try {
      const result =
        !account && options.firstSignIn === 'loginPopup'
          ? await pca.loginPopup({ scopes })
          : await pca.acquireTokenPopup({ scopes, ...(account ? { account } : {}) });
      pca.setActiveAccount(result.account);
      return result.accessToken;
    } catch (err) {
      if (options.isCancelled(err)) throw new InteractionRequiredError('Sign-in was cancelled.');
      throw options.explain(err) ?? err;
    }
  };

  return {
    method: options.method,
    getToken(scopes, opts) {
      const interactive = opts?.interactive === true;
      // Concurrent callers share one request (MSAL refuses a second popup while one is open).
      const key = `${interactive ? 'i' : 's'}:${scopeKey(scopes)}`;
      let flight = pending.get(key);
      if (!flight) {
        flight = acquire([...scopes], interactive).finally(() => pending.delete(key));
        pending.set(key, flight);
      }
      return flight;
    },
    account: () => Promise.resolve(fromAccountInfo(current())),
  };
}
