/**
 * What a build copies of office.js (scripts/vite-office-js.ts): the loader, its host-to-file
 * table, Outlook's host files and each language's strings, served from the app's own origin under
 * /office/ (never Microsoft's CDN); no debug copies and no other Office application's files.
 */
import { describe, expect, it } from 'vitest';
import { outlookOfficeJsFiles } from '../../../scripts/vite-office-js';

describe('outlookOfficeJsFiles', () => {
  const files = outlookOfficeJsFiles();

  it('has office.js, the file table, Outlook on the web and Windows, and the strings', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'office.js',
        'o15apptofilemappingtable.js',
        'outlook-web-16.01.js',
        'outlook-win32-16.02.js',
        'outlook-mac-16.00.js',
        'en-us/office_strings.js',
        'en-us/outlook_strings.js',
        'de-de/outlook_strings.js',
      ]),
    );
  });

  it('leaves out debug copies and the other Office applications', () => {
    expect(files.filter((f) => /debug/.test(f))).toEqual([]);
    expect(
      files.filter((f) => /^(excel|word|powerpoint|onenote|access|project|visio)/.test(f)),
    ).toEqual([]);
  });
});
