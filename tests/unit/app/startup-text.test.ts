import { describe, expect, it } from 'vitest';
import { startupText } from '../../../src/app/startup-text';

describe('startupText', () => {
  it('speaks the browser’s language before the host’s locale is known', () => {
    expect(startupText('de-AT').hostTimeout).toBe('Teams hat nicht geantwortet.');
    expect(startupText('de-DE').signInFailed('popup blocked')).toBe(
      'Die Anmeldung ist fehlgeschlagen: popup blocked',
    );
  });

  it('keeps its English for every other language', () => {
    expect(startupText('fr-FR').starting).toBe('Starting Rapport…');
    expect(startupText('en-US').hostTimeout).toBe('Teams did not answer.');
    expect(startupText(undefined).couldNotStart).toBe('Rapport could not start.');
  });
});
