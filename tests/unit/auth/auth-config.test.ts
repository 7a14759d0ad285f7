import { describe, expect, it } from 'vitest';
import { authConfigSchema, readAuthConfig } from '../../../src/auth/auth-config';

const CLIENT = 'b7f1c3a2-5d4e-4f60-9a1b-2c3d4e5f6a70';
const TENANT = '7a1b2c3d-0000-4000-8000-0000000000a1';
const defaults = {
  redirectUri: 'http://localhost:5173/auth.html',
  graphScopes: ['https://graph.microsoft.com/User.Read'],
};

describe('readAuthConfig', () => {
  it('reads the local tenant and trusts its host without instance discovery', () => {
    const config = readAuthConfig(
      { RAPPORT_CLIENT_ID: CLIENT, RAPPORT_AUTHORITY: `https://localhost:4443/${TENANT}` },
      defaults,
    );
    expect(config).toEqual({
      clientId: CLIENT,
      authority: `https://localhost:4443/${TENANT}`,
      knownAuthorities: ['localhost:4443'],
      redirectUri: 'http://localhost:5173/auth.html',
      graphScopes: ['https://graph.microsoft.com/User.Read'],
    });
    expect(authConfigSchema.parse(config)).toEqual(config);
  });

  it('leaves Entra authorities to MSAL, and takes explicit settings over defaults', () => {
    const config = readAuthConfig(
      {
        RAPPORT_CLIENT_ID: CLIENT,
        RAPPORT_AUTHORITY: `https://login.microsoftonline.com/${TENANT}`,
        RAPPORT_REDIRECT_URI: 'https://rapport.example/auth.html',
        RAPPORT_GRAPH_SCOPES: 'User.Read, Calendars.ReadWrite',
      },
      defaults,
    );
    expect(config.knownAuthorities).toBeUndefined();
    expect(config.redirectUri).toBe('https://rapport.example/auth.html');
    expect(config.graphScopes).toEqual(['User.Read', 'Calendars.ReadWrite']);

    const listed = readAuthConfig(
      {
        RAPPORT_CLIENT_ID: CLIENT,
        RAPPORT_AUTHORITY: 'https://contoso.ciamlogin.com/contoso.onmicrosoft.com',
        RAPPORT_KNOWN_AUTHORITIES: 'contoso.ciamlogin.com',
      },
      defaults,
    );
    expect(listed.knownAuthorities).toEqual(['contoso.ciamlogin.com']);
  });

  it('explains an http authority, naming the variable', () => {
    expect(() =>
      readAuthConfig(
        { RAPPORT_CLIENT_ID: CLIENT, RAPPORT_AUTHORITY: `http://127.0.0.1:4100/${TENANT}` },
        defaults,
      ),
    ).toThrow(/RAPPORT_AUTHORITY must be an https URL/);
  });

  it('lists every missing or wrong setting in one message', () => {
    let message = '';
    try {
      readAuthConfig({ RAPPORT_CLIENT_ID: 'not-a-guid' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^Sign-in is not configured: /);
    expect(message).toContain("RAPPORT_CLIENT_ID must be the app registration's client id");
    expect(message).toContain('RAPPORT_AUTHORITY is not set');
    expect(message).toContain('RAPPORT_REDIRECT_URI is not set');
    expect(message).toContain('RAPPORT_GRAPH_SCOPES is not set');
  });
});
