import { describe, expect, it } from 'vitest';
import { handleRequest, type HostView } from '../../../src/local/host/handlers';

const view = { origin: 'http://127.0.0.1:5173' } as HostView;
const tab = { role: 'tab', frameContext: 'content' } as const;
const deepLink = (url: unknown) => ({
  id: 1,
  uuidAsString: 'u1',
  func: 'executeDeepLink',
  args: [url],
});

describe('the local host and app.openLink', () => {
  it('records a Teams deep link as opened and answers success', () => {
    const url = 'https://teams.microsoft.com/l/chat/0/0?users=a%40b.c&message=Hi';
    expect(handleRequest(deepLink(url), tab, view)).toEqual({
      reply: [true],
      effect: { kind: 'openLink', url },
    });
    expect(handleRequest(deepLink('msteams:/l/channel/x'), tab, view).reply).toEqual([true]);
  });

  it('refuses addresses that are not https: or msteams:, as status and reason', () => {
    for (const url of ['javascript:alert(1)', 'http://x.example', 42]) {
      const out = handleRequest(deepLink(url), tab, view);
      expect(out.reply?.[0]).toBe(false);
      expect(out.effect).toBeUndefined();
    }
  });
});
