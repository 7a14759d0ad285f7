import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  carriesMarker,
  chatMarker,
  isSafeHref,
  linkedRuns,
  MAX_CHAT_POST_CHARS,
  renderChatPost,
} from '../../../../src/domain/chat/chat-post';
import { chatTabLink } from '../../../../src/domain/chat/tab-link';
import { tokenizeHtml, visibleText } from '../../../../src/domain/expectations/html-tags';

const text = (t: string) => ({ kind: 'text', text: t }) as const;
const link = (href: string, t: string) => ({ kind: 'link', href, text: t }) as const;

/** Every tag name the rendered HTML opens or closes. */
const tagsOf = (html: string): string[] =>
  tokenizeHtml(html).flatMap((t) => (t.kind === 'text' ? [] : [t.name]));

describe('renderChatPost', () => {
  it('escapes script and HTML in user text, so it reads as typed and opens no tag', () => {
    const typed = '<script>alert("x")</script> <b onclick=\'go()\'>Tom & Jerry</b>';
    const post = renderChatPost({ key: 'poll:1', paragraphs: [[text(typed)]] });
    expect(post.html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;b onclick=&#39;go()&#39;&gt;Tom &amp; Jerry&lt;/b&gt;',
    );
    expect(tagsOf(post.html)).toEqual(['p', 'p', 'p', 'p']);
    expect(visibleText(post.html, tokenizeHtml(post.html))).toContain(typed);
  });

  it('escapes quotes in link addresses and labels, and links only https: and msteams:', () => {
    const href = 'https://teams.microsoft.com/l/entity/a/b?context={"chatId":"19:x"}&label=it\'s';
    const post = renderChatPost({
      key: 'poll:2',
      paragraphs: [
        [link(href, 'Open "the" poll <now>')],
        [link('msteams:/l/chat/0/0', 'Chat')],
        [link('javascript:alert(1)', 'evil')],
        [link('http://example.com', 'plain http')],
        [link('https://x.y/" onmouseover="alert(1)', 'broken out')],
      ],
    });
    const anchors = [...post.html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)];
    expect(anchors.map((m) => m[1])).toEqual([
      'https://teams.microsoft.com/l/entity/a/b?context={&quot;chatId&quot;:&quot;19:x&quot;}&amp;label=it&#39;s',
      'msteams:/l/chat/0/0',
    ]);
    expect(anchors[0]?.[2]).toBe('Open &quot;the&quot; poll &lt;now&gt;');
    expect(post.html).not.toContain('javascript:');
    expect(post.html).not.toContain('http://');
    expect(post.html).not.toContain(' onmouseover=');
    for (const label of ['evil', 'plain http', 'broken out']) expect(post.html).toContain(label);
  });

  it('carries its key’s marker in visible text, the same for the same key only', () => {
    const a = renderChatPost({ key: 'poll:abc', paragraphs: [[text('Hello')]] });
    const again = renderChatPost({ key: 'poll:abc', paragraphs: [[text('Changed words')]] });
    const other = renderChatPost({ key: 'poll:abd', paragraphs: [[text('Hello')]] });
    expect(a.marker).toMatch(/^rapport-[0-9a-f]{16}$/);
    expect(again.marker).toBe(a.marker);
    expect(other.marker).not.toBe(a.marker);
    expect(visibleText(a.html, tokenizeHtml(a.html))).toContain(a.marker);
    expect(a.html).not.toContain('poll:abc');
  });

  it('keeps line breaks, drops empty paragraphs and refuses an empty or oversized post', () => {
    const post = renderChatPost({
      key: 'k',
      paragraphs: [[text('one\ntwo')], [], [text('')]],
    });
    expect(post.html.startsWith('<p>one<br>two</p><p>Sent with Rapport')).toBe(true);
    expect(() => renderChatPost({ key: 'k', paragraphs: [[text('')]] })).toThrow(/needs some text/);
    expect(() => renderChatPost({ key: ' ', paragraphs: [[text('x')]] })).toThrow(/key/);
    expect(() =>
      renderChatPost({ key: 'k', paragraphs: [[text('&'.repeat(MAX_CHAT_POST_CHARS))]] }),
    ).toThrow(/too long for a Teams chat/);
  });

  it('never lets any text open a tag (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const post = renderChatPost({
          key: 'p',
          paragraphs: [[text(`x${a}`), link(`https://e.com/${b}`, b)]],
        });
        expect(tagsOf(post.html).filter((t) => t !== 'p' && t !== 'br' && t !== 'a')).toEqual([]);
        expect(visibleText(post.html, tokenizeHtml(post.html))).toContain(post.marker);
      }),
    );
  });
});

describe('carriesMarker', () => {
  const post = renderChatPost({ key: 'poll:9', paragraphs: [[text('Answer please')]] });

  it('finds the marker however Teams re-serialized the HTML, and in plain-text bodies', () => {
    expect(carriesMarker({ contentType: 'html', content: post.html }, post.marker)).toBe(true);
    const rewritten = `<div><div><p>Answer&nbsp;please</p>\n<p><span>Sent with Rapport &middot; ${post.marker}</span></p></div></div>`;
    expect(carriesMarker({ contentType: 'html', content: rewritten }, post.marker)).toBe(true);
    expect(carriesMarker({ contentType: 'text', content: `x ${post.marker}` }, post.marker)).toBe(
      true,
    );
  });

  it('does not match another marker, a marker inside markup only, or an empty body', () => {
    expect(
      carriesMarker({ contentType: 'html', content: `<p>${post.marker}0</p>` }, post.marker),
    ).toBe(false);
    expect(
      carriesMarker(
        { contentType: 'html', content: `<p title="${post.marker}">hi</p><!-- ${post.marker} -->` },
        post.marker,
      ),
    ).toBe(false);
    expect(carriesMarker({ contentType: 'html', content: null }, post.marker)).toBe(false);
    expect(chatMarker('poll:9')).toBe(post.marker);
  });
});

describe('links', () => {
  it('accepts https with a host and msteams: only', () => {
    expect(isSafeHref('https://teams.microsoft.com/l/x')).toBe(true);
    expect(isSafeHref('msteams:/l/chat/0/0')).toBe(true);
    for (const bad of ['http://x.y', 'javascript:alert(1)', 'data:text/html,x', 'https://', 'x']) {
      expect(isSafeHref(bad), bad).toBe(false);
    }
  });

  it('turns addresses in user text into link runs', () => {
    expect(linkedRuns('See https://x.y/z. Thanks')).toEqual([
      text('See '),
      link('https://x.y/z', 'https://x.y/z'),
      text('. Thanks'),
    ]);
  });

  it('builds a Teams deep link to a tab in a chat, with the chat in the context', () => {
    const href = chatTabLink({
      appId: '5d0c7a9e-1b2f-4c3d-8e4f-5a6b7c8d9e00',
      entityId: 'rapport-meeting',
      chatId: '19:meeting_abc@thread.v2',
      label: 'Feedback poll',
    });
    const url = new URL(href);
    expect(url.origin + url.pathname).toBe(
      'https://teams.microsoft.com/l/entity/5d0c7a9e-1b2f-4c3d-8e4f-5a6b7c8d9e00/rapport-meeting',
    );
    expect(JSON.parse(url.searchParams.get('context') ?? '')).toEqual({
      chatId: '19:meeting_abc@thread.v2',
      contextType: 'chat',
    });
    expect(url.searchParams.get('label')).toBe('Feedback poll');
    expect(href).not.toContain('+');
    expect(isSafeHref(href)).toBe(true);
  });
});
