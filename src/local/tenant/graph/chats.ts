import type * as G from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import {
  callerUserId,
  graphRoute,
  param,
  readJson,
  type Tenant,
  type TenantApp,
  type TenantCtx,
} from '../http/context';
import { GraphError, notFound } from '../http/graph-error';
import { page, parseTop, parseSkip } from '../http/odata';
import type { StoredChat } from '../store/state';
import { TENANT_ID } from '../seed/directory';
import { P } from './permissions';

const MAX_MESSAGE_CHARS = 28_000;

const messageBody = z.object({
  body: z.object({
    contentType: z.enum(['text', 'html']).default('text'),
    content: z.string().min(1, 'a message needs content').max(MAX_MESSAGE_CHARS),
  }),
  subject: z.string().max(255).nullable().optional(),
  importance: z.enum(['normal', 'high', 'urgent']).optional(),
});

/** Only members see a chat, as in Teams; anyone else is told it does not exist. */
function memberChat(tenant: Tenant, c: TenantCtx): StoredChat {
  const id = param(c, 'chatId');
  const stored = tenant.store.state.chats[id];
  if (!stored) throw notFound(`Chat '${id}' was not found.`, 'NotFound');
  if (!stored.memberIds.includes(callerUserId(c))) {
    throw new GraphError(403, 'Forbidden', 'Forbidden: the caller is not a member of this chat.');
  }
  return stored;
}

export function registerChatRoutes(app: TenantApp, tenant: Tenant): void {
  const ctx = (suffix: string) => `${tenant.origin()}/v1.0/$metadata#${suffix}`;

  graphRoute(app, 'get', '/chats/:chatId', '/chats/{id}', P.chatRead, (c) => {
    const stored = memberChat(tenant, c);
    const viewpoint = {
      isHidden: false,
      lastMessageReadDateTime: stored.chat.lastUpdatedDateTime ?? null,
    };
    return c.json({ '@odata.context': ctx('chats/$entity'), ...stored.chat, viewpoint });
  });

  graphRoute(app, 'get', '/chats/:chatId/members', '/chats/{id}/members', P.chatMembers, (c) => {
    const stored = memberChat(tenant, c);
    const value = stored.memberIds.map((id) => memberOf(tenant, stored, id));
    return c.json({
      '@odata.context': ctx(`chats('${encodeURIComponent(stored.chat.id ?? '')}')/members`),
      '@odata.count': value.length,
      value,
    });
  });

  graphRoute(
    app,
    'get',
    '/chats/:chatId/messages',
    '/chats/{id}/messages',
    P.chatMessagesRead,
    (c) => {
      const stored = memberChat(tenant, c);
      const newestFirst = [...stored.messages].reverse();
      const top = parseTop(c.req.query('$top'), 20, 50);
      return c.json({
        '@odata.context': ctx(`chats('${encodeURIComponent(stored.chat.id ?? '')}')/messages`),
        '@odata.count': newestFirst.length,
        ...page(newestFirst, new URL(c.req.url), top, parseSkip(c.req.query('$skip'))),
      });
    },
  );

  graphRoute(
    app,
    'get',
    '/chats/:chatId/messages/:messageId',
    '/chats/{id}/messages/{id}',
    P.chatMessagesRead,
    (c) => {
      const stored = memberChat(tenant, c);
      const message = stored.messages.find((m) => m.id === param(c, 'messageId'));
      if (!message) throw notFound('The message was not found.', 'NotFound');
      return c.json({ '@odata.context': ctx('chats/messages/$entity'), ...message });
    },
  );

  graphRoute(
    app,
    'post',
    '/chats/:chatId/messages',
    '/chats/{id}/messages',
    P.chatMessageSend,
    async (c) => {
      const stored = memberChat(tenant, c);
      const input = await readJson(c, messageBody);
      const sender = tenant.store.state.users[callerUserId(c)];
      const message = tenant.store.mutate(() => {
        const now = tenant.clock.now();
        // Teams message ids are the creation time in ms; keep them unique when two land in one ms.
        const last = Number(stored.messages.at(-1)?.id ?? 0);
        const id = String(Math.max(now, last + 1));
        const created = new Date(now).toISOString();
        const m: G.ChatMessage = {
          id,
          replyToId: null,
          etag: id,
          messageType: 'message',
          createdDateTime: created,
          lastModifiedDateTime: created,
          lastEditedDateTime: null,
          deletedDateTime: null,
          subject: input.subject ?? null,
          summary: null,
          chatId: stored.chat.id ?? null,
          importance: input.importance ?? 'normal',
          locale: 'en-us',
          webUrl: null,
          channelIdentity: null,
          policyViolation: null,
          eventDetail: null,
          from: {
            application: null,
            device: null,
            // Typed, as Graph writes it: userIdentityType is declared on teamworkUserIdentity,
            // not on the identity that identitySet.user is declared as.
            user: {
              '@odata.type': '#microsoft.graph.teamworkUserIdentity',
              id: sender?.id ?? '',
              displayName: sender?.displayName ?? null,
              userIdentityType: 'aadUser',
            } as G.Identity,
          },
          body: { contentType: input.body.contentType, content: input.body.content },
          attachments: [],
          mentions: [],
          reactions: [],
          messageHistory: [],
        };
        stored.messages.push(m);
        stored.chat.lastUpdatedDateTime = created;
        return m;
      });
      return c.json(
        {
          '@odata.context': ctx(
            `chats('${encodeURIComponent(stored.chat.id ?? '')}')/messages/$entity`,
          ),
          ...message,
        },
        201,
      );
    },
  );

  // Update chatMessage: delegated callers may change the body of their own messages; 204.
  graphRoute(
    app,
    'patch',
    '/chats/:chatId/messages/:messageId',
    '/chats/{id}/messages/{id}',
    P.chatMessageUpdate,
    async (c) => {
      const stored = memberChat(tenant, c);
      const message = stored.messages.find((m) => m.id === param(c, 'messageId'));
      if (!message || message.deletedDateTime != null) {
        throw notFound('The message was not found.', 'NotFound');
      }
      if (message.from?.user?.id !== callerUserId(c)) {
        throw new GraphError(403, 'Forbidden', 'Forbidden: only the sender can update a message.');
      }
      const input = await readJson(c, messageBody.pick({ body: true }));
      tenant.store.mutate(() => {
        const edited = new Date(tenant.clock.now()).toISOString();
        message.body = { contentType: input.body.contentType, content: input.body.content };
        message.lastModifiedDateTime = edited;
        message.lastEditedDateTime = edited;
        message.etag = String(tenant.clock.now());
      });
      return c.body(null, 204);
    },
  );
}

function memberOf(tenant: Tenant, stored: StoredChat, userId: string): Record<string, unknown> {
  const user = tenant.store.state.users[userId];
  return {
    '@odata.type': '#microsoft.graph.aadUserConversationMember',
    id: userId,
    roles: ['owner'],
    displayName: user?.displayName ?? null,
    visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
    userId,
    email: user?.mail ?? null,
    tenantId: TENANT_ID,
  };
}
