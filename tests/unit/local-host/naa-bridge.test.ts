import { describe, expect, it, vi } from 'vitest';
import {
  answerNaaRequest,
  jwtClaims,
  naaReplyArgs,
  parseNaaRequest,
  type NaaDeps,
} from '../../../src/local/host/naa-bridge';
import { TenantError } from '../../../src/local/host/tenant-client';
import {
  RAPPORT_CLIENT_ID,
  RELAY_API_AUDIENCE,
  TENANT_ID,
} from '../../../src/local/tenant/seed/directory';
import initRequest from './fixtures/naa-GetInitContext.request.json';
import initResponse from './fixtures/naa-GetInitContext.response.json';
import tokenRequest from './fixtures/naa-GetToken.request.json';
import tokenResponse from './fixtures/naa-GetToken.response.json';
import errorResponse from './fixtures/naa-GetToken.error.response.json';

const ISSUER = `http://127.0.0.1:4100/${TENANT_ID}/v2.0`;
const NOW = 1_795_829_293;
const person = {
  id: '5e3d0000-0000-4000-8000-000000000002',
  displayName: 'Ben Okafor',
  userPrincipalName: 'ben@rapportdemo.onmicrosoft.com',
};

/** An access token as the tenant shapes it; only its `scp` claim matters to the host. */
const fakeJwt = (claims: object) =>
  `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

function deps(mint?: NaaDeps['mintToken']): NaaDeps & { mintToken: ReturnType<typeof vi.fn> } {
  const mintToken = vi.fn(
    mint ??
      ((_user: string, _audience: string, scopes?: string[]) =>
        Promise.resolve({
          access_token: fakeJwt({
            scp: (scopes ?? ['User.Read', 'Calendars.ReadWrite']).join(' '),
          }),
          expires_in: 3600,
        })),
  );
  return { person, tenantId: TENANT_ID, issuer: ISSUER, nowSeconds: () => NOW, mintToken };
}

const request = (method: string, tokenParams?: object) =>
  JSON.stringify({ ...tokenRequest, method, requestId: `req-${method}`, tokenParams });

const keys = (o: object) => Object.keys(o).sort();

describe('parseNaaRequest', () => {
  it('reads MSAL envelopes and keeps only string token params', () => {
    expect(parseNaaRequest(JSON.stringify(initRequest))).toEqual({
      messageType: 'NestedAppAuthRequest',
      method: 'GetInitContext',
      requestId: initRequest.requestId,
    });
    const parsed = parseNaaRequest(JSON.stringify(tokenRequest));
    expect(parsed?.tokenParams).toEqual({
      clientId: tokenRequest.tokenParams.clientId,
      scope: 'User.Read',
      correlationId: tokenRequest.tokenParams.correlationId,
      claims: tokenRequest.tokenParams.claims,
      authenticationScheme: 'Bearer',
    });
  });

  it('refuses anything that is not a request envelope', () => {
    expect(parseNaaRequest('not json')).toBeUndefined();
    expect(
      parseNaaRequest(JSON.stringify({ ...initRequest, messageType: 'Other' })),
    ).toBeUndefined();
    expect(parseNaaRequest(undefined)).toBeUndefined();
  });
});

describe('answerNaaRequest', () => {
  it('answers GetInitContext with the person as the account context', async () => {
    const response = await answerNaaRequest(JSON.stringify(initRequest), deps());
    expect(keys(response)).toEqual(keys(initResponse));
    expect(response).toMatchObject({
      requestId: initRequest.requestId,
      success: true,
      initContext: {
        capabilities: { queryAccount: false },
        accountContext: {
          homeAccountId: `${person.id}.${TENANT_ID}`,
          environment: 'login.microsoftonline.com',
          tenantId: TENANT_ID,
        },
      },
    });
  });

  it('answers GetToken with a minted Graph token, in the fixture shape', async () => {
    const d = deps();
    const response = await answerNaaRequest(
      request('GetToken', { clientId: RAPPORT_CLIENT_ID, scope: 'User.Read Calendars.Read' }),
      d,
    );
    expect(d.mintToken).toHaveBeenCalledWith(person.id, 'graph', ['User.Read', 'Calendars.Read']);
    expect(keys(response)).toEqual(keys(tokenResponse));
    if (!response.success) throw new Error('expected success');
    expect(keys(response.token!)).toEqual(keys(tokenResponse.token));
    expect(keys(response.account!)).toEqual(keys(tokenResponse.account));
    expect(keys(response.account!.idTokenClaims)).toEqual(
      keys(tokenResponse.account.idTokenClaims),
    );
    expect(response.token).toMatchObject({
      expires_in: 3600,
      properties: null,
      scope: 'User.Read Calendars.Read',
    });
    expect(response.account).toMatchObject({
      homeAccountId: `${person.id}.${TENANT_ID}`,
      environment: 'login.microsoftonline.com',
      tenantId: TENANT_ID,
      username: person.userPrincipalName,
      localAccountId: person.id,
      name: person.displayName,
    });
  });

  it('makes an unsigned, JWT-shaped id token for the requesting client', async () => {
    const response = await answerNaaRequest(
      request('GetToken', { clientId: RAPPORT_CLIENT_ID, scope: 'User.Read' }),
      deps(),
    );
    if (!response.success) throw new Error('expected success');
    const [header, , signature] = response.token!.id_token.split('.');
    expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({
      alg: 'none',
      typ: 'JWT',
    });
    expect(signature).toBe('');
    expect(jwtClaims(response.token!.id_token)).toEqual({
      aud: RAPPORT_CLIENT_ID,
      iss: ISSUER,
      iat: NOW,
      nbf: NOW,
      exp: NOW + 3600,
      name: person.displayName,
      oid: person.id,
      preferred_username: person.userPrincipalName,
      sub: person.id,
      tid: TENANT_ID,
      ver: '2.0',
    });
    expect(response.account!.idTokenClaims).toEqual(jwtClaims(response.token!.id_token));
  });

  it('answers GetTokenPopup like GetToken, and asks the relay audience for the relay scope', async () => {
    const d = deps();
    const scope = `${RELAY_API_AUDIENCE}/Relay.Access`;
    const response = await answerNaaRequest(
      request('GetTokenPopup', { clientId: RAPPORT_CLIENT_ID, scope }),
      d,
    );
    expect(d.mintToken).toHaveBeenCalledWith(person.id, 'relay', ['Relay.Access']);
    expect(response).toMatchObject({ success: true, token: { scope } });
  });

  it('reports the granted scopes when only OIDC scopes were asked for', async () => {
    const d = deps();
    const response = await answerNaaRequest(
      request('GetToken', { clientId: RAPPORT_CLIENT_ID, scope: 'openid profile offline_access' }),
      d,
    );
    expect(d.mintToken).toHaveBeenCalledWith(person.id, 'graph', undefined);
    expect(response).toMatchObject({ token: { scope: 'User.Read Calendars.ReadWrite' } });
  });

  it('fails in the fixture error shape for scopes of an unknown resource', async () => {
    const d = deps();
    const response = await answerNaaRequest(
      request('GetToken', { clientId: RAPPORT_CLIENT_ID, scope: 'api://elsewhere/Do.Things' }),
      d,
    );
    expect(d.mintToken).not.toHaveBeenCalled();
    expect(keys(response)).toEqual(keys(errorResponse));
    expect(response).toMatchObject({
      requestId: 'req-GetToken',
      success: false,
      error: { status: 'PERSISTENT_ERROR', code: 'invalid_resource' },
    });
  });

  it('says NO_NETWORK when the tenant cannot be reached, PERSISTENT_ERROR when it refuses', async () => {
    const params = { clientId: RAPPORT_CLIENT_ID, scope: 'User.Read' };
    const offline = await answerNaaRequest(
      request('GetToken', params),
      deps(() => Promise.reject(new TenantError('no answer', true))),
    );
    expect(offline).toMatchObject({ success: false, error: { status: 'NO_NETWORK' } });
    const refused = await answerNaaRequest(
      request('GetToken', params),
      deps(() => Promise.reject(new TenantError('404', false))),
    );
    expect(refused).toMatchObject({ success: false, error: { status: 'PERSISTENT_ERROR' } });
  });

  it('needs a client id and a Bearer scheme', async () => {
    expect(
      await answerNaaRequest(request('GetToken', { scope: 'User.Read' }), deps()),
    ).toMatchObject({ success: false, error: { code: 'invalid_request' } });
    expect(
      await answerNaaRequest(
        request('GetToken', {
          clientId: RAPPORT_CLIENT_ID,
          scope: 'User.Read',
          authenticationScheme: 'pop',
        }),
        deps(),
      ),
    ).toMatchObject({ success: false, error: { code: 'unsupported_scheme' } });
  });

  it("answers the older account queries with the person's account", async () => {
    for (const method of ['GetActiveAccount', 'GetAccountByHomeId', 'GetAccountByLocalId']) {
      const response = await answerNaaRequest(request(method), deps());
      expect(response).toMatchObject({
        requestId: `req-${method}`,
        success: true,
        account: { localAccountId: person.id, username: person.userPrincipalName },
      });
    }
  });

  it('answers every other method, and garbage, with an error rather than silence', async () => {
    expect(await answerNaaRequest(request('GetAllAccounts'), deps())).toEqual({
      messageType: 'NestedAppAuthResponse',
      requestId: 'req-GetAllAccounts',
      success: false,
      error: {
        status: 'PERSISTENT_ERROR',
        code: 'unsupported_method',
        description: expect.any(String),
      },
    });
    expect(await answerNaaRequest('garbage', deps())).toMatchObject({
      success: false,
      error: { status: 'PERSISTENT_ERROR' },
    });
  });

  it('is relayed as a string in args[1]', async () => {
    const response = await answerNaaRequest(JSON.stringify(initRequest), deps());
    const [first, second] = naaReplyArgs(response);
    expect(first).toBe(false);
    expect(JSON.parse(second)).toEqual(response);
  });
});
