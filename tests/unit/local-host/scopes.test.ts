import { describe, expect, it } from 'vitest';
import { resolveScopes } from '../../../src/local/host/scopes';
import { RELAY_API_AUDIENCE } from '../../../src/local/tenant/seed/directory';

describe('resolveScopes (scope -> audience)', () => {
  it('takes bare names as Graph scopes', () => {
    expect(resolveScopes('User.Read Calendars.Read')).toEqual({
      ok: true,
      audience: 'graph',
      scopes: ['User.Read', 'Calendars.Read'],
      requested: ['User.Read', 'Calendars.Read'],
    });
  });

  it('strips the Graph resource, by URL or by app id', () => {
    expect(
      resolveScopes(
        'https://graph.microsoft.com/User.Read 00000003-0000-0000-c000-000000000000/Chat.ReadBasic',
      ),
    ).toMatchObject({ ok: true, audience: 'graph', scopes: ['User.Read', 'Chat.ReadBasic'] });
  });

  it('drops OIDC scopes, and asks for the default set when nothing else is left', () => {
    expect(resolveScopes('openid profile offline_access User.Read')).toMatchObject({
      scopes: ['User.Read'],
      requested: ['User.Read'],
    });
    const login = resolveScopes('openid profile offline_access');
    expect(login).toEqual({ ok: true, audience: 'graph', requested: [] });
    expect(resolveScopes(undefined)).toEqual(login);
    expect(resolveScopes('https://graph.microsoft.com/.default')).toEqual({
      ok: true,
      audience: 'graph',
      requested: ['https://graph.microsoft.com/.default'],
    });
  });

  it("maps the relay's API scope to the relay audience", () => {
    expect(resolveScopes(`${RELAY_API_AUDIENCE}/Relay.Access`)).toEqual({
      ok: true,
      audience: 'relay',
      scopes: ['Relay.Access'],
      requested: [`${RELAY_API_AUDIENCE}/Relay.Access`],
    });
    expect(resolveScopes(`openid ${RELAY_API_AUDIENCE}/.default`)).toEqual({
      ok: true,
      audience: 'relay',
      requested: [`${RELAY_API_AUDIENCE}/.default`],
    });
  });

  it('refuses unknown resources, unknown relay scopes and two resources at once', () => {
    expect(resolveScopes('api://somewhere-else/Do.Things')).toMatchObject({
      ok: false,
      code: 'invalid_resource',
    });
    expect(resolveScopes(`${RELAY_API_AUDIENCE}/Relay.Admin`)).toMatchObject({
      ok: false,
      code: 'invalid_scope',
    });
    expect(resolveScopes(`User.Read ${RELAY_API_AUDIENCE}/Relay.Access`)).toMatchObject({
      ok: false,
      code: 'invalid_scope',
    });
  });
});
