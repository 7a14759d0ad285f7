import { skipBogusComment, skipComment } from '../../../domain/expectations/html-tags';
/**
 * What Exchange Online does to an event body written through Graph, so that the app meets the same
 * losses locally: its expectations section must stay findable by visible headings, because
 * comments, `data-*` attributes and custom elements do not survive the trip.
 *
 * This is a test double, not a sanitizer to trust with hostile input in the product. The tokenizer
 * follows the WHATWG tokenizer's decisions where they change what is a tag and what is text (so the
 * same bytes split the same way a browser would split them) and simplifies the tree-building stage
 * (no implicit closing or re-parenting, except for the head/body split).
 */

export type BodyContentType = 'html' | 'text';

export interface ItemBody {
  contentType: BodyContentType;
  content: string;
}

/**
 * Attributes Exchange keeps. Everything else is dropped, which covers `data-*`, `on*` handlers,
 * `aria-*`, custom attributes and framework attributes. `id` stays because Exchange's own bodies
 * carry ids (see the documented event-get example).
 */
export const ALLOWED_ATTRIBUTES: ReadonlySet<string> = new Set([
  'align',
  'alt',
  'bgcolor',
  'border',
  'cellpadding',
  'cellspacing',
  'class',
  'color',
  'colspan',
  'content',
  'dir',
  'face',
  'headers',
  'height',
  'href',
  'id',
  'lang',
  'name',
  'rel',
  'rowspan',
  'scope',
  'size',
  'span',
  'src',
  'start',
  'style',
  'summary',
  'target',
  'title',
  'type',
  'valign',
  'width',
]);

/**
 * Elements Exchange keeps. Tags of any other element (custom elements, `o:p`, form controls) are
 * dropped and their content kept, so nothing the app needs may hang on an element name.
 */
export const ALLOWED_ELEMENTS: ReadonlySet<string> = new Set([
  'a',
  'abbr',
  'address',
  'article',
  'aside',
  'b',
  'bdi',
  'bdo',
  'big',
  'blockquote',
  'br',
  'caption',
  'center',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'font',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'main',
  'mark',
  'nav',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'samp',
  'section',
  'small',
  'span',
  'strike',
  'strong',
  'style',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'tt',
  'u',
  'ul',
  'var',
  'wbr',
]);

/** Elements whose content the tokenizer reads as raw text, up to the matching end tag. */
const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'iframe',
  'noembed',
  'noframes',
  'xmp',
  'textarea',
  'title',
  'plaintext',
]);

/** Raw-text elements dropped with their content: unsafe, or text that would re-parse as markup. */
const DROPPED_WITH_CONTENT: ReadonlySet<string> = new Set([
  'script',
  'iframe',
  'noembed',
  'noframes',
  'xmp',
  'textarea',
  'plaintext',
]);

const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src']);
const SCRIPT_SCHEMES = /^(?:javascript|vbscript|livescript):/;
const CONTENT_TYPE_META = '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">';
const CRLF = '\r\n';

interface Attribute {
  name: string;
  /** As written in the source, entities undecoded. */
  raw: string | null;
}

type Token =
  | { kind: 'text'; text: string }
  | { kind: 'start'; name: string; attributes: Attribute[]; rawText: string | null }
  | { kind: 'end'; name: string };

/** Rewrites a body the way Exchange stores it; text bodies are stored as given. */
export function rewriteBodyAsExchange(body: ItemBody): ItemBody {
  if (body.contentType === 'text') return { contentType: 'text', content: body.content };
  // An event saved without a body reads back with empty content, not an empty document.
  if (body.content === '') return { contentType: 'html', content: '' };
  return { contentType: 'html', content: rewriteHtml(body.content) };
}

/**
 * A text body read back as HTML: escaped, line breaks as `<br>`, in Exchange's wrapper. Exchange's
 * own text-to-HTML conversion is not documented; this is a fixed point of `rewriteBodyAsExchange`,
 * which is what the local tenant needs.
 */
export function textToHtml(text: string): string {
  const escaped = text
    .split(/\r\n|\r|\n/)
    .map((line) =>
      line
        .replaceAll('&', '&amp;')
        .replaceAll('<', '&lt;')
        .replaceAll('>', '&gt;')
        .replaceAll('"', '&quot;'),
    )
    .join(`<br>${CRLF}`);
  return wrap('', [], '', escaped);
}

interface Piece {
  markup: boolean;
  html: string;
}

function rewriteHtml(input: string): string {
  const tokens = tokenize(input);
  const head: string[] = [];
  const body: Piece[] = [];
  const htmlAttributes = new Map<string, string>();
  const bodyAttributes = new Map<string, string>();
  const hasDocumentStructure = tokens.some(
    (t) => t.kind !== 'text' && (t.name === 'html' || t.name === 'head' || t.name === 'body'),
  );
  let inHead = false;
  let inBody = false;
  // A line break right after <body> and right before </body> is the wrapper's own, not content;
  // dropping one each side is what makes the rewrite idempotent.
  let stripLeadingBreak = false;
  // Like a browser, the first piece of content closes the head and opens the body implicitly.
  const pushBody = (piece: Piece): void => {
    inHead = false;
    inBody = true;
    body.push(piece);
  };

  for (const token of tokens) {
    const afterBodyStart = stripLeadingBreak;
    stripLeadingBreak = false;
    if (token.kind === 'text') {
      const text = afterBodyStart ? token.text.replace(/^\r?\n/, '') : token.text;
      if (text === '') continue;
      const whitespaceOnly = /^[\t\n\f\r ]*$/.test(text);
      if (whitespaceOnly && (inHead || (hasDocumentStructure && !inBody))) continue;
      pushBody({ markup: false, html: text });
      continue;
    }
    if (token.kind === 'start') {
      switch (token.name) {
        case 'html':
          mergeAttributes(htmlAttributes, token.attributes);
          continue;
        case 'head':
          if (!inBody) inHead = true;
          continue;
        case 'body':
          inHead = false;
          inBody = true;
          stripLeadingBreak = true;
          mergeAttributes(bodyAttributes, token.attributes);
          continue;
      }
      const element = serializeElement(token, inHead);
      if (element === null) continue;
      if (inHead && isHeadElement(token.name)) head.push(element);
      else pushBody({ markup: true, html: element });
      continue;
    }
    switch (token.name) {
      case 'head':
        inHead = false;
        continue;
      case 'body': {
        const last = body.at(-1);
        if (inBody && last !== undefined && !last.markup) {
          last.html = last.html.replace(/\r?\n$/, '');
          if (last.html === '') body.pop();
        }
        inBody = false;
        continue;
      }
      case 'html':
        continue;
    }
    if (!ALLOWED_ELEMENTS.has(token.name) || VOID_ELEMENTS.has(token.name)) continue;
    // A real </style> was consumed with the raw text; one reaching here is stray.
    if (token.name === 'style') continue;
    pushBody({ markup: true, html: `</${token.name}>` });
  }

  return wrap(
    serializeAttributes(htmlAttributes),
    head,
    serializeAttributes(bodyAttributes),
    joinBody(body),
  );
}

function wrap(
  htmlAttributes: string,
  head: string[],
  bodyAttributes: string,
  body: string,
): string {
  const headLines = [CONTENT_TYPE_META, ...head].map((line) => line + CRLF).join('');
  return (
    `<html${htmlAttributes}>${CRLF}<head>${CRLF}${headLines}</head>${CRLF}` +
    `<body${bodyAttributes}>${CRLF}${body}${CRLF}</body>${CRLF}</html>${CRLF}`
  );
}

/**
 * Text is kept as written, except where dropping markup made two texts meet: a `<` ending the first
 * could then open a tag with the second, so it is written as the reference it means. A `</` that
 * ended the input would swallow the wrapper's `</body>`, so it gets the same treatment.
 */
function joinBody(pieces: readonly Piece[]): string {
  let out = '';
  pieces.forEach((piece, index) => {
    const next = pieces[index + 1];
    let html = piece.html;
    if (!piece.markup && next === undefined && html.endsWith('</')) {
      html = `${html.slice(0, -2)}&lt;/`;
    } else if (!piece.markup && next !== undefined && !next.markup && html.endsWith('<')) {
      html = `${html.slice(0, -1)}&lt;`;
    }
    out += html;
  });
  return out;
}

function isHeadElement(name: string): boolean {
  return name === 'meta' || name === 'title' || name === 'style';
}

function serializeElement(
  token: Extract<Token, { kind: 'start' }>,
  inHead: boolean,
): string | null {
  const { name } = token;
  if (DROPPED_WITH_CONTENT.has(name)) return null;
  if (name === 'title') return inHead ? `<title>${token.rawText ?? ''}</title>` : null;
  if (name === 'meta') {
    // The charset is Exchange's to declare; its own meta replaces any the author wrote.
    const declaresEncoding = token.attributes.some(
      (a) => a.name === 'http-equiv' || a.name === 'charset',
    );
    return inHead && !declaresEncoding ? `<meta${filterAttributes(token.attributes)}>` : null;
  }
  if (!ALLOWED_ELEMENTS.has(name)) return null;
  const open = `<${name}${filterAttributes(token.attributes)}>`;
  return name === 'style' ? `${open}${token.rawText ?? ''}</style>` : open;
}

function mergeAttributes(into: Map<string, string>, attributes: readonly Attribute[]): void {
  for (const attribute of attributes) {
    const value = keptValue(attribute);
    if (value !== null && !into.has(attribute.name)) into.set(attribute.name, value);
  }
}

function filterAttributes(attributes: readonly Attribute[]): string {
  const kept = new Map<string, string>();
  mergeAttributes(kept, attributes);
  return serializeAttributes(kept);
}

function serializeAttributes(attributes: ReadonlyMap<string, string>): string {
  let out = '';
  for (const [name, value] of attributes) out += ` ${name}="${value}"`;
  return out;
}

/** The attribute's value ready for a double-quoted position, or null when Exchange drops it. */
function keptValue(attribute: Attribute): string | null {
  if (!ALLOWED_ATTRIBUTES.has(attribute.name)) return null;
  const raw = attribute.raw ?? '';
  const decoded = decodeForInspection(raw).toLowerCase();
  if (URL_ATTRIBUTES.has(attribute.name)) {
    // Browsers ignore whitespace and control characters inside a scheme, so must the check.
    const scheme = Array.from(decoded)
      .filter((c) => c > ' ' && c !== '\u007f')
      .join('');
    if (SCRIPT_SCHEMES.test(scheme)) return null;
    if (attribute.name === 'href' && scheme.startsWith('data:')) return null;
  }
  if (attribute.name === 'style' && /expression\s*\(|javascript:|behavior\s*:/.test(decoded)) {
    return null;
  }
  // Existing references stay as written; only what would end the value or read as markup, and a
  // bare `&` that starts no reference, are escaped. The decoded value is unchanged by this.
  return raw
    .replace(/&(?![A-Za-z0-9#])/g, '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

const NAMED_FOR_INSPECTION: Readonly<Record<string, string>> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  lpar: '(',
  rpar: ')',
  amp: '&',
};

/** Enough reference decoding to see through `jav&#x61;script:` and friends; not a full decoder. */
function decodeForInspection(raw: string): string {
  return raw.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);?/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const hex = ref[1] === 'x' || ref[1] === 'X';
      const code = Number.parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
    }
    return NAMED_FOR_INSPECTION[ref.toLowerCase()] ?? whole;
  });
}

// ---------------------------------------------------------------------------------------------
// Tokenizer

const WHITESPACE = /[\t\n\f\r ]/;
const ASCII_LETTER = /[A-Za-z]/;

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let text = '';
  let pos = 0;
  const flushText = (): void => {
    if (text !== '') tokens.push({ kind: 'text', text });
    text = '';
  };

  while (pos < input.length) {
    const lt = input.indexOf('<', pos);
    if (lt === -1) {
      text += input.slice(pos);
      break;
    }
    text += input.slice(pos, lt);
    const next = input[lt + 1];
    if (next !== undefined && ASCII_LETTER.test(next)) {
      const tag = readTag(input, lt + 1);
      if (tag === null) break; // EOF inside a tag: browsers drop it and everything after it
      flushText();
      const name = tag.name;
      pos = tag.end;
      let rawText: string | null = null;
      if (RAW_TEXT_ELEMENTS.has(name)) {
        const close = findRawTextEnd(input, pos, name);
        rawText = input.slice(pos, close.contentEnd);
        pos = close.end;
      }
      tokens.push({ kind: 'start', name, attributes: tag.attributes, rawText });
      continue;
    }
    if (next === '/') {
      const after = input[lt + 2];
      if (after !== undefined && ASCII_LETTER.test(after)) {
        const tag = readTag(input, lt + 2);
        if (tag === null) break;
        flushText();
        tokens.push({ kind: 'end', name: tag.name });
        pos = tag.end;
      } else if (after === '>') {
        pos = lt + 3; // `</>` is nothing at all
      } else if (after === undefined) {
        text += '</';
        pos = lt + 2;
      } else {
        flushText();
        pos = skipBogusComment(input, lt + 2);
      }
      continue;
    }
    if (next === '!') {
      flushText();
      pos = input.startsWith('<!--', lt)
        ? skipComment(input, lt + 4)
        : skipBogusComment(input, lt + 2);
      continue;
    }
    if (next === '?') {
      flushText();
      pos = skipBogusComment(input, lt + 1);
      continue;
    }
    text += '<';
    pos = lt + 1;
  }
  flushText();
  return tokens;
}

interface ReadTag {
  name: string;
  attributes: Attribute[];
  end: number;
}

/** Reads a tag from its name to just past `>`; null when the input ends inside it. */
function readTag(input: string, from: number): ReadTag | null {
  let pos = from;
  while (pos < input.length && !/[\t\n\f\r />]/.test(input.charAt(pos))) pos++;
  const name = asciiLowercase(input.slice(from, pos));
  const attributes: Attribute[] = [];
  for (;;) {
    while (pos < input.length && (WHITESPACE.test(input.charAt(pos)) || input[pos] === '/')) pos++;
    if (pos >= input.length) return null;
    if (input[pos] === '>') return { name, attributes, end: pos + 1 };
    const nameStart = pos;
    pos++; // an attribute name may start with `=`
    while (pos < input.length && !/[\t\n\f\r />=]/.test(input.charAt(pos))) pos++;
    const attributeName = asciiLowercase(input.slice(nameStart, pos));
    while (pos < input.length && WHITESPACE.test(input.charAt(pos))) pos++;
    if (input[pos] !== '=') {
      attributes.push({ name: attributeName, raw: null });
      continue;
    }
    pos++;
    while (pos < input.length && WHITESPACE.test(input.charAt(pos))) pos++;
    const quote = input[pos];
    if (quote === '"' || quote === "'") {
      const close = input.indexOf(quote, pos + 1);
      if (close === -1) return null;
      attributes.push({ name: attributeName, raw: input.slice(pos + 1, close) });
      pos = close + 1;
    } else {
      const valueStart = pos;
      while (pos < input.length && !/[\t\n\f\r >]/.test(input.charAt(pos))) pos++;
      attributes.push({ name: attributeName, raw: input.slice(valueStart, pos) });
    }
  }
}

/** Where raw text ends (`</name` followed by whitespace, `/` or `>`) and where its end tag ends. */
function findRawTextEnd(
  input: string,
  from: number,
  name: string,
): { contentEnd: number; end: number } {
  // `name` comes from RAW_TEXT_ELEMENTS, plain ASCII letters.
  const endTag = new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'gi');
  endTag.lastIndex = from;
  const match = endTag.exec(input);
  if (match === null) return { contentEnd: input.length, end: input.length };
  const tag = readTag(input, match.index + 2);
  return { contentEnd: match.index, end: tag === null ? input.length : tag.end };
}

/** HTML folds only ASCII case in names; full Unicode folding would turn other names into ours. */
function asciiLowercase(name: string): string {
  return name.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
}
