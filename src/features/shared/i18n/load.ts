import { en, type Messages } from './en';
import type { Language } from './language';

/**
 * The catalog for a language. English is bundled; German is a chunk of its own, fetched only
 * when the host's locale asks for it.
 */
export async function loadMessages(language: Language): Promise<Messages> {
  if (language === 'de') return (await import('./de')).de;
  return en;
}
