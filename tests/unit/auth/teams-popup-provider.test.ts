import { describe, expect, it } from 'vitest';
import type { Host, HostContext } from '../../../src/domain/ports/host';
import { InteractionRequiredError } from '../../../src/domain/ports/token-provider';
import { instant, type Clock } from '../../../src/domain/time/instant';
import { createTeamsPopupProvider } from '../../../src/auth/teams-popup-provider';

const T0 = Date.parse('2026-03-11T15:00:00Z');
const HOUR = 3600 * 1000;
const READ = ['https://graph.microsoft.com/User.Read'];
const CAL = ['https://graph.microsoft.com/Calendars.ReadWrite'];

class FakeClock implements Clock {
  ms = T0;
  now() {
    return instant(this.ms);
  }
}

/** A host whose auth popup answers like auth.html: one new token per popup, valid one hour. */
function fakeHost(clock: FakeClock, loginHint?: string) {
  const opened: URL[] = [];
  let answer: ((url: URL) => Promise<string>) | undefined;
  const host: Pick<Host, 'authenticate' | 'context'> = {
    context: (): HostContext => ({
      frameContext: 'content',
      hostName: 'Outlook',
      theme: 'default',
      locale: 'en-us',
      ...(loginHint ? { user: { loginHint } } : {}),
    }),
    authenticate: (url) => {
      const u = new URL(url);
      opened.push(u);
      if (answer) return answer(u);
      return Promise.resolve(
        JSON.stringify({
          accessToken: `token-${String(opened.length)}`,
          expiresOn: new Date(clock.ms + HOUR).toISOString(),
          account: {
            id: 'o-ana',
            tenantId: 't',
            username: 'ana@rapportdemo.onmicrosoft.com',
            name: 'Ana Ruiz',
          },
        }),
      );
    },
  };
  return {
    host,
    opened,
    answerWith: (f: (url: URL) => Promise<string>) => {
      answer = f;
    },
  };
}

const config = { redirectUri: 'https://localhost:5173/auth.html' };

describe('the Teams auth-popup provider', () => {
  it('opens the auth page with the scopes and the host hint, then serves from memory', async () => {
    const clock = new FakeClock();
    const { host, opened } = fakeHost(clock, 'ana@rapportdemo.onmicrosoft.com');
    const provider = await createTeamsPopupProvider(config, host, clock);
    expect(provider.method).toBe('teams-popup');
    expect(await provider.account()).toBeUndefined();

    await expect(provider.getToken(READ)).rejects.toBeInstanceOf(InteractionRequiredError);
    expect(opened).toHaveLength(0);

    expect(await provider.getToken(READ, { interactive: true })).toBe('token-1');
    expect(opened).toHaveLength(1);
    expect(opened[0]!.origin + opened[0]!.pathname).toBe(config.redirectUri);
    expect(opened[0]!.searchParams.get('scopes')).toBe(READ.join(' '));
    expect(opened[0]!.searchParams.get('loginHint')).toBe('ana@rapportdemo.onmicrosoft.com');

    expect(await provider.getToken(READ)).toBe('token-1');
    expect(await provider.getToken([...READ].reverse(), { interactive: true })).toBe('token-1');
    expect(opened).toHaveLength(1);
    expect(await provider.account()).toEqual({
      id: 'o-ana',
      tenantId: 't',
      username: 'ana@rapportdemo.onmicrosoft.com',
      name: 'Ana Ruiz',
    });
  });

  it('keeps one token per scope set', async () => {
    const clock = new FakeClock();
    const { host, opened } = fakeHost(clock);
    const provider = await createTeamsPopupProvider(config, host, clock);
    expect(await provider.getToken(READ, { interactive: true })).toBe('token-1');
    expect(await provider.getToken(CAL, { interactive: true })).toBe('token-2');
    expect(await provider.getToken(READ)).toBe('token-1');
    expect(await provider.getToken(CAL)).toBe('token-2');
    expect(opened).toHaveLength(2);
    // The second popup hints the person who signed in the first time.
    expect(opened[1]!.searchParams.get('loginHint')).toBe('ana@rapportdemo.onmicrosoft.com');
  });

  it('treats a token as expired five minutes early: silent asks for sign-in, interactive renews', async () => {
    const clock = new FakeClock();
    const { host, opened } = fakeHost(clock);
    const provider = await createTeamsPopupProvider(config, host, clock);
    await provider.getToken(READ, { interactive: true });

    clock.ms = T0 + HOUR - 5 * 60 * 1000 - 1;
    expect(await provider.getToken(READ)).toBe('token-1');
    clock.ms += 1;
    await expect(provider.getToken(READ)).rejects.toBeInstanceOf(InteractionRequiredError);
    expect(await provider.getToken(READ, { interactive: true })).toBe('token-2');
    expect(opened).toHaveLength(2);
  });

  it('opens one popup for concurrent interactive callers', async () => {
    const clock = new FakeClock();
    const { host, opened } = fakeHost(clock);
    const provider = await createTeamsPopupProvider(config, host, clock);
    const both = await Promise.all([
      provider.getToken(READ, { interactive: true }),
      provider.getToken(READ, { interactive: true }),
    ]);
    expect(both).toEqual(['token-1', 'token-1']);
    expect(opened).toHaveLength(1);
  });

  it('reads a closed popup as "sign in again", and other failures as errors', async () => {
    const clock = new FakeClock();
    const { host, answerWith } = fakeHost(clock);
    const provider = await createTeamsPopupProvider(config, host, clock);
    answerWith(() => Promise.reject(new Error('CancelledByUser')));
    await expect(provider.getToken(READ, { interactive: true })).rejects.toBeInstanceOf(
      InteractionRequiredError,
    );
    answerWith(() => Promise.reject(new Error('FailedToOpenWindow')));
    await expect(provider.getToken(READ, { interactive: true })).rejects.toThrow(
      'Sign-in failed: FailedToOpenWindow',
    );
    answerWith(() => Promise.resolve('{"accessToken":1}'));
    await expect(provider.getToken(READ, { interactive: true })).rejects.toThrow(/not valid/);
    await expect(provider.getToken(READ)).rejects.toBeInstanceOf(InteractionRequiredError);
  });
});
