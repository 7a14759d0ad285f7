import type { StartupMessages } from './startup.en';

/**
 * What Rapport says before the host tells it a locale, in German (du-form, as `de.ts`). Small and
 * bundled with the start-up code, since it is needed before any catalog can load.
 */
export const startupDe: StartupMessages = {
  starting: 'Rapport wird gestartet…',
  hostTimeout: 'Teams hat nicht geantwortet.',
  couldNotStart: 'Rapport konnte nicht starten.',
  checkConnection: 'Prüfe deine Verbindung und versuche es dann erneut.',
  tryAgain: 'Erneut versuchen',
  openInTeams:
    'Über diese Seite meldest du dich aus Teams heraus bei Rapport an. Öffne Rapport stattdessen in Teams.',
  signedIn: 'Angemeldet. Dieses Fenster schließt sich von selbst.',
  signInFailed: (reason) => `Die Anmeldung ist fehlgeschlagen: ${reason}`,
};
