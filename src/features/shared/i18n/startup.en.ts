/**
 * What Rapport says before the host tells it a locale (starting, failing to start, the sign-in
 * window), in English; read by `app/startup-text.ts` by the browser's language, and as
 * `t.startup`. The source of truth for `startup.de.ts`, whose type is this object's.
 */
export const startupEn = {
  starting: 'Starting Rapport…',
  hostTimeout: 'Teams did not answer.',
  couldNotStart: 'Rapport could not start.',
  checkConnection: 'Check your connection, then try again.',
  tryAgain: 'Try again',
  openInTeams:
    'This page signs you in to Rapport from inside Teams. Open Rapport in Teams instead.',
  signedIn: 'Signed in. This window closes by itself.',
  signInFailed: (reason: string) => `Sign-in failed: ${reason}`,
};

export type StartupMessages = typeof startupEn;
