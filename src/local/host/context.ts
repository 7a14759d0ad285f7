import { TEAM } from '../tenant/seed/directory';
import type { FrameContext, Theme } from './protocol';
import { HOST_CLIENT_TYPE } from './runtime';
import type { SurfaceScope } from './surfaces';

export interface HostPerson {
  id: string;
  displayName: string;
  userPrincipalName: string;
}

/** The flat v1 `Context` teams-js turns into `app.Context` (HOST-PROTOCOL.md §6). */
export interface LegacyContext {
  locale: string;
  theme: Theme;
  hostClientType: string;
  hostName: string;
  appSessionId: string;
  sessionId: string;
  appId: string;
  frameContext: FrameContext;
  entityId: string;
  subEntityId: string;
  tid: string;
  userObjectId: string;
  loginHint: string;
  userPrincipalName: string;
  userDisplayName: string;
  chatId?: string;
  meetingId?: string;
  teamId?: string;
  teamName?: string;
  groupId?: string;
  channelId?: string;
  channelName?: string;
  channelType?: string;
  teamType?: number;
  userTeamRole?: number;
}

export interface ContextInput {
  scope: SurfaceScope;
  frameContext: FrameContext;
  entityId: string;
  person: HostPerson;
  tenantId: string;
  theme: Theme;
  appId: string;
  appSessionId: string;
  /** The meeting chat, for meeting surfaces. */
  chatId?: string;
  /** `app.locale`; Teams reports the person's display language, `en-us` unless chosen. */
  locale?: string;
  /** `app.host.name`; `Teams` unless told. */
  hostName?: string;
}

/**
 * Teams' meeting id is the base64 of `0#<meeting chat thread id>#0`; apps treat it as opaque and
 * find the meeting through the chat, so only its shape matters.
 */
export const meetingIdOf = (chatId: string): string => btoa(`0#${chatId}#0`);

/** TeamUserRole: 0 owner, 1 member, 2 guest. */
const teamRoleOf = (personId: string): number =>
  (TEAM.ownerIds as readonly string[]).includes(personId) ? 0 : 1;

export const isTeamMember = (personId: string): boolean =>
  (TEAM.memberIds as readonly string[]).includes(personId);

/** In Teams a team's internal id is its General channel's thread id. */
export const TEAM_INTERNAL_ID = TEAM.channelId;

export function legacyContext(input: ContextInput): LegacyContext {
  const { person } = input;
  const context: LegacyContext = {
    locale: input.locale ?? 'en-us',
    theme: input.theme,
    hostClientType: HOST_CLIENT_TYPE,
    hostName: input.hostName ?? 'Teams',
    appSessionId: input.appSessionId,
    sessionId: 'rapport-local-host',
    appId: input.appId,
    frameContext: input.frameContext,
    entityId: input.entityId,
    subEntityId: '',
    tid: input.tenantId,
    userObjectId: person.id,
    loginHint: person.userPrincipalName,
    userPrincipalName: person.userPrincipalName,
    userDisplayName: person.displayName,
  };
  if (input.scope === 'meeting' && input.chatId !== undefined) {
    context.chatId = input.chatId;
    context.meetingId = meetingIdOf(input.chatId);
  }
  if (input.scope === 'channel') {
    Object.assign(context, {
      teamId: TEAM_INTERNAL_ID,
      teamName: TEAM.displayName,
      groupId: TEAM.groupId,
      channelId: TEAM.channelId,
      channelName: TEAM.channelName,
      channelType: 'Regular',
      teamType: 0,
      userTeamRole: teamRoleOf(person.id),
    });
  }
  return context;
}
