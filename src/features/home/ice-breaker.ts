import { ICE_BREAKERS } from '../../domain/social/prompts';
import { en, type Messages } from '../shared/i18n/en';

/**
 * A round's ice-breaker in the catalog's language. The round stores the prompt in English, as
 * every client of any language reads it; one Rapport did not write stays as it is.
 */
export function iceBreakerText(prompt: string, t: Messages = en): string {
  const index = (ICE_BREAKERS as readonly string[]).indexOf(prompt);
  return index === -1 ? prompt : (t.domainText.iceBreakers[index] ?? prompt);
}
