import type { Client } from '@microsoft/microsoft-graph-client';
import type * as G from '@microsoft/microsoft-graph-types';
import { relativeNextLink, sendOnce } from '../client';

/** Graph's cap on `$top` for a chat's messages. */
export const MAX_MESSAGES_PAGE = 50;

const messagesPath = (chatId: string): string => `/chats/${encodeURIComponent(chatId)}/messages`;

/**
 * `POST /chats/{id}/messages` as the signed-in person, HTML body. Sent once: a chat message has
 * no idempotency key, so neither retry middleware may re-send it after a 429, 5xx or dropped
 * connection that can come after Teams stored it. `postChatOnce` reads back and decides.
 */
export async function postChatMessage(
  client: Client,
  chatId: string,
  html: string,
): Promise<G.ChatMessage> {
  const message: Pick<G.ChatMessage, 'body'> = { body: { contentType: 'html', content: html } };
  return (await client
    .api(messagesPath(chatId))
    .middlewareOptions(sendOnce())
    .post(message)) as G.ChatMessage;
}

export interface MessagesPage {
  value: G.ChatMessage[];
  '@odata.nextLink'?: string;
}

/** `GET /chats/{id}/messages?$top=`: the newest messages first (Graph's default order). */
export async function listRecentChatMessages(
  client: Client,
  chatId: string,
  top = MAX_MESSAGES_PAGE,
): Promise<MessagesPage> {
  return (await client.api(messagesPath(chatId)).top(top).get()) as MessagesPage;
}

/** The next page after `page`, or undefined at the end. */
export async function nextChatMessages(
  client: Client,
  page: MessagesPage,
): Promise<MessagesPage | undefined> {
  const nextLink = page['@odata.nextLink'];
  if (nextLink === undefined) return undefined;
  return (await client.api(relativeNextLink(nextLink)).get()) as MessagesPage;
}
