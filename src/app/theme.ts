import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';
import type { HostTheme } from '../domain/ports/host';

/** Teams' three themes map onto Fluent UI's Teams themes. */
export const fluentTheme = (theme: HostTheme): Theme =>
  theme === 'dark'
    ? teamsDarkTheme
    : theme === 'contrast'
      ? teamsHighContrastTheme
      : teamsLightTheme;

/** Before the host answers, the URL's hint (the local host passes one) avoids a light flash in dark mode. */
export function initialThemeHint(search: string): HostTheme {
  const t = new URLSearchParams(search).get('theme');
  return t === 'dark' || t === 'contrast' ? t : 'default';
}
