import { describe, expect, it } from 'vitest';
import { officeThemeToHost } from '../../../src/host/office-theme';

describe('the Outlook pane’s theme from Office’s', () => {
  it('takes Office’s dark flag when it has one', () => {
    expect(officeThemeToHost({ isDarkTheme: true, bodyBackgroundColor: '#ffffff' }, false)).toBe(
      'dark',
    );
    expect(officeThemeToHost({ isDarkTheme: false, bodyBackgroundColor: '#000000' }, false)).toBe(
      'default',
    );
  });

  it('reads the body colour when the flag is missing: black and dark grey are dark', () => {
    expect(officeThemeToHost({ bodyBackgroundColor: '#262626' }, false)).toBe('dark');
    expect(officeThemeToHost({ bodyBackgroundColor: '#000000' }, false)).toBe('dark');
    expect(officeThemeToHost({ bodyBackgroundColor: '#FFFFFF' }, false)).toBe('default');
    expect(officeThemeToHost({ bodyBackgroundColor: '#e6e6e6' }, false)).toBe('default');
  });

  it('falls back to the default for colours it cannot read or no theme at all', () => {
    expect(officeThemeToHost({ bodyBackgroundColor: 'rgb(0,0,0)' }, false)).toBe('default');
    expect(officeThemeToHost(undefined, false)).toBe('default');
  });

  it('puts forced colours (Windows high contrast) first', () => {
    expect(officeThemeToHost({ isDarkTheme: true }, true)).toBe('contrast');
    expect(officeThemeToHost(undefined, true)).toBe('contrast');
  });
});
