import { describe, expect, it } from 'vitest';
import { localNaaBridge } from '../../../src/local/outlook/naa';
import { RAPPORT_CLIENT_ID, TENANT_ID } from '../../../src/local/tenant/seed/directory';

/**
 * The nested app auth bridge the local Outlook compose host lends its pane: MSAL's string
 * envelopes in and out, answered for whoever organizes the meeting at the time of the request.
 */
const grace = {
  id: '5e3d0000-0000-4000-8000-000000000007',
  displayName: 'Grace Kim',
  userPrincipalName: 'grace@rapportdemo.onmicrosoft.com',
};
const ben = { ...grace, id: '5e3d0000-0000-4000-8000-000000000002', displayName: 'Ben Okafor' };

const fakeJwt = (claims: object) =>
  `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('the local Outlook host’s NAA bridge', () => {
  it('answers MSAL’s envelopes as strings, for the organizer of the moment', async () => {
    let organizer = grace;
    const minted: string[] = [];
    const bridge = localNaaBridge(() => organizer, {
      tenantId: TENANT_ID,
      issuer: `http://127.0.0.1:4100/${TENANT_ID}/v2.0`,
      nowSeconds: () => 1_795_829_293,
      mintToken: (user) => {
        minted.push(user);
        return Promise.resolve({ access_token: fakeJwt({ scp: 'User.Read' }), expires_in: 3600 });
      },
    });
    const answers: string[] = [];
    const listener = (response: string) => answers.push(response);
    bridge.addEventListener('message', listener);
    const ask = async (requestId: string) => {
      bridge.postMessage(
        JSON.stringify({
          messageType: 'NestedAppAuthRequest',
          method: 'GetToken',
          requestId,
          tokenParams: { clientId: RAPPORT_CLIENT_ID, scope: 'User.Read' },
        }),
      );
      await expect.poll(() => answers.length).toBeGreaterThan(0);
      return JSON.parse(answers.shift() ?? '') as Record<string, any>;
    };

    const first = await ask('r1');
    expect(first).toMatchObject({ requestId: 'r1', success: true });
    expect(first.account.username).toBe(grace.userPrincipalName);
    organizer = ben;
    expect((await ask('r2')).account.name).toBe('Ben Okafor');
    expect(minted).toEqual([grace.id, ben.id]);

    bridge.removeEventListener('message', listener);
    bridge.postMessage('not an envelope');
    await new Promise((r) => setTimeout(r, 20));
    expect(answers).toEqual([]);
  });
});
