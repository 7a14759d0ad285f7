import type * as G from '@microsoft/microsoft-graph-types';
import type { Tenant } from '../http/context';
import { TENANT_ID } from '../seed/directory';

/**
 * A Teams meeting gets a chat whose `onlineMeetingInfo` points at the organizer's event, as
 * Teams creates it; that is how a meeting tab finds its meeting (ARCHITECTURE.md).
 */
export function addMeetingChat(
  tenant: Tenant,
  m: { chatId: string; event: G.Event; organizerId: string; memberIds: string[] },
): void {
  const organizer = tenant.store.state.users[m.organizerId];
  const now = new Date(tenant.clock.now()).toISOString();
  tenant.store.state.chats[m.chatId] = {
    chat: {
      id: m.chatId,
      topic: m.event.subject ?? null,
      createdDateTime: now,
      lastUpdatedDateTime: now,
      chatType: 'meeting',
      webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(m.chatId)}/0?tenantId=${TENANT_ID}`,
      tenantId: TENANT_ID,
      onlineMeetingInfo: {
        calendarEventId: m.event.id ?? null,
        joinWebUrl: m.event.onlineMeeting?.joinUrl ?? null,
        organizer: {
          id: m.organizerId,
          displayName: organizer?.displayName ?? null,
          userIdentityType: 'aadUser',
        },
      },
      isHiddenForAllMembers: false,
    },
    memberIds: [...m.memberIds],
    messages: [],
  };
}

export function renameMeetingChat(tenant: Tenant, chatId: string, topic: string): void {
  const stored = tenant.store.state.chats[chatId];
  if (!stored) return;
  stored.chat.topic = topic;
  stored.chat.lastUpdatedDateTime = new Date(tenant.clock.now()).toISOString();
}

/** People added to the invite join the meeting chat; people removed stay (Teams keeps history). */
export function syncMeetingChatMembers(
  tenant: Tenant,
  chatId: string,
  memberIds: readonly string[],
): void {
  const stored = tenant.store.state.chats[chatId];
  if (!stored) return;
  for (const id of memberIds) if (!stored.memberIds.includes(id)) stored.memberIds.push(id);
}
