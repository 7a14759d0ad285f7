import { describe, expect, it } from 'vitest';
import { hasMeetingStage } from '../../../src/domain/ports/host';
import { legacyContext } from '../../../src/local/host/context';
import { hostQuery, parseHostQuery } from '../../../src/local/host/host-state';

const input = {
  scope: 'personal' as const,
  frameContext: 'content' as const,
  entityId: 'home',
  person: { id: 'p1', displayName: 'Ana Ruiz', userPrincipalName: 'ana@example.test' },
  tenantId: 't1',
  theme: 'default' as const,
  appId: 'app',
  appSessionId: 's1',
};

describe('the host the local Teams host plays', () => {
  it('is Teams unless `hostName` names Outlook or the Microsoft 365 app, and stays in the URL', () => {
    expect(parseHostQuery('?surface=details').hostName).toBe('Teams');
    const outlook = parseHostQuery('?surface=details&hostName=Outlook');
    expect(outlook.hostName).toBe('Outlook');
    expect(hostQuery(outlook)).toBe('?surface=details&hostName=Outlook');
    expect(parseHostQuery('?hostName=Office').hostName).toBe('Office');
    expect(hostQuery(parseHostQuery('?surface=details&hostName=Teams'))).toBe('?surface=details');
  });

  it('ignores names it does not play', () => {
    expect(parseHostQuery('?hostName=<b>x</b>').hostName).toBe('Teams');
    expect(parseHostQuery('?hostName=outlook').hostName).toBe('Teams');
  });

  it('is what the context reports as `hostName`', () => {
    expect(legacyContext(input).hostName).toBe('Teams');
    expect(legacyContext({ ...input, hostName: 'Outlook' }).hostName).toBe('Outlook');
  });
});

describe('a meeting stage', () => {
  it('exists in Teams only', () => {
    expect(hasMeetingStage('Teams')).toBe(true);
    expect(hasMeetingStage('TeamsModern')).toBe(true);
    for (const name of ['Outlook', 'OutlookWin32', 'Office', 'Browser']) {
      expect(hasMeetingStage(name)).toBe(false);
    }
  });
});
