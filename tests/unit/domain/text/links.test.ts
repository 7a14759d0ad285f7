import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLinks } from '../../../../src/domain/text/links';

describe('splitLinks', () => {
  it('links https and msteams addresses and leaves closing punctuation to the sentence', () => {
    expect(
      splitLinks('Notes at https://contoso.sharepoint.com/x?y=1. Then msteams:/l/chat/0/0'),
    ).toEqual([
      { kind: 'text', text: 'Notes at ' },
      {
        kind: 'link',
        href: 'https://contoso.sharepoint.com/x?y=1',
        text: 'https://contoso.sharepoint.com/x?y=1',
      },
      { kind: 'text', text: '. Then ' },
      { kind: 'link', href: 'msteams:/l/chat/0/0', text: 'msteams:/l/chat/0/0' },
    ]);
  });

  it('never links other schemes', () => {
    for (const text of [
      'javascript:alert(1)',
      'http://example.com',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'HTTPS:// alone',
      '<a href="javascript:alert(1)">x</a>',
    ]) {
      expect(splitLinks(text).filter((p) => p.kind === 'link')).toEqual([]);
    }
  });

  it('stops a link at quotes and angle brackets', () => {
    const parts = splitLinks('"https://a.example/b"><script>');
    expect(parts.filter((p) => p.kind === 'link').map((p) => p.text)).toEqual([
      'https://a.example/b',
    ]);
  });

  it('keeps every character of the text, in order, and only links https or msteams', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.constantFrom('https://x.example/a', 'msteams:/l/x', 'javascript:x', ' ', '.', ')'),
          ),
        ),
        (pieces) => {
          const text = pieces.join('');
          const parts = splitLinks(text);
          expect(parts.map((p) => p.text).join('')).toBe(text);
          for (const p of parts) {
            if (p.kind === 'link') expect(p.href).toMatch(/^(https:\/\/|msteams:)/i);
          }
        },
      ),
      { seed: 4242, numRuns: 500 },
    );
  });
});
