import type { HostTheme } from '../domain/ports/host';

/** What Office says about its theme (`Office.context.officeTheme`); older clients say less. */
export interface OfficeThemeFacts {
  bodyBackgroundColor?: string | undefined;
  isDarkTheme?: boolean | undefined;
}

/** The relative luminance of a `#rrggbb` colour (WCAG), or undefined for anything else. */
function luminance(color: string): number | undefined {
  const hex = /^#?([0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (!hex) return undefined;
  const [r, g, b] = [0, 2, 4].map((at) => {
    const c = parseInt(hex.slice(at, at + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The pane's theme from Office's: forced colours (Windows high contrast) first, then Office's own
 * dark flag, then its body colour (clients without the flag), else Fluent's default.
 */
export function officeThemeToHost(
  theme: OfficeThemeFacts | undefined,
  forcedColors: boolean,
): HostTheme {
  if (forcedColors) return 'contrast';
  if (theme?.isDarkTheme !== undefined) return theme.isDarkTheme ? 'dark' : 'default';
  const lum = theme?.bodyBackgroundColor ? luminance(theme.bodyBackgroundColor) : undefined;
  return lum !== undefined && lum < 0.2 ? 'dark' : 'default';
}
