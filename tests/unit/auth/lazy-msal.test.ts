import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(import.meta.dirname, '../../../src/auth');

describe('src/auth', () => {
  it('never imports MSAL statically (the first bundle stays without it), nor teams-js, nor localStorage', () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      const valueImports = source.match(
        /^import\s+(?!type\b)[^;]*from\s+'@azure\/msal-browser[^']*'/gm,
      );
      expect(valueImports, file).toBeNull();
      expect(source, file).not.toMatch(/@microsoft\/teams-js/);
      expect(source, file).not.toMatch(/\blocalStorage\.|cacheLocation: 'localStorage'/);
    }
  });
});
