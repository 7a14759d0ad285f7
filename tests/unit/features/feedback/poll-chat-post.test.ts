import { describe, expect, it } from 'vitest';
import { chatMarker } from '../../../../src/domain/chat/chat-post';
import { tokenizeHtml, visibleText } from '../../../../src/domain/expectations/html-tags';
import { closeText, pollChatPost } from '../../../../src/features/feedback/poll-chat-post';

const base = {
  pollId: '3b0f3f0e-8a2d-4c1b-9f6e-2d7c5a1b0e42',
  meetingSubject: 'Sprint planning',
  closesAt: '2026-03-20T16:00:00.000Z',
  chatId: '19:meeting_abc@thread.v2',
  teamsAppId: '5d0c7a9e-1b2f-4c3d-8e4f-5a6b7c8d9e00',
  tabEntityId: 'rapport-meeting',
  locale: 'en-US',
  timeZone: 'America/New_York',
};

const textOf = (html: string) => visibleText(html, tokenizeHtml(html));

describe('the poll link posted to the meeting chat', () => {
  it('names the meeting and the close in the organizer’s zone, and links the meeting tab', () => {
    const post = pollChatPost(base);
    expect(textOf(post.html)).toBe(
      `Feedback poll for Sprint planning: please answer before Fri, Mar 20, 12:00 PM EDT. Answer in Rapport Sent with Rapport · ${post.marker}`,
    );
    const href = /<a href="([^"]+)">Answer in Rapport<\/a>/.exec(post.html)?.[1] ?? '';
    const url = new URL(href.replace(/&amp;/g, '&'));
    expect(url.pathname).toBe(`/l/entity/${base.teamsAppId}/rapport-meeting`);
    expect(JSON.parse(url.searchParams.get('context') ?? '')).toEqual({
      chatId: base.chatId,
      contextType: 'chat',
    });
  });

  it('is keyed by the poll: the same poll gives the same marker, whatever the words', () => {
    const a = pollChatPost(base);
    const renamed = pollChatPost({ ...base, meetingSubject: 'Sprint planning (moved)' });
    expect(renamed.marker).toBe(a.marker);
    expect(a.marker).toBe(chatMarker(`poll:${base.pollId}`));
    expect(pollChatPost({ ...base, pollId: 'other' }).marker).not.toBe(a.marker);
  });

  it('escapes a subject with script, HTML and quotes', () => {
    const subject = '<script>alert("hi")</script> Q&A \'retro\'';
    const post = pollChatPost({ ...base, meetingSubject: subject });
    expect(post.html).not.toContain('<script');
    expect(post.html).toContain(
      '&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; Q&amp;A &#39;retro&#39;',
    );
    expect(textOf(post.html)).toContain(`Feedback poll for ${subject}:`);
  });

  it('says "this meeting" for a meeting without a subject, and the tab falls back to the meeting tab', () => {
    const { tabEntityId: _, ...noTab } = base;
    const post = pollChatPost({ ...noTab, meetingSubject: '  ' });
    expect(textOf(post.html)).toMatch(/^Feedback poll for this meeting:/);
    expect(post.html).toContain(`/l/entity/${base.teamsAppId}/rapport-meeting?`);
  });

  it('formats the close in the host’s locale, falling back to English for an unknown one', () => {
    expect(closeText(base.closesAt, 'de-DE', 'Europe/Berlin')).toBe('Fr., 20. März, 17:00 MEZ');
    expect(closeText(base.closesAt, 'not a locale!', 'UTC')).toBe('Fri, Mar 20, 4:00 PM UTC');
  });
});
