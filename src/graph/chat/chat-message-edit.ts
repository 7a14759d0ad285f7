import type { Client } from '@microsoft/microsoft-graph-client';
import type * as G from '@microsoft/microsoft-graph-types';
import { carriesMarker } from '../../domain/chat/chat-post';
import { idempotentWrite } from '../client';
import { listRecentChatMessages, nextChatMessages } from './chat-messages';

/**
 * `PATCH /chats/{id}/messages/{id}` with a new HTML body, as its sender (Chat.ReadWrite). The
 * same body twice leaves the same message, so the client's retries may repeat it.
 */
export async function updateChatMessage(
  client: Client,
  chatId: string,
  messageId: string,
  html: string,
): Promise<void> {
  const change: Pick<G.ChatMessage, 'body'> = { body: { contentType: 'html', content: html } };
  await client
    .api(`/chats/${encodeURIComponent(chatId)}/messages/${encodeURIComponent(messageId)}`)
    .headers(idempotentWrite)
    .patch(change);
}

/**
 * The id of the newest undeleted message carrying `marker` among the chat's recent ones, so a
 * record can point at the post it made (`postChatOnce` answers only whether it is there).
 */
export async function findMarkedMessageId(
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
