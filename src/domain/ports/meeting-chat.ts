import type { ChatPost } from '../chat/chat-post';
import type { GraphWords } from './graph-words';

/**
 * Rapport's posts to a meeting's chat (the poll link; later the meeting summary), as the signed-in
 * person. The graph layer implements it; screens see only this. A post is recognised by its
 * marker (`renderChatPost`), so it goes to a chat at most once whatever is retried.
 */
export interface MeetingChatService {
  /** Whether a post carrying this marker is among the chat's recent messages. */
  isPosted(chatId: string, marker: string): Promise<boolean>;
  /**
   * Posts unless the chat already holds a post with the same marker: 'posted' when this call's
   * post is the one in the chat, 'alreadyPosted' when an earlier one was there before it; with
   * the id of the message in the chat either way (a summary edits it later).
   */
  postOnce(chatId: string, post: ChatPost): Promise<PostedMessage>;
}

export interface PostedMessage {
  outcome: 'posted' | 'alreadyPosted';
  messageId: string;
}

export type ChatPostErrorKind =
  /** Not a member of the chat, or Rapport may not read or post chat messages there (403). */
  | 'forbidden'
  /** No such chat, or not one this person can see (404). */
  | 'notFound'
  /** Teams did not answer, or did not confirm the post, even after retrying. */
  | 'unavailable'
  /** Teams refused the message itself (400). */
  | 'invalid';

/**
 * A failed chat post or look-up, with a message a person can read in English and, when the
 * adapter knows them, the same words as a code for the reader's language.
 */
export class ChatPostError extends Error {
  readonly words?: GraphWords;
  constructor(
    readonly kind: ChatPostErrorKind,
    message: string,
    readonly status?: number,
    options?: { cause?: unknown; words?: GraphWords },
  ) {
    super(message, options);
    this.name = 'ChatPostError';
    if (options?.words !== undefined) this.words = options.words;
  }
}
