import { languageOf } from '../features/shared/i18n/language';
import { startupDe } from '../features/shared/i18n/startup.de';
import { startupEn, type StartupMessages } from '../features/shared/i18n/startup.en';

/**
 * The start-up words in the browser's language: the host's locale is not known yet, and may never
 * be (no host answer, or the sign-in window, which has none).
 */
export function startupText(
  locale: string | undefined = typeof navigator === 'undefined' ? undefined : navigator.language,
): StartupMessages {
  return languageOf(locale) === 'de' ? startupDe : startupEn;
}
