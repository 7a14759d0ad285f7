/** Gets access tokens for the signed-in person; never stores them in localStorage. */
export interface TokenProvider {
  /** How this provider signs in (shown in diagnostics). */
  readonly method: 'naa' | 'teams-popup' | 'browser';
  /** A token for these scopes, signing in interactively only when `interactive` allows. */
  getToken(scopes: readonly string[], options?: { interactive?: boolean }): Promise<string>;
  /** Who the tokens are for, from the token's own claims. */
  account(): Promise<{ id: string; tenantId: string; username: string; name: string } | undefined>;
}

/** A sign-in that needs the person to act (click "Sign in"), not a failure. */
export class InteractionRequiredError extends Error {
  constructor(message = 'Sign-in is needed to continue.') {
    super(message);
    this.name = 'InteractionRequiredError';
  }
}
