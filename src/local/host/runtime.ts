import type { FrameContext } from './protocol';

/** teams-js reads a dotted version that fails JSON.parse; a bare "2" would be taken for a runtime. */
export const CLIENT_SUPPORTED_SDK_VERSION = '2.0.1';
export const HOST_CLIENT_TYPE = 'web';

/** The part of teams-js's `IRuntimeV4` the local host fills in (HOST-PROTOCOL.md §5). */
export interface RuntimeConfig {
  apiVersion: 4;
  isNAAChannelRecommended: boolean;
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: number; minorVersion: number } };
  supports: Record<string, unknown>;
}

export interface RuntimeOptions {
  /** Offer the NAA bridge. Off, apps must fall back to the Teams auth popup. */
  naa: boolean;
}

export function runtimeConfig({ naa }: RuntimeOptions): RuntimeConfig {
  return {
    apiVersion: 4,
    isNAAChannelRecommended: naa,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    supports: {
      appEntity: {},
      calendar: {},
      dialog: { card: {}, url: {}, update: {} },
      ...(naa ? { nestedAppAuth: {} } : {}),
      pages: { config: {}, appButton: {}, tabs: {}, backStack: {} },
      stageView: {},
      teamsCore: {},
    },
  };
}

/**
 * The `initialize` reply's args in the swapped-slot layout: teams-js accepts the SDK version and
 * runtime in either order, but installs `window.nestedAppAuthBridge` only from a runtime in slot 3.
 */
export function initializeReplyArgs(
  frameContext: FrameContext,
  runtime: RuntimeConfig,
): [FrameContext, string, string, string] {
  return [frameContext, HOST_CLIENT_TYPE, CLIENT_SUPPORTED_SDK_VERSION, JSON.stringify(runtime)];
}
