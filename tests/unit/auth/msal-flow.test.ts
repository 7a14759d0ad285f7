import type { AccountInfo, AuthenticationResult } from '@azure/msal-browser';
import { describe, expect, it } from 'vitest';
import { InteractionRequiredError } from '../../../src/domain/ports/token-provider';
import { explainUnreachable } from '../../../src/auth/msal-errors';
import {
  msalTokenProvider,
  type MsalClient,
  type MsalFlowOptions,
} from '../../../src/auth/msal-flow';

class NeedsInteraction extends Error {}
class Cancelled extends Error {}

const ana: AccountInfo = {
  homeAccountId: 'o-ana.t',
  environment: 'localhost:4443',
  tenantId: 't',
  username: 'ana@rapportdemo.onmicrosoft.com',
  localAccountId: 'o-ana',
  name: 'Ana Ruiz',
  idTokenClaims: {
    oid: 'o-ana',
    tid: 't',
    preferred_username: 'ana@rapportdemo.onmicrosoft.com',
    name: 'Ana Ruiz',
  },
};

const result = (accessToken: string): AuthenticationResult =>
  ({ accessToken, account: ana, idTokenClaims: ana.idTokenClaims }) as AuthenticationResult;

/** MSAL's client reduced to what the flow calls, with a script for what each call does. */
function fakeMsal(script: {
  silent?: () => Promise<AuthenticationResult>;
  popup?: () => Promise<AuthenticationResult>;
  login?: () => Promise<AuthenticationResult>;
}) {
  let active: AccountInfo | null = null;
  const cached: AccountInfo[] = [];
  const calls: string[] = [];
  const pca: MsalClient = {
    getActiveAccount: () => active,
    getAllAccounts: () => cached,
    setActiveAccount: (a) => {
      active = a;
      if (a && !cached.includes(a)) cached.push(a);
    },
    acquireTokenSilent: (req) => {
      calls.push(`silent:${req.account ? 'account' : 'none'}`);
      return script.silent ? script.silent() : Promise.reject(new NeedsInteraction());
    },
    acquireTokenPopup: (req) => {
      calls.push(`popup:${req.account ? 'account' : 'none'}`);
      return script.popup ? script.popup() : Promise.resolve(result('from-popup'));
    },
    loginPopup: () => {
      calls.push('login');
      return script.login ? script.login() : Promise.resolve(result('from-login'));
    },
  };
  return { pca, calls };
}

const options = (firstSignIn: MsalFlowOptions['firstSignIn']): MsalFlowOptions => ({
  method: 'browser',
  needsInteraction: (err) => err instanceof NeedsInteraction,
  isCancelled: (err) => err instanceof Cancelled,
  explain: (err) => explainUnreachable(err, 'https://localhost:4443/t'),
  firstSignIn,
});

describe('the MSAL token flow', () => {
  it('asks for sign-in instead of opening a popup when the call is silent', async () => {
    const { pca, calls } = fakeMsal({});
    const provider = msalTokenProvider(pca, options('loginPopup'));
    await expect(provider.getToken(['User.Read'])).rejects.toBeInstanceOf(InteractionRequiredError);
    expect(calls).toEqual(['silent:none']);
    expect(await provider.account()).toBeUndefined();
  });

  it('signs in with loginPopup first, then goes silent with the account', async () => {
    const cache = { signedIn: false };
    const { pca, calls } = fakeMsal({
      silent: () =>
        cache.signedIn
          ? Promise.resolve(result('from-cache'))
          : Promise.reject(new NeedsInteraction()),
    });
    const provider = msalTokenProvider(pca, options('loginPopup'));
    expect(await provider.getToken(['User.Read'], { interactive: true })).toBe('from-login');
    expect(await provider.account()).toEqual({
      id: 'o-ana',
      tenantId: 't',
      username: 'ana@rapportdemo.onmicrosoft.com',
      name: 'Ana Ruiz',
    });
    cache.signedIn = true;
    expect(await provider.getToken(['User.Read'])).toBe('from-cache');
    expect(calls).toEqual(['silent:none', 'login', 'silent:account']);
  });

  it('uses acquireTokenPopup for the account it has, and for NAA from the start', async () => {
    const { pca, calls } = fakeMsal({});
    const naa = msalTokenProvider(pca, { ...options('acquireTokenPopup'), method: 'naa' });
    expect(await naa.getToken(['User.Read'], { interactive: true })).toBe('from-popup');
    expect(await naa.getToken(['Calendars.ReadWrite'], { interactive: true })).toBe('from-popup');
    expect(calls).toEqual(['silent:none', 'popup:none', 'silent:account', 'popup:account']);
  });

  it('passes other errors through and turns a closed popup into "sign in again"', async () => {
    const broken = msalTokenProvider(
      fakeMsal({ silent: () => Promise.reject(new Error('network down')) }).pca,
      options('loginPopup'),
    );
    await expect(broken.getToken(['User.Read'], { interactive: true })).rejects.toThrow(
      'network down',
    );

    const closed = msalTokenProvider(
      fakeMsal({ login: () => Promise.reject(new Cancelled()) }).pca,
      options('loginPopup'),
    );
    await expect(closed.getToken(['User.Read'], { interactive: true })).rejects.toBeInstanceOf(
      InteractionRequiredError,
    );
  });

  it('says what to do when the local authority is unreachable, certificate included', async () => {
    const unreachable = Object.assign(new Error('endpoints'), {
      errorCode: 'endpoints_resolution_error',
    });
    const provider = msalTokenProvider(
      fakeMsal({ silent: () => Promise.reject(unreachable) }).pca,
      options('loginPopup'),
    );
    const err: Error = await provider.getToken(['User.Read']).then(
      () => new Error('expected a failure'),
      (e: unknown) => e as Error,
    );
    expect(err.message).toContain('open https://localhost:4443/ once in this browser');
    expect(err.cause).toBe(unreachable);
    expect(
      explainUnreachable(unreachable, 'https://login.microsoftonline.com/t')?.message,
    ).toContain('Check the network and RAPPORT_AUTHORITY');
    expect(explainUnreachable(new Error('other'), 'https://localhost:4443/t')).toBeUndefined();
  });

  it('shares one request between concurrent callers for the same scopes', async () => {
    const { pca, calls } = fakeMsal({});
    const provider = msalTokenProvider(pca, options('loginPopup'));
    const tokens = await Promise.all([
      provider.getToken(['User.Read', 'Calendars.ReadWrite'], { interactive: true }),
      provider.getToken(['calendars.readwrite', 'user.read'], { interactive: true }),
    ]);
    expect(tokens).toEqual(['from-login', 'from-login']);
    expect(calls).toEqual(['silent:none', 'login']);
  });
});
