/**
 * What the app needs from whatever hosts it (Teams, Outlook, the Microsoft 365 app, the local
 * Teams host, or a plain browser tab). Components see this port, never teams-js.
 */
export type HostTheme = 'default' | 'dark' | 'contrast';

/** Where the page is shown; picks the view. */
export type FrameContext =
  'content' | 'sidePanel' | 'meetingStage' | 'settings' | 'authentication' | 'remove' | 'task';

export type HostName = 'Teams' | 'Outlook' | 'Office' | 'Browser' | (string & {});

/**
 * Meetings' side panel and stage exist only in Teams (and its newer client); in Outlook and the
 * Microsoft 365 app the meeting tab shows and edits expectations without them.
 */
export const hasMeetingStage = (hostName: HostName): boolean =>
  hostName === 'Teams' || hostName === 'TeamsModern';

export interface HostContext {
  frameContext: FrameContext;
  hostName: HostName;
  theme: HostTheme;
  locale: string;
  /** Hints only, never proof of identity: identity comes from tokens. */
  user?: { id?: string; loginHint?: string; tenantId?: string; displayName?: string };
  /** The page's entity id: a personal tab's id, or the configured tab's. */
  pageId?: string;
  chat?: { id: string };
  meeting?: { id: string };
  team?: { groupId?: string; internalId?: string; displayName?: string };
  channel?: { id: string; displayName?: string };
}

export interface TabConfig {
  entityId: string;
  contentUrl: string;
  suggestedDisplayName?: string;
  websiteUrl?: string;
}

export interface Host {
  /** `office`: the Outlook add-in's task pane (office.js), not a Teams tab. */
  readonly kind: 'teams' | 'browser' | 'office';
  context(): HostContext;
  /** Calls back on every theme change the host reports; returns a function that stops it. */
  onThemeChange(listener: (theme: HostTheme) => void): () => void;
  /** Meeting stage: whether this app may share to the stage here. */
  canShareToStage(): Promise<boolean>;
  shareToStage(url: string): Promise<void>;
  /** Configurable tab setup: enable the host's Save button and handle Save. */
  setConfigValid(valid: boolean): void;
  onConfigSave(save: () => Promise<TabConfig>): void;
  /** Whether nested app authentication is available and recommended here. */
  naaRecommended(): boolean;
  /** Teams' auth popup: opens `url` in a host-managed window, resolves with what the page returned. */
  authenticate(url: string, size?: { width: number; height: number }): Promise<string>;
  /**
   * Opens a link the way the host does: a Teams deep link opens inside Teams (a chat, a channel);
   * anything else opens in the person's browser.
   */
  openLink(url: string): Promise<void>;
  notifyAppLoaded(): void;
  notifySuccess(): void;
  notifyFailure(reason: string): void;
}
