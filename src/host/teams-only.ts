import type { Host } from '../domain/ports/host';

type TeamsOnly =
  | 'canShareToStage'
  | 'shareToStage'
  | 'setConfigValid'
  | 'onConfigSave'
  | 'authenticate'
  | 'openLink'
  | 'notifyAppLoaded'
  | 'notifySuccess'
  | 'notifyFailure';

/**
 * The Host members only Teams gives meaning to (the stage, tab setup, its sign-in window, its
 * loading signals), for hosts that are not Teams: each says so, rather than
 * failing silently, and a link opens in a new window.
 */
export function withoutTeams(unsupported: (what: string) => Promise<never>): Pick<Host, TeamsOnly> {
  return {
    canShareToStage: () => Promise.resolve(false),
    shareToStage: () => unsupported('Sharing to the meeting stage'),
    setConfigValid: () => undefined,
    onConfigSave: () => undefined,
    authenticate: () => unsupported('The Teams sign-in window'),
    openLink: (url) => {
      // A deep link opens Teams on the web, which hands over to the desktop app.
      window.open(url, '_blank', 'noopener');
      return Promise.resolve();
    },
    notifyAppLoaded: () => undefined,
    notifySuccess: () => undefined,
    notifyFailure: () => undefined,
  };
}
