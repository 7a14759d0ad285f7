import type { Client } from '@microsoft/microsoft-graph-client';
import { carriesMarker, type ChatPost } from '../../domain/chat/chat-post';
import type { PostedMessage } from '../../domain/ports/meeting-chat';
import { outcomeUnknown, waitMs } from '../write-outcome';
import { listRecentChatMessages, nextChatMessages, postChatMessage } from './chat-messages';

/**
 * Posts a message to a chat at most once. A chat message has no idempotency key, so the marker
 * it carries stands in for one: the chat is read first, and read again after every post whose
 * outcome is unknown (no answer, 429, 5xx: each can come after Teams stored the message), and the
 * message is posted again only when that read shows it is not there. Graph lists a chat's
 * messages newest first, so a post made moments ago is on the first page.
 *
 * Not covered: two clients posting the same message at the same instant (each reads, neither
 * sees the other's); the service layer keeps one post per marker in flight within a tab.
 */

export interface PostOnceOptions {
  /** Posts before giving up; 4 unless told. Every post follows a read that came back without it. */
  maxPosts?: number;
  /** Pages of recent messages to look through (50 each); 3 unless told. */
  pages?: number;
  /** Waits between attempts (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The id of the newest undeleted message carrying `marker` among the chat's recent ones, or
 * undefined: whether it was posted, and which post a record points at (summaries edit it).
 */
export async function findMarkedMessage(
  client: Client,
  chatId: string,
  marker: string,
  pages = 3,
): Promise<string | undefined> {
  let page = await listRecentChatMessages(client, chatId);
  for (let read = 1; ; read++) {
    const found = page.value.find(
      (m) =>
        m.deletedDateTime == null &&
        m.messageType === 'message' &&
        m.body != null &&
        carriesMarker(m.body, marker),
    );
    if (found?.id) return found.id;
    if (read >= pages) return undefined;
    const next = await nextChatMessages(client, page);
    if (next === undefined) return undefined;
    page = next;
  }
}

export class PostUnconfirmedError extends Error {
  constructor(
    readonly posts: number,
    cause: unknown,
  ) {
    super(
      `Teams did not confirm the post (${String(posts)} ${posts === 1 ? 'try' : 'tries'}), and the message is not in the chat yet.`,
      { cause },
    );
    this.name = 'PostUnconfirmedError';
  }
}

/**
 * 'posted' when this call's post is in the chat, 'alreadyPosted' when the chat held the message
 * before it, with the message's id. Throws the Graph error of a refusal (403, 404, 400) at once, and PostUnconfirmedError
 * when the message is not confirmed after `maxPosts` posts (or twice as many reads).
 */
export async function postChatOnce(
  client: Client,
  chatId: string,
  post: ChatPost,
  options: PostOnceOptions = {},
): Promise<PostedMessage> {
  const maxPosts = options.maxPosts ?? 4;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let posts = 0;
  let lastError: unknown;
  for (let reads = 1; reads <= 2 * maxPosts; reads++) {
    if (reads > 1) await sleep(waitMs(lastError, reads - 1));
    let there: string | undefined;
    try {
      there = await findMarkedMessage(client, chatId, post.marker, options.pages);
    } catch (err) {
      // The read has had the client's own retries; without an answer, posting would be a guess.
      if (!outcomeUnknown(err)) throw err;
      lastError = err;
      continue;
    }
    if (there !== undefined) {
      return { outcome: posts > 0 ? 'posted' : 'alreadyPosted', messageId: there };
    }
    if (posts >= maxPosts) break;
    posts++;
    try {
      const sent = await postChatMessage(client, chatId, post.html);
      // Graph answers a post with the message; without its id, the next read finds it.
      if (sent.id) return { outcome: 'posted', messageId: sent.id };
    } catch (err) {
      if (!outcomeUnknown(err)) throw err;
      lastError = err;
    }
  }
  throw new PostUnconfirmedError(posts, lastError);
}
