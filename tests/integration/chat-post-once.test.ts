import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderChatPost, type ChatPost } from '../../src/domain/chat/chat-post';
import { tokenizeHtml, visibleText } from '../../src/domain/expectations/html-tags';
import { ChatPostError } from '../../src/domain/ports/meeting-chat';
import { createGraphClient } from '../../src/graph/client';
import { graphMeetingChat } from '../../src/graph/chat/meeting-chat-service';
import { postChatOnce } from '../../src/graph/chat/post-once';
import { useTestTenant } from '../support/use-test-tenant';

/**
 * A post to a meeting chat lands exactly once through faults the local tenant injects before and
 * after the write (ARCHITECTURE.md, "Quality bars"): the post is sent once by the client, and read
 * back by its marker before any second send.
 */
const t = useTestTenant();

const GRACE = 'grace@rapportdemo.onmicrosoft.com';
const OLIVIA = 'olivia@rapportdemo.onmicrosoft.com'; // not in the team, not in Grace's meetings
const MEETING = 'Sprint planning';

const clientAs = (user: string, scopes?: string[]) =>
  createGraphClient({ baseUrl: t.url, getToken: () => t.token(user, scopes), delaySeconds: 0 });

/** Waits recorded instead of slept, so Retry-After can be checked without waiting it out. */
let waits: number[] = [];
const noWait = {
  sleep: (ms: number) => {
    waits.push(ms);
    return Promise.resolve();
  },
};

async function sprintPlanningChat(): Promise<string> {
  const res = await fetch(`${t.url}/_local/people/${GRACE}/meetings`);
  const found = ((await res.json()) as { chatId: string; subject: string }[]).find(
    (m) => m.subject === MEETING,
  );
  if (!found) throw new Error(`Grace has no "${MEETING}"`);
  return found.chatId;
}

const pollPost = (words = 'Feedback poll for Sprint planning: please answer before Friday.') =>
  renderChatPost({
    key: `poll:${randomUUID()}`,
    paragraphs: [
      [{ kind: 'text', text: words }],
      [{ kind: 'link', href: 'https://teams.microsoft.com/l/entity/a/b', text: 'Open the poll' }],
    ],
  });

/** The chat's messages that carry the post's marker, read straight from the tenant. */
async function copiesOf(chatId: string, post: ChatPost) {
  const res = await t.graph(GRACE, 'GET', `/chats/${encodeURIComponent(chatId)}/messages?$top=50`);
  expect(res.status).toBe(200);
  return (res.body.value as { id: string; body: { content: string } }[]).filter((m) =>
    m.body.content.includes(post.marker),
  );
}

const postsSent = async () =>
  (await t.requests()).requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages'))
    .length;

let chatId = '';
beforeEach(async () => {
  if (chatId === '') chatId = await sprintPlanningChat();
  waits = [];
  await t.resetRequests();
});

describe('posting to a meeting chat once', () => {
  it('posts, and a second call finds the post instead of sending another', async () => {
    const post = pollPost();
    expect((await postChatOnce(clientAs(GRACE), chatId, post, noWait)).outcome).toBe('posted');
    expect((await postChatOnce(clientAs(GRACE), chatId, post, noWait)).outcome).toBe(
      'alreadyPosted',
    );
    const [only] = await copiesOf(chatId, post);
    expect((await postChatOnce(clientAs(GRACE), chatId, post, noWait)).messageId).toBe(only?.id);
    expect(await copiesOf(chatId, post)).toHaveLength(1);
    expect(await postsSent()).toBe(1);
  });

  it('reads back after a connection dropped once the message was stored, and posts no more', async () => {
    await t.addFault({
      path: '^/chats/[^/]+/messages$',
      methods: ['POST'],
      kind: 'drop',
      when: 'after',
      times: 1,
    });
    const post = pollPost();
    expect((await postChatOnce(clientAs(GRACE), chatId, post, noWait)).outcome).toBe('posted');
    expect(await copiesOf(chatId, post)).toHaveLength(1);
    expect(await postsSent()).toBe(1);
  });

  it('posts again after a dropped connection that lost the message', async () => {
    await t.addFault({
      path: '^/chats/[^/]+/messages$',
      methods: ['POST'],
      kind: 'drop',
      when: 'before',
      times: 1,
    });
    const post = pollPost();
    expect((await postChatOnce(clientAs(GRACE), chatId, post, noWait)).outcome).toBe('posted');
    expect(await copiesOf(chatId, post)).toHaveLength(1);
    expect(await postsSent()).toBe(2);
  });

  it.each(['before', 'after'] as const)(
    'honours 429 with Retry-After (%s the write) and ends with one message',
    async (when) => {
      await t.addFault({
        path: '^/chats/[^/]+/messages$',
        methods: ['POST'],
        kind: 'status',
        status: 429,
        retryAfterSeconds: 2,
        when,
        times: 1,
      });
      const post = pollPost();
      expect((await postChatOnce(clientAs(GRACE), chatId, post, noWait)).outcome).toBe('posted');
      expect(waits).toEqual([2000]);
      expect(await copiesOf(chatId, post)).toHaveLength(1);
      expect(await postsSent()).toBe(when === 'before' ? 2 : 1);
    },
  );

  it('posts each of several messages exactly once through 20% mixed 429, 503 and drops', async () => {
    const faults = [
      { kind: 'status', status: 429, retryAfterSeconds: 0, when: 'after', rate: 0.07 },
      { kind: 'drop', when: 'after', rate: 0.07 },
      { kind: 'status', status: 503, when: 'before', rate: 0.07 },
    ] as const;
    for (const f of faults) await t.addFault({ path: '^/chats/', ...f });
    const chat = graphMeetingChat(clientAs(GRACE), { ...noWait, maxPosts: 8 });
    const posts = Array.from({ length: 20 }, (_, i) => pollPost(`Message ${String(i)}`));
    for (const post of posts) expect((await chat.postOnce(chatId, post)).outcome).toBe('posted');
    // Every kind of fault fired (the tenant's faults are seeded, so runs repeat): the test would
    // prove nothing on a quiet run.
    const rules = (await (await fetch(`${t.url}/_local/faults`)).json()) as { applied: number }[];
    expect(rules.map((r) => r.applied > 0)).toEqual([true, true, true]);
    await t.clearFaults();
    for (const post of posts) expect(await copiesOf(chatId, post)).toHaveLength(1);
  });

  it('sends one post for two clicks at once in the same tab', async () => {
    const chat = graphMeetingChat(clientAs(GRACE), noWait);
    const post = pollPost();
    const both = await Promise.all([chat.postOnce(chatId, post), chat.postOnce(chatId, post)]);
    expect(both.map((b) => b.outcome).sort()).toEqual(['alreadyPosted', 'posted']);
    expect(both[0].messageId).toBe(both[1].messageId);
    expect(await copiesOf(chatId, post)).toHaveLength(1);
    expect(await chat.isPosted(chatId, post.marker)).toBe(true);
    expect(await chat.isPosted(chatId, pollPost().marker)).toBe(false);
  });

  it('delivers script and HTML in user text as escaped text', async () => {
    const typed = '<script>alert("x")</script> <img src=x onerror=alert(1)> & "quotes" \'too\'';
    const post = pollPost(`Feedback poll for ${typed}`);
    await postChatOnce(clientAs(GRACE), chatId, post, noWait);
    const [stored] = await copiesOf(chatId, post);
    const html = stored?.body.content ?? '';
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(visibleText(html, tokenizeHtml(html))).toContain(`Feedback poll for ${typed}`);
  });
});

describe('who may post', () => {
  it('refuses a non-member with a clear 403, and posts nothing', async () => {
    const chat = graphMeetingChat(clientAs(OLIVIA), noWait);
    const post = pollPost();
    const err = await chat.postOnce(chatId, post).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChatPostError);
    expect(err).toMatchObject({ kind: 'forbidden', status: 403 });
    expect((err as Error).message).toMatch(/only people in the chat can/);
    expect(await chat.isPosted(chatId, post.marker).catch((e: unknown) => e)).toMatchObject({
      kind: 'forbidden',
    });
    const direct = await t.graph(OLIVIA, 'POST', `/chats/${encodeURIComponent(chatId)}/messages`, {
      body: { contentType: 'html', content: post.html },
    });
    expect(direct.status).toBe(403);
    expect(await copiesOf(chatId, post)).toHaveLength(0);
  });

  it('needs Chat.Read to look and ChatMessage.Send to post', async () => {
    const post = pollPost();
    const sendOnly = graphMeetingChat(clientAs(GRACE, ['ChatMessage.Send']), noWait);
    expect(await sendOnly.postOnce(chatId, post).catch((e: unknown) => e)).toMatchObject({
      kind: 'forbidden',
      status: 403,
    });
    const readOnly = graphMeetingChat(clientAs(GRACE, ['Chat.Read']), noWait);
    expect(await readOnly.postOnce(chatId, post).catch((e: unknown) => e)).toMatchObject({
      kind: 'forbidden',
      status: 403,
    });
    expect(await copiesOf(chatId, post)).toHaveLength(0);
    expect(await postsSent()).toBe(1);
  });
});
