import { escapeHtml } from '../expectations/html-escape';
import { tokenizeHtml, visibleText } from '../expectations/html-tags';
import { splitLinks, type TextPart } from '../text/links';

/**
 * A message Rapport posts to a Teams chat (the poll link, the meeting summary), built from plain
 * parts so no user value can become markup, and carrying a marker so the same message can be
 * found again: a retried post looks for it first, and a screen can tell it was already posted.
 *
 * The marker is visible text in the message's last line. Teams re-serializes message HTML and
 * drops comments and attributes it does not know (as Exchange does with event bodies), so only
 * text is sure to come back as it was sent.
 */

/** One paragraph's runs: plain text, or a link (only `https:` and `msteams:` become links). */
export type ChatRun = TextPart;

export interface ChatPostDraft {
  /**
   * What makes two sends the same message, e.g. `poll:<poll id>` or `summary:<iCalUId>`: the
   * same key always gives the same marker, another key another one.
   */
  key: string;
  paragraphs: readonly (readonly ChatRun[])[];
}

/** A message ready for `POST /chats/{id}/messages` (HTML body), with the marker it carries. */
export interface ChatPost {
  html: string;
  marker: string;
}

/** Teams refuses messages over about 28 KB; well under it, so re-serializing never tips it. */
export const MAX_CHAT_POST_CHARS = 20_000;

/** FNV-1a over UTF-16 code units; two bases give 64 bits, plenty to tell one chat's posts apart. */
function fnv1a(text: string, basis: number): string {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The marker for a key: `rapport-` and 16 hex digits. A hash rather than the key itself, so
 * long keys (an iCalUId) stay short and nothing about the key shows in the chat.
 */
export function chatMarker(key: string): string {
  if (key.trim() === '') throw new Error('A chat post needs a key to recognise it by.');
  return `rapport-${fnv1a(key, 0x811c9dc5)}${fnv1a(key, 0x050c5d1f)}`;
}

/**
 * `https:` with a host, or `msteams:`; anything else is shown as text, never followed. An address
 * with whitespace or control characters is no address (the URL parser would quietly drop them).
 */
export function isSafeHref(href: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(href)) return false;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' && url.hostname !== '') || url.protocol === 'msteams:';
}

/** User text as runs, its `https:` and `msteams:` addresses as links (for summaries' free text). */
export const linkedRuns = (text: string): ChatRun[] => splitLinks(text);

const escapeText = (text: string): string => escapeHtml(text).replace(/\r?\n/g, '<br>');

function renderRun(run: ChatRun): string {
  if (run.kind === 'text' || !isSafeHref(run.href)) return escapeText(run.text);
  const label = run.text.trim() === '' ? run.href : run.text;
  return `<a href="${escapeHtml(run.href)}">${escapeText(label)}</a>`;
}

/** The visible last line that carries the marker. */
const footer = (marker: string): string => `Sent with Rapport · ${marker}`;

/** The message's HTML: one `<p>` per paragraph, then the marker's line. */
export function renderChatPost(draft: ChatPostDraft): ChatPost {
  const marker = chatMarker(draft.key);
  const body = draft.paragraphs
    .filter((runs) => runs.some((r) => r.text !== ''))
    .map((runs) => `<p>${runs.map(renderRun).join('')}</p>`)
    .join('');
  if (body === '') throw new Error('A chat post needs some text.');
  const html = `${body}<p>${escapeText(footer(marker))}</p>`;
  if (html.length > MAX_CHAT_POST_CHARS) {
    throw new Error(
      `The message is too long for a Teams chat (${String(html.length)} of at most ${String(MAX_CHAT_POST_CHARS)} characters).`,
    );
  }
  return { html, marker };
}

/**
 * Whether a chat message's body (as Graph returns it: HTML, or plain text) carries the marker in
 * its visible text, however Teams re-serialized the markup around it.
 */
export function carriesMarker(
  body: { content?: string | null; contentType?: string | null },
  marker: string,
): boolean {
  const content = body.content ?? '';
  const text = body.contentType === 'text' ? content : visibleText(content, tokenizeHtml(content));
  let at = text.indexOf(marker);
  while (at !== -1) {
    // A longer hex run would be another marker that merely starts the same way.
    if (!/[0-9a-f]/i.test(text.charAt(at + marker.length))) return true;
    at = text.indexOf(marker, at + 1);
  }
  return false;
}
