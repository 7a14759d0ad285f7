/**
 * The languages Rapport's UI speaks. English is the source of truth; every other catalog has
 * the same keys (its type is English's).
 */
export type Language = 'en' | 'de';

/**
 * The UI language for a host locale (teams-js `app.locale`, a BCP 47 tag such as `de-DE`,
 * `de-at` or `en-us`): German for any `de` tag, English for everything else.
 *
 * @example languageOf('de-DE') === 'de'; languageOf('fr-FR') === 'en'; languageOf('') === 'en'
 */
export function languageOf(locale: string | undefined): Language {
  const primary = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'de' ? 'de' : 'en';
}
