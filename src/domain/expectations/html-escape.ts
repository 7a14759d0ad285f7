const REPLACEMENTS: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML text content and quoted attribute values: `&`, `<`, `>`, `"` and `'` become
 * references, everything else is kept as is. The result contains none of those five characters
 * except the `&` that starts each reference, so it can open no tag, end no attribute and, because
 * every original `&` is escaped, never decodes to anything but the original text.
 *
 * Example: `escapeHtml(`<b title="x">Tom & Jerry's</b>`)` is
 * `&lt;b title=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;`.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => REPLACEMENTS[c] ?? c);
}
