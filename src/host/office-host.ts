import type { Host, HostContext } from '../domain/ports/host';
import { officeThemeToHost, type OfficeThemeFacts } from './office-theme';
import { withoutTeams } from './teams-only';

/**
 * The Host port for the Outlook add-in's task pane (issue 9). Office gives a task pane no stage,
 * no tab setup and no Teams sign-in window: sign-in is nested app authentication, through the
 * bridge office.js installs (`window.nestedAppAuthBridge`), as in Teams.
 */
export interface OfficeHostOptions {
  /** `Office.context.displayLanguage` (e.g. "de-DE"); the browser's language when Office has none. */
  displayLanguage?: string | undefined;
  /** `Office.context.officeTheme`, read when the pane opens. */
  officeTheme?: OfficeThemeFacts | undefined;
}

export function createOfficeHost(options: OfficeHostOptions = {}): Host {
  // Optional so the host can be made where no media queries exist (unit tests in Node).
  const forced = (globalThis as { matchMedia?: typeof matchMedia }).matchMedia?.(
    '(forced-colors: active)',
  );
  let context: HostContext = {
    frameContext: 'task',
    hostName: 'Outlook',
    theme: officeThemeToHost(options.officeTheme, forced?.matches ?? false),
    locale: options.displayLanguage || navigator.language,
  };
  return {
    kind: 'office',
    context: () => context,
    // Office's own theme is read once, when the pane opens (its change event is not in the
    // requirement sets the add-in asks for); Windows high contrast is followed live.
    onThemeChange(listener) {
      const onChange = () => {
        context = {
          ...context,
          theme: officeThemeToHost(options.officeTheme, forced?.matches ?? false),
        };
        listener(context.theme);
      };
      forced?.addEventListener('change', onChange);
      return () => {
        forced?.removeEventListener('change', onChange);
      };
    },
    naaRecommended: () => true,
    ...withoutTeams((what) =>
      Promise.reject(new Error(`${what} is not available in Outlook's task pane.`)),
    ),
  };
}
