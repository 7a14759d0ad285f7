import type { Host, HostContext, HostTheme } from '../domain/ports/host';
import { withoutTeams } from './teams-only';

/**
 * Rapport opened straight in a browser tab (local development, or a link opened outside Teams).
 * It follows the system's light or dark preference; there is no stage or tab setup here.
 */
export function createBrowserHost(search: string = window.location.search): Host {
  const params = new URLSearchParams(search);
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const forced = window.matchMedia('(forced-colors: active)');
  const themeNow = (): HostTheme =>
    forced.matches ? 'contrast' : media.matches ? 'dark' : 'default';
  const view = params.get('view');
  let context: HostContext = {
    frameContext: view === 'config' ? 'settings' : 'content',
    hostName: 'Browser',
    theme: themeNow(),
    locale: navigator.language,
  };
  const unsupported = (what: string) =>
    Promise.reject(new Error(`${what} needs Teams; it is not available in a browser tab.`));

  return {
    kind: 'browser',
    context: () => context,
    onThemeChange(listener) {
      const onChange = () => {
        context = { ...context, theme: themeNow() };
        listener(context.theme);
      };
      media.addEventListener('change', onChange);
      forced.addEventListener('change', onChange);
      return () => {
        media.removeEventListener('change', onChange);
        forced.removeEventListener('change', onChange);
      };
    },
    naaRecommended: () => false,
    ...withoutTeams(unsupported),
  };
}

/** Whether something frames this page (or opened it), i.e. whether a host may answer. */
export const isHosted = (): boolean => window.parent !== window || window.opener !== null;
