import type * as Msal from '@azure/msal-browser';

/** MSAL's codes for "the authority did not answer", whatever the reason underneath. */
const UNREACHABLE = new Set([
  'endpoints_resolution_error',
  'openid_config_error',
  'no_network_connectivity',
  'get_request_failed',
  'post_request_failed',
]);

export interface MsalErrorReading {
  /** Whether an MSAL error means "the person must act" rather than "this failed". */
  needsInteraction: (err: unknown) => boolean;
  /** Whether an MSAL error is the person closing the sign-in window. */
  isCancelled: (err: unknown) => boolean;
  /** A readable error to throw instead, or undefined to throw MSAL's own. */
  explain: (err: unknown) => Error | undefined;
}

/** Reads MSAL's errors with the classes of the copy of MSAL that was loaded. */
export function msalErrors(msal: typeof Msal, authority: string): MsalErrorReading {
  return {
    needsInteraction: (err) =>
      err instanceof msal.InteractionRequiredAuthError ||
      // No account in the cache yet: only signing in can fix that.
      (err instanceof msal.BrowserAuthError &&
        err.errorCode === msal.BrowserAuthErrorCodes.noAccountError),
    isCancelled: (err) =>
      err instanceof msal.BrowserAuthError &&
      err.errorCode === msal.BrowserAuthErrorCodes.userCancelled,
    explain: (err) => explainUnreachable(err, authority),
  };
}

/**
 * A browser refuses background requests to a host whose certificate it does not trust, without
 * asking, and MSAL only says "endpoints_resolution_error". The local tenant's certificate is
 * self-signed, so say what to do.
 */
export function explainUnreachable(err: unknown, authority: string): Error | undefined {
  const code = (err as { errorCode?: unknown } | null)?.errorCode;
  if (typeof code !== 'string' || !UNREACHABLE.has(code)) return undefined;
  const origin = URL.canParse(authority) ? new URL(authority).origin : authority;
  const local = /^https:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin);
  return new Error(
    local
      ? `Cannot reach the sign-in authority ${authority} (${code}). Is the local tenant running (npm start)? Its certificate is self-signed: open ${origin}/ once in this browser and accept it.`
      : `Cannot reach the sign-in authority ${authority} (${code}). Check the network and RAPPORT_AUTHORITY.`,
    { cause: err },
  );
}
