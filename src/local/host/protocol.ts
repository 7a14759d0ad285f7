/**
 * The teams-js v2 postMessage wire format, as the host sees it
 * (../shared/reference/teams/HOST-PROTOCOL.md §2).
 */

export type FrameContext =
  | 'content'
  | 'settings'
  | 'remove'
  | 'task'
  | 'sidePanel'
  | 'stage'
  | 'meetingStage'
  | 'authentication';

export type Theme = 'default' | 'dark' | 'contrast';

export const THEMES: readonly Theme[] = ['default', 'dark', 'contrast'];

/** A request from an app's teams-js. `data` carries MSAL's bridge request for the NAA relay. */
export interface AppRequest {
  id: number | string;
  func: string;
  args: unknown[];
  uuidAsString?: string;
  /** The standalone NAA bridge names the UUID `uuid` and uses a string id. */
  uuid?: string;
  data?: string;
  isProxiedFromChild?: boolean;
}

export interface HostReply {
  id: number | string;
  uuidAsString?: string;
  uuid?: string;
  args: unknown[];
  isPartialResponse: false;
}

/** An event from the host. It must carry no `id`, or teams-js takes it for a reply and drops it. */
export interface HostEvent {
  func: string;
  args: unknown[];
}

/** teams-js's SDK error (`ErrorCode` in its public interfaces). */
export interface SdkError {
  errorCode: number;
  message?: string;
}

export const ErrorCode = {
  NOT_SUPPORTED_ON_PLATFORM: 100,
  INTERNAL_ERROR: 500,
  NOT_SUPPORTED_IN_CURRENT_CONTEXT: 501,
  PERMISSION_DENIED: 1000,
  INVALID_ARGUMENTS: 4000,
  USER_ABORT: 8000,
} as const;

export const NOT_SUPPORTED_MESSAGE = 'Not supported by the local Teams host';

export const sdkError = (errorCode: number, message?: string): SdkError =>
  message === undefined ? { errorCode } : { errorCode, message };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a posted object as an app request; anything else (replies, other tools' messages) is not one. */
export function parseAppRequest(data: unknown): AppRequest | undefined {
  if (!isRecord(data)) return undefined;
  const { id, func, args } = data;
  if (typeof func !== 'string' || func === '') return undefined;
  if (typeof id !== 'number' && typeof id !== 'string') return undefined;
  const request: AppRequest = { id, func, args: Array.isArray(args) ? (args as unknown[]) : [] };
  if (typeof data.uuidAsString === 'string') request.uuidAsString = data.uuidAsString;
  if (typeof data.uuid === 'string') request.uuid = data.uuid;
  if (typeof data.data === 'string') request.data = data.data;
  if (data.isProxiedFromChild === true) request.isProxiedFromChild = true;
  return request;
}

/**
 * Messages teams-js sends without registering a callback (§2.4): answering them is harmless but
 * pointless, and the app never waits for them.
 */
export const NOTIFICATIONS: ReadonlySet<string> = new Set([
  'registerHandler',
  'appInitialization.appLoaded',
  'appInitialization.success',
  'appInitialization.failure',
  'appInitialization.expectedFailure',
  'settings.setValidityState',
  'settings.save.success',
  'settings.save.failure',
  'settings.remove.success',
  'settings.remove.failure',
  'authentication.authenticate.success',
  'authentication.authenticate.failure',
  'readyToUnload',
  'meeting.appShareButton.setOptions',
  'setFrameContext',
  'returnFocus',
]);

export type MessageKind = 'initialize' | 'notification' | 'naa' | 'request';

export function classify(func: string): MessageKind {
  if (func === 'initialize') return 'initialize';
  if (func === 'nestedAppAuth.execute') return 'naa';
  if (NOTIFICATIONS.has(func)) return 'notification';
  return 'request';
}

/** A reply matched to its request by `uuidAsString` (or `uuid`), with the numeric id echoed too. */
export function replyTo(request: AppRequest, args: unknown[]): HostReply {
  const reply: HostReply = { id: request.id, args, isPartialResponse: false };
  if (request.uuidAsString !== undefined) reply.uuidAsString = request.uuidAsString;
  if (request.uuid !== undefined) reply.uuid = request.uuid;
  return reply;
}

export const hostEvent = (func: string, args: unknown[]): HostEvent => ({ func, args });

/** Funcs whose helper is `sendAndHandleStatusAndReason`: `[false, reason]` rejects with `reason`. */
const STATUS_AND_REASON = [
  'executeDeepLink',
  'navigateCrossDomain',
  'navigateBack',
  'navigateToTab',
  'shareDeepLink',
  'settings.setSettings',
  'authentication.authenticate',
  'authentication.getAuthToken',
  'appInstallDialog.',
  'calendar.',
  'mail.',
  'chat.',
  'pages.',
];

const matches = (func: string, patterns: readonly string[]) =>
  patterns.some((p) => (p.endsWith('.') ? func.startsWith(p) : func === p));

/**
 * The reply that makes an API the host does not offer fail promptly instead of hanging, in the
 * shape the API's teams-js helper reads (§2.2). Where the helper is unknown, `[sdkError]` serves
 * both `sendAndHandleSdkError` and `callFunctionInHost`, and resolves `sendAndUnwrap` with an
 * error object rather than leaving it pending.
 */
export function unsupportedReply(func: string): unknown[] {
  const error = sdkError(ErrorCode.NOT_SUPPORTED_ON_PLATFORM, NOT_SUPPORTED_MESSAGE);
  // Callback-style meeting APIs call back with (error, result).
  if (func.startsWith('meeting.')) return [error, null];
  if (func === 'authentication.getUser') return [false, error];
  if (matches(func, STATUS_AND_REASON)) return [false, NOT_SUPPORTED_MESSAGE];
  return [error];
}
