/**
 * Just enough HTML tokenizing to find elements in an event body without being fooled by text that
 * only looks like markup: what is inside comments, attribute values, `<script>`/`<style>`/
 * `<textarea>`/`<title>` and other raw-text elements, or escaped as `&lt;h3&gt;`, is never a tag.
 * It follows the WHATWG tokenizer where that decides what is a tag and what is text, and builds no
 * tree. Positions are UTF-16 offsets into the input, so callers can cut and splice the original
 * bytes without re-serializing anything (the rest of the body stays exactly as it was).
 */

export type HtmlToken =
  | { kind: 'text'; from: number; to: number }
  | { kind: 'start'; name: string; from: number; to: number }
  | { kind: 'end'; name: string; from: number; to: number };

/** Elements whose content is raw text up to the matching end tag (never tags, never shown). */
const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
]);

const ASCII_LETTER = /[A-Za-z]/;
const TAG_NAME_END = /[\t\n\f\r />]/;
const WHITESPACE = /[\t\n\f\r ]/;

/** HTML folds only ASCII case in tag names. */
const asciiLower = (name: string): string => name.replace(/[A-Z]+/g, (s) => s.toLowerCase());

/** Reads a tag from just after `<` or `</` to just past `>`; null when the input ends inside it. */
function readTag(input: string, from: number): { name: string; end: number } | null {
  let pos = from;
  while (pos < input.length && !TAG_NAME_END.test(input.charAt(pos))) pos++;
  const name = asciiLower(input.slice(from, pos));
  for (;;) {
    while (pos < input.length && (WHITESPACE.test(input.charAt(pos)) || input[pos] === '/')) pos++;
    if (pos >= input.length) return null;
    if (input[pos] === '>') return { name, end: pos + 1 };
    pos++; // an attribute name may start with `=`
    while (pos < input.length && !/[\t\n\f\r />=]/.test(input.charAt(pos))) pos++;
    while (pos < input.length && WHITESPACE.test(input.charAt(pos))) pos++;
    if (input[pos] !== '=') continue;
    pos++;
    while (pos < input.length && WHITESPACE.test(input.charAt(pos))) pos++;
    const quote = input[pos];
    if (quote === '"' || quote === "'") {
      const close = input.indexOf(quote, pos + 1);
      if (close === -1) return null;
      pos = close + 1;
    } else {
      while (pos < input.length && !/[\t\n\f\r >]/.test(input.charAt(pos))) pos++;
    }
  }
}

/** The end of a comment opened just before `from`, as the HTML tokenizer reads it. */
export function skipComment(input: string, from: number): number {
  if (input[from] === '>') return from + 1; // `<!-->`
  if (input.startsWith('->', from)) return from + 2; // `<!--->`
  let at = from;
  for (;;) {
    const dashes = input.indexOf('--', at);
    if (dashes === -1) return input.length;
    if (input[dashes + 2] === '>') return dashes + 3;
    if (input.startsWith('!>', dashes + 2)) return dashes + 4;
    at = dashes + 1;
  }
}

/** The end of a bogus comment (`<!x…>`, `<?…>`): the next `>`. */
export function skipBogusComment(input: string, from: number): number {
  const gt = input.indexOf('>', from);
  return gt === -1 ? input.length : gt + 1;
}

/**
 * Splits `html` into text runs and tags. Comments, doctypes and raw-text content produce no token.
 * A tag left open at the end of the input ends tokenizing, as it does in a browser (which drops
 * it and everything after it).
 */
export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let textFrom = 0;
  let pos = 0;
  const flush = (to: number): void => {
    if (to > textFrom) tokens.push({ kind: 'text', from: textFrom, to });
  };

  while (pos < html.length) {
    const lt = html.indexOf('<', pos);
    if (lt === -1) break;
    const next = html[lt + 1];
    if (next !== undefined && ASCII_LETTER.test(next)) {
      const tag = readTag(html, lt + 1);
      if (tag === null) {
        flush(lt);
        return tokens;
      }
      flush(lt);
      tokens.push({ kind: 'start', name: tag.name, from: lt, to: tag.end });
      pos = tag.end;
      if (RAW_TEXT_ELEMENTS.has(tag.name)) {
        const endTag = new RegExp(`</${tag.name}[\\t\\n\\f\\r />]`, 'gi');
        endTag.lastIndex = pos;
        const match = endTag.exec(html);
        const close = match === null ? null : readTag(html, match.index + 2);
        if (match === null || close === null) return tokens;
        tokens.push({ kind: 'end', name: tag.name, from: match.index, to: close.end });
        pos = close.end;
      } else if (tag.name === 'plaintext') {
        return tokens;
      }
      textFrom = pos;
      continue;
    }
    if (next === '/') {
      const after = html[lt + 2];
      if (after !== undefined && ASCII_LETTER.test(after)) {
        const tag = readTag(html, lt + 2);
        if (tag === null) {
          flush(lt);
          return tokens;
        }
        flush(lt);
        tokens.push({ kind: 'end', name: tag.name, from: lt, to: tag.end });
        pos = tag.end;
        textFrom = pos;
      } else if (after === undefined) {
        pos = lt + 2; // a lone `</` at the end is text
      } else {
        flush(lt);
        pos = after === '>' ? lt + 3 : skipBogusComment(html, lt + 2);
        textFrom = pos;
      }
      continue;
    }
    if (next === '!' || next === '?') {
      flush(lt);
      pos = html.startsWith('<!--', lt)
        ? skipComment(html, lt + 4)
        : skipBogusComment(html, lt + 2);
      textFrom = pos;
      continue;
    }
    pos = lt + 1; // `<` followed by anything else is text
  }
  flush(html.length);
  return tokens;
}

const NAMED_REFERENCES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  middot: '\u00b7',
  mdash: '\u2014',
  ndash: '\u2013',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
};

/**
 * Decodes character references: numeric ones and the named ones a mail server or editor writes
 * for punctuation (Exchange may store `·` as `&middot;` or `&#183;`). Others stay as written.
 */
export function decodeReferences(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const hex = ref[1] === 'x' || ref[1] === 'X';
      const code = Number.parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
    }
    return NAMED_REFERENCES[ref] ?? whole;
  });
}

/** Elements that start a new line of text; other tags join the text either side of them. */
const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

/**
 * The text a reader sees in `tokens` of `html`: references decoded, runs of whitespace (including
 * no-break spaces) as one space, block boundaries as a space, trimmed. Two fragments with the same
 * visible text read the same, however a server re-serialized their markup.
 */
export function visibleText(html: string, tokens: readonly HtmlToken[]): string {
  let out = '';
  for (const token of tokens) {
    if (token.kind === 'text') out += decodeReferences(html.slice(token.from, token.to));
    else if (BLOCK_ELEMENTS.has(token.name)) out += ' ';
  }
  return out.replace(/\s+/g, ' ').trim();
}
