import type { LegacyContext } from './context';
import {
  classify,
  ErrorCode,
  sdkError,
  unsupportedReply,
  type AppRequest,
  type FrameContext,
} from './protocol';
import { initializeReplyArgs, type RuntimeConfig } from './runtime';
import { sameOriginPath } from './surfaces';

/** What a framed window is to the host: the surface's tab, the meeting stage, or the auth popup. */
export type FrameRole = 'tab' | 'stage' | 'auth';

export interface FrameInfo {
  role: FrameRole;
  frameContext: FrameContext;
}

/** `pages.config.setConfig`'s instance config, as `settings.setSettings` carries it. */
export interface TabConfig {
  contentUrl: string;
  entityId?: string;
  suggestedDisplayName?: string;
  websiteUrl?: string;
  removeUrl?: string;
}

/** What the handlers read of the host's current state. */
export interface HostView {
  origin: string;
  runtime(frame: FrameInfo): RuntimeConfig;
  context(frame: FrameInfo): LegacyContext;
  tabConfig(frame: FrameInfo): TabConfig | undefined;
  isSharingToStage: boolean;
}

/** What the page must do beyond replying; the DOM side carries these out. */
export type Effect =
  | { kind: 'initialized' }
  | { kind: 'registerHandler'; name: string }
  | { kind: 'validity'; valid: boolean }
  | { kind: 'setConfig'; config: TabConfig }
  | { kind: 'saveResult'; ok: boolean; reason?: string }
  | { kind: 'openStage'; path: string }
  | { kind: 'closeStage' }
  | { kind: 'authenticate'; path: string; width?: number; height?: number }
  | { kind: 'authResult'; ok: boolean; value: unknown }
  | { kind: 'naa'; data: string | undefined }
  | { kind: 'openLink'; url: string }
  | { kind: 'unsupported' };

export interface Outcome {
  /** Reply args; absent for notifications and for requests answered later. */
  reply?: unknown[];
  effect?: Effect;
}

const STAGE_CONTEXTS: readonly FrameContext[] = ['sidePanel', 'meetingStage'];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const optionalString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function parseTabConfig(value: unknown): TabConfig | undefined {
  if (!isRecord(value) || typeof value.contentUrl !== 'string' || value.contentUrl === '') {
    return undefined;
  }
  const config: TabConfig = { contentUrl: value.contentUrl };
  for (const key of ['entityId', 'suggestedDisplayName', 'websiteUrl', 'removeUrl'] as const) {
    const v = optionalString(value[key]);
    if (v !== undefined) config[key] = v;
  }
  return config;
}

const positive = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined;

function handleMeeting(request: AppRequest, frame: FrameInfo, view: HostView): Outcome {
  const inMeeting = STAGE_CONTEXTS.includes(frame.frameContext);
  const wrongContext = (): Outcome => ({
    reply: [
      sdkError(
        ErrorCode.NOT_SUPPORTED_IN_CURRENT_CONTEXT,
        'Stage sharing needs the sidePanel or meetingStage frame context',
      ),
      null,
    ],
  });
  switch (request.func) {
    case 'meeting.getAppContentStageSharingCapabilities':
      return inMeeting ? { reply: [null, { doesAppHaveSharePermission: true }] } : wrongContext();
    case 'meeting.shareAppContentToStage': {
      if (!inMeeting) return wrongContext();
      const path = sameOriginPath(request.args[0], view.origin);
      if (path === undefined) {
        return {
          reply: [
            sdkError(ErrorCode.INVALID_ARGUMENTS, "The stage URL must be on the app's own origin"),
            null,
          ],
        };
      }
      return { reply: [null, true], effect: { kind: 'openStage', path } };
    }
    case 'meeting.getAppContentStageSharingState':
      return inMeeting
        ? { reply: [null, { isAppSharing: view.isSharingToStage }] }
        : wrongContext();
    case 'meeting.stopSharingAppContentToStage':
      return inMeeting ? { reply: [null, true], effect: { kind: 'closeStage' } } : wrongContext();
    default:
      return { reply: unsupportedReply(request.func), effect: { kind: 'unsupported' } };
  }
}

/**
 * The host's answer to one request from a framed app: the reply args teams-js expects and what
 * the page must do. Pure, so every protocol rule here is testable without a browser.
 */
export function handleRequest(request: AppRequest, frame: FrameInfo, view: HostView): Outcome {
  const { func, args } = request;
  switch (classify(func)) {
    case 'initialize':
      return {
        reply: initializeReplyArgs(frame.frameContext, view.runtime(frame)),
        effect: { kind: 'initialized' },
      };
    case 'naa':
      return { effect: { kind: 'naa', data: request.data } };
    case 'notification':
      switch (func) {
        case 'registerHandler':
          return typeof args[0] === 'string'
            ? { effect: { kind: 'registerHandler', name: args[0] } }
            : {};
        case 'settings.setValidityState':
          return { effect: { kind: 'validity', valid: args[0] === true } };
        case 'settings.save.success':
          return { effect: { kind: 'saveResult', ok: true } };
        case 'settings.save.failure':
          return {
            effect: { kind: 'saveResult', ok: false, reason: optionalString(args[0]) ?? 'failed' },
          };
        case 'authentication.authenticate.success':
          return frame.role === 'auth'
            ? { effect: { kind: 'authResult', ok: true, value: args[0] } }
            : {};
        case 'authentication.authenticate.failure':
          return frame.role === 'auth'
            ? { effect: { kind: 'authResult', ok: false, value: args[0] } }
            : {};
        default:
          return {};
      }
    case 'request':
      break;
  }

  if (func.startsWith('meeting.')) return handleMeeting(request, frame, view);
  switch (func) {
    case 'getContext':
      return { reply: [view.context(frame)] };
    case 'settings.setSettings': {
      const config = parseTabConfig(args[0]);
      if (!config) return { reply: [false, 'The tab config needs a contentUrl'] };
      if (sameOriginPath(config.contentUrl, view.origin) === undefined) {
        return { reply: [false, "The tab's contentUrl must be on the app's own origin"] };
      }
      return { reply: [true], effect: { kind: 'setConfig', config } };
    }
    case 'settings.getSettings':
      return { reply: [view.tabConfig(frame) ?? {}] };
    case 'authentication.authenticate': {
      const path = sameOriginPath(args[0], view.origin);
      if (path === undefined) {
        return { reply: [false, "The authentication page must be on the app's own origin"] };
      }
      const width = positive(args[1]);
      const height = positive(args[2]);
      return {
        effect: {
          kind: 'authenticate',
          path,
          ...(width === undefined ? {} : { width }),
          ...(height === undefined ? {} : { height }),
        },
      };
    }
    case 'authentication.getAuthToken':
      return { reply: [false, 'not supported by the local host: use NAA'] };
    case 'executeDeepLink': {
      // app.openLink: the local host has no Teams to open, so it records the link for people and
      // tests to see. Like Teams, it refuses addresses a person could not follow safely.
      const url = optionalString(args[0]);
      if (url === undefined || !/^(https:\/\/|msteams:)/i.test(url)) {
        return { reply: [false, 'The host opens only https: and msteams: links'] };
      }
      return { reply: [true], effect: { kind: 'openLink', url } };
    }
    default:
      return { reply: unsupportedReply(func), effect: { kind: 'unsupported' } };
  }
}
