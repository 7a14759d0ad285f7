import { createContext, useContext, type ReactNode } from 'react';
import { en, type Messages } from './en';
import type { Language } from './language';

export interface I18n {
  language: Language;
  /** The catalog for `language`: strings, and typed functions for interpolation and plurals. */
  t: Messages;
}

/** English unless a provider says otherwise (unit tests render screens without one). */
const I18nContext = createContext<I18n>({ language: 'en', t: en });

export function I18nProvider({ value, children }: { value: I18n; children: ReactNode }) {
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The UI strings in the host's language. */
export function useT(): Messages {
  return useContext(I18nContext).t;
}
