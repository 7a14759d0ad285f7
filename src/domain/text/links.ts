/**
 * Splits user text into plain runs and links. Only `https:` and `msteams:` addresses become links
 * (the schemes a Teams user follows safely); `http:`, `javascript:`, `data:` and everything else
 * stay text. A link stops at whitespace, quotes and angle brackets, and closing punctuation at its
 * end (".", ",", ")", …) is left to the sentence, as people write "see https://x.y/z." in prose.
 */
export type TextPart =
  { kind: 'text'; text: string } | { kind: 'link'; href: string; text: string };

const LINK = /\b(?:https:\/\/|msteams:)[^\s<>"'`]+/giu;
const TRAILING = /[.,;:!?)\]}»”’]+$/u;

export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const start = match.index;
    const href = match[0].replace(TRAILING, '');
    // "https://" alone, with nothing after the scheme, is not an address.
    if (href.length <= 'https://'.length && href.toLowerCase().startsWith('https://')) continue;
    if (href.toLowerCase() === 'msteams:') continue;
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    parts.push({ kind: 'link', href, text: href });
    last = start + href.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}
