import { describe, expect, it } from 'vitest';
import {
  isTeamMember,
  legacyContext,
  meetingIdOf,
  type ContextInput,
} from '../../../src/local/host/context';
import { SURFACES, type SurfaceId } from '../../../src/local/host/surfaces';
import { PEOPLE, TEAM, TENANT_ID, upnOf } from '../../../src/local/tenant/seed/directory';
import channelTab from './fixtures/legacyContext.channel-tab.json';
import channelSettings from './fixtures/legacyContext.channel-settings.json';
import sidePanel from './fixtures/legacyContext.meeting-sidePanel.json';
import stage from './fixtures/legacyContext.meeting-stage.json';

const ana = PEOPLE.find((p) => p.alias === 'ana')!;
const ben = PEOPLE.find((p) => p.alias === 'ben')!;
const person = (p: typeof ana) => ({
  id: p.id,
  displayName: `${p.givenName} ${p.surname}`,
  userPrincipalName: upnOf(p),
});
const CHAT = '19:meeting_QUFNa0FHRXYwMDAwMDE@thread.v2';

function contextFor(surface: SurfaceId, extra: Partial<ContextInput> = {}) {
  const s = SURFACES[surface];
  return legacyContext({
    scope: s.scope,
    frameContext: s.frameContext,
    entityId: s.entityId,
    person: person(ben),
    tenantId: TENANT_ID,
    theme: 'default',
    appId: 'b7f1c3a2-5d4e-4f60-9a1b-2c3d4e5f6a70',
    appSessionId: 'session-1',
    ...(s.scope === 'meeting' ? { chatId: CHAT } : {}),
    ...extra,
  });
}

const keys = (o: object) => Object.keys(o).sort();

describe('legacy context per surface', () => {
  it('names the selected person and the tenant on every surface', () => {
    for (const surface of Object.keys(SURFACES) as SurfaceId[]) {
      expect(contextFor(surface)).toMatchObject({
        userObjectId: ben.id,
        loginHint: upnOf(ben),
        userPrincipalName: upnOf(ben),
        userDisplayName: 'Ben Okafor',
        tid: TENANT_ID,
        locale: 'en-us',
        hostName: 'Teams',
        hostClientType: 'web',
        theme: 'default',
        frameContext: SURFACES[surface].frameContext,
      });
    }
  });

  it('gives the personal tab no chat, meeting or team', () => {
    const ctx = contextFor('personal');
    expect(ctx.frameContext).toBe('content');
    for (const key of ['chatId', 'meetingId', 'teamId', 'groupId', 'channelId']) {
      expect(ctx).not.toHaveProperty(key);
    }
  });

  it('gives meeting surfaces the chat and meeting ids, with the fixture field set', () => {
    const details = contextFor('details');
    expect(details).toMatchObject({ frameContext: 'content', chatId: CHAT });
    expect(atob(details.meetingId!)).toBe(`0#${CHAT}#0`);
    expect(keys(contextFor('sidePanel'))).toEqual(keys(sidePanel));
    expect(contextFor('sidePanel').frameContext).toBe('sidePanel');
    const onStage = contextFor('sidePanel', { frameContext: 'meetingStage' });
    expect(keys(onStage)).toEqual(keys(stage));
    expect(onStage.chatId).toBe(CHAT);
  });

  it('gives the channel tab and its setup page the team and channel', () => {
    const tab = contextFor('channel');
    expect(keys(tab)).toEqual(keys(channelTab));
    expect(tab).toMatchObject({
      frameContext: 'content',
      teamId: TEAM.channelId,
      teamName: TEAM.displayName,
      groupId: TEAM.groupId,
      channelId: TEAM.channelId,
      channelName: TEAM.channelName,
      userTeamRole: 1,
    });
    const setup = contextFor('setup');
    expect(setup.frameContext).toBe('settings');
    expect(keys(setup)).toEqual(keys({ ...channelSettings, teamType: 0, userTeamRole: 1 }));
    expect(contextFor('channel', { person: person(ana) }).userTeamRole).toBe(0);
  });

  it('reports the theme it is given', () => {
    expect(contextFor('personal', { theme: 'contrast' }).theme).toBe('contrast');
  });

  it('knows who is in the team', () => {
    expect(isTeamMember(ana.id)).toBe(true);
    expect(isTeamMember(PEOPLE.find((p) => p.alias === 'olivia')!.id)).toBe(false);
  });

  it('makes a meeting id from the chat', () => {
    expect(meetingIdOf('19:meeting_x@thread.v2')).toBe(btoa('0#19:meeting_x@thread.v2#0'));
  });
});
