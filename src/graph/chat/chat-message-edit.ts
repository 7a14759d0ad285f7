import type { Client } from '@microsoft/microsoft-graph-client';
import type * as G from '@microsoft/microsoft-graph-types';
import { idempotentWrite } from '../client';

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
