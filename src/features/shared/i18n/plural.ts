import type { Language } from './language';

/** A message's forms by CLDR plural category; `other` is always there. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<Language, Intl.PluralRules>();

/**
 * The form of a message for a count, by the language's CLDR plural rules (Intl.PluralRules).
 *
 * @example plural('en', 1, { one: '1 record', other: '1 records' }) === '1 record';
 *          plural('de', 0, { one: 'Eintrag', other: 'Einträge' }) === 'Einträge'
 */
export function plural(language: Language, count: number, forms: PluralForms): string {
  let rule = rules.get(language);
  if (!rule) {
    rule = new Intl.PluralRules(language);
    rules.set(language, rule);
  }
  return forms[rule.select(count)] ?? forms.other;
}
