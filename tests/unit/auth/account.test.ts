import { describe, expect, it } from 'vitest';
import { accountFromClaims, hasAuthResponse, scopeKey } from '../../../src/auth/account';
import { accountOf, msalConfiguration } from '../../../src/auth/msal-flow';
import { parsePopupResult } from '../../../src/auth/popup-result';

describe('accountFromClaims', () => {
  it('takes the person from oid and tid, never from the pairwise sub', () => {
    expect(
      accountFromClaims({
        oid: 'o-1',
        tid: 't-1',
        sub: 'pairwise',
        preferred_username: 'ana@rapportdemo.onmicrosoft.com',
        name: 'Ana Ruiz',
      }),
    ).toEqual({
      id: 'o-1',
      tenantId: 't-1',
      username: 'ana@rapportdemo.onmicrosoft.com',
      name: 'Ana Ruiz',
    });
  });

  it('falls back to upn for the username and to the username for the name', () => {
    expect(accountFromClaims({ oid: 'o', tid: 't', upn: 'u@x' })).toEqual({
      id: 'o',
      tenantId: 't',
      username: 'u@x',
      name: 'u@x',
    });
  });

  it('answers undefined without claims that identify someone', () => {
    expect(accountFromClaims(undefined)).toBeUndefined();
    expect(accountFromClaims({ sub: 's', tid: 't' })).toBeUndefined();
    expect(accountFromClaims({ oid: 42, tid: 't' })).toBeUndefined();
  });

  it('reads MSAL results by claims first, then by the account record', () => {
    const account = {
      homeAccountId: 'o.t',
      environment: 'localhost:4443',
      tenantId: 't',
      username: 'ben@x',
      localAccountId: 'o',
      name: 'Ben',
    };
    expect(accountOf({ idTokenClaims: { oid: 'o2', tid: 't2', name: 'N' }, account })).toEqual({
      id: 'o2',
      tenantId: 't2',
      username: '',
      name: 'N',
    });
    expect(accountOf({ idTokenClaims: {}, account })).toEqual({
      id: 'o',
      tenantId: 't',
      username: 'ben@x',
      name: 'Ben',
    });
  });
});

describe('scopeKey', () => {
  it('is the same for the same set in any order or case', () => {
    expect(scopeKey(['User.Read', 'Calendars.ReadWrite'])).toBe(
      scopeKey(['calendars.readwrite', ' user.read', 'User.Read']),
    );
    expect(scopeKey(['User.Read'])).not.toBe(scopeKey(['User.Read', 'Calendars.ReadWrite']));
  });
});

describe('hasAuthResponse', () => {
  it('spots a code or an error with state, in the fragment or the query', () => {
    expect(hasAuthResponse('http://localhost:5173/auth.html#code=abc&state=s')).toBe(true);
    expect(hasAuthResponse('http://localhost:5173/auth.html?error=access_denied&state=s')).toBe(
      true,
    );
    expect(hasAuthResponse('http://localhost:5173/auth.html?scopes=User.Read&loginHint=a')).toBe(
      false,
    );
    expect(hasAuthResponse('http://localhost:5173/auth.html#code=abc')).toBe(false);
    expect(hasAuthResponse('not a url')).toBe(false);
  });
});

describe('msalConfiguration', () => {
  it('keeps tokens in sessionStorage and trusts the configured authority host', () => {
    const config = msalConfiguration({
      clientId: 'c',
      authority: 'https://localhost:4443/t',
      knownAuthorities: ['localhost:4443'],
      redirectUri: 'http://localhost:5173/auth.html',
      graphScopes: ['User.Read'],
    });
    expect(config.cache?.cacheLocation).toBe('sessionStorage');
    expect(config.auth.knownAuthorities).toEqual(['localhost:4443']);
    expect(config.auth.redirectUri).toBe('http://localhost:5173/auth.html');
  });
});

describe('parsePopupResult', () => {
  const ok = {
    accessToken: 'at',
    expiresOn: '2026-03-11T16:00:00.000Z',
    account: { id: 'o', tenantId: 't', username: 'u', name: 'n' },
  };

  it('accepts what the auth page sends', () => {
    expect(parsePopupResult(JSON.stringify(ok))).toEqual(ok);
  });

  it('names what is wrong with anything else', () => {
    expect(() => parsePopupResult('<html>')).toThrow(/not JSON/);
    expect(() => parsePopupResult(JSON.stringify({ ...ok, expiresOn: 'soon' }))).toThrow(
      /expiresOn/,
    );
    expect(() => parsePopupResult(JSON.stringify({ ...ok, accessToken: '' }))).toThrow(
      /accessToken/,
    );
  });
});
