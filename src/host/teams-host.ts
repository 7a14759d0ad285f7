import { app, authentication, meeting, nestedAppAuth, pages } from '@microsoft/teams-js';
import {
  hasMeetingStage,
  type FrameContext,
  type Host,
  type HostContext,
  type HostTheme,
  type TabConfig,
} from '../domain/ports/host';

const toTheme = (theme: string | undefined): HostTheme =>
  theme === 'dark' ? 'dark' : theme === 'contrast' ? 'contrast' : 'default';

function toContext(c: app.Context): HostContext {
  return {
    frameContext: c.page.frameContext as FrameContext,
    hostName: c.app.host.name,
    theme: toTheme(c.app.theme),
    locale: c.app.locale,
    user: {
      ...(c.user?.id ? { id: c.user.id } : {}),
      ...(c.user?.loginHint ? { loginHint: c.user.loginHint } : {}),
      ...(c.user?.tenant?.id ? { tenantId: c.user.tenant.id } : {}),
      ...(c.user?.displayName ? { displayName: c.user.displayName } : {}),
    },
    ...(c.page.id ? { pageId: c.page.id } : {}),
    ...(c.chat?.id ? { chat: { id: c.chat.id } } : {}),
    ...(c.meeting?.id ? { meeting: { id: c.meeting.id } } : {}),
    ...(c.team
      ? {
          team: {
            ...(c.team.groupId ? { groupId: c.team.groupId } : {}),
            internalId: c.team.internalId,
            ...(c.team.displayName ? { displayName: c.team.displayName } : {}),
          },
        }
      : {}),
    ...(c.channel?.id
      ? {
          channel: {
            id: c.channel.id,
            ...(c.channel.displayName ? { displayName: c.channel.displayName } : {}),
          },
        }
      : {}),
  };
}

/** Raised when the host never answers initialize, so the app can say so and offer a retry. */
export class HostTimeoutError extends Error {
  constructor(seconds: number) {
    super(`The host did not answer within ${String(seconds)} seconds.`);
    this.name = 'HostTimeoutError';
  }
}

/**
 * The Teams (and Outlook, Microsoft 365 app) host through teams-js. teams-js itself waits 60 s
 * for a silent host; people should not, so initialization has its own, shorter limit.
 */
export async function createTeamsHost(timeoutMs = 10_000): Promise<Host> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new HostTimeoutError(Math.round(timeoutMs / 1000)));
    }, timeoutMs);
  });
  try {
    await Promise.race([app.initialize(), timeout]);
    const context = toContext(await Promise.race([app.getContext(), timeout]));
    return teamsHost(context);
  } finally {
    clearTimeout(timer);
  }
}

function teamsHost(initial: HostContext): Host {
  let current = initial;
  const themeListeners = new Set<(theme: HostTheme) => void>();
  app.registerOnThemeChangeHandler((theme) => {
    current = { ...current, theme: toTheme(theme) };
    for (const l of themeListeners) l(current.theme);
  });

  return {
    kind: 'teams',
    context: () => current,
    onThemeChange(listener) {
      themeListeners.add(listener);
      return () => themeListeners.delete(listener);
    },
    canShareToStage: () =>
      new Promise((resolve) => {
        if (
          !hasMeetingStage(current.hostName) ||
          (current.frameContext !== 'sidePanel' && current.frameContext !== 'meetingStage')
        ) {
          resolve(false);
          return;
        }
        meeting.getAppContentStageSharingCapabilities((error, result) => {
          resolve(!error && result?.doesAppHaveSharePermission === true);
        });
      }),
    shareToStage: (url) =>
      new Promise((resolve, reject) => {
        meeting.shareAppContentToStage((error, ok) => {
          if (error || !ok)
            reject(new Error(error?.message ?? 'The meeting did not share the app to the stage.'));
          else resolve();
        }, url);
      }),
    setConfigValid: (valid) => {
      pages.config.setValidityState(valid);
    },
    onConfigSave: (save: () => Promise<TabConfig>) => {
      pages.config.registerOnSaveHandler((event) => {
        save()
          .then((config) => pages.config.setConfig(config))
          .then(() => {
            event.notifySuccess();
          })
          .catch((err: unknown) => {
            event.notifyFailure(err instanceof Error ? err.message : String(err));
          });
      });
    },
    naaRecommended: () => nestedAppAuth.isNAAChannelRecommended(),
    authenticate: (url, size) =>
      authentication.authenticate({ url, width: size?.width ?? 600, height: size?.height ?? 535 }),
    openLink: (url) => app.openLink(url),
    notifyAppLoaded: () => {
      app.notifyAppLoaded();
    },
    notifySuccess: () => {
      void app.notifySuccess();
    },
    notifyFailure: (reason) => {
      app.notifyFailure({ reason: app.FailedReason.Other, message: reason });
    },
  };
}
