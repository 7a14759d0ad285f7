import type { HttpBindings } from '@hono/node-server';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { Tenant, TenantApp, TenantEnv } from '../http/context';
import { GraphError } from '../http/graph-error';
import { GRAPH_AUDIENCE, PEOPLE, RELAY_API_AUDIENCE, RELAY_SCOPE, upnOf } from '../seed/directory';
import { TOKEN_LIFETIME_SECONDS } from '../identity/tokens';
import { eventsInWindow, instantOf } from '../calendar/events';
import { outboxOf } from '../calendar/outbox';
import { faultRuleSchema } from './faults';
import { registerOutlookDraftControl } from './outlook-drafts';
import { registerSiteMemberControl } from './site-members';
import type { TenantRuntime } from '../app';

/** Delegated scopes a demo person's token carries unless a test asks for fewer. */
export const DEFAULT_DELEGATED_SCOPES = [
  'User.Read',
  'User.ReadBasic.All',
  'Calendars.ReadWrite',
  'MailboxSettings.Read',
  'Chat.ReadBasic',
  'ChatMessage.Send',
  'Chat.Read',
  'Chat.ReadWrite',
  'ChatMember.Read',
  'GroupMember.Read.All',
  'Sites.ReadWrite.All',
] as const;

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Control endpoints answer loopback callers only; the product never calls them. */
const loopbackOnly: MiddlewareHandler<TenantEnv> = async (c, next) => {
  const env = c.env as HttpBindings | undefined;
  const remote = env?.incoming.socket.remoteAddress;
  if (remote !== undefined && !LOOPBACK.has(remote)) {
    throw new GraphError(403, 'Forbidden', 'Local tenant controls answer loopback callers only.');
  }
  await next();
};

/** How far either side of the tenant's "now" the local Teams host's meeting picker looks. */
const MEETING_WINDOW_MS = 7 * 86_400_000;

/** A Teams meeting as the local Teams host offers it: enough to build a meeting tab's context. */
export interface HostMeeting {
  chatId: string;
  subject: string;
  start: string;
  end: string;
  joinUrl: string;
  iCalUId: string;
  organizerId: string;
}

const tokenRequest = z.object({
  /** A person's id or UPN. */
  user: z.string().min(1).max(200),
  audience: z.enum(['graph', 'relay']).default('graph'),
  scopes: z.array(z.string().max(100)).max(50).optional(),
});

export function registerControlRoutes(
  app: TenantApp,
  tenant: Tenant,
  runtime: TenantRuntime,
): void {
  app.use('/_local/*', loopbackOnly);

  app.get('/_local/people', (c) =>
    c.json(
      PEOPLE.map((p) => ({
        id: p.id,
        displayName: `${p.givenName} ${p.surname}`,
        userPrincipalName: upnOf(p),
        timeZone: p.ianaZone,
        jobTitle: p.jobTitle,
      })),
    ),
  );

  // The local Teams host lists a person's meetings to pick which meeting tab to open; each
  // occurrence of a series is its own entry (the series shares one chat), as in Teams' calendar.
  app.get('/_local/people/:id/meetings', (c) => {
    const key = c.req.param('id');
    const person = PEOPLE.find((p) => p.id === key || upnOf(p) === key.toLowerCase());
    if (!person) throw new GraphError(404, 'UserNotFound', `No demo person '${key}'.`);
    const chatsByJoinUrl = new Map<string, { chatId: string; organizerId: string | undefined }>();
    for (const { chat } of Object.values(tenant.store.state.chats)) {
      const joinWebUrl = chat.onlineMeetingInfo?.joinWebUrl;
      if (joinWebUrl && chat.id) {
        const organizerId = chat.onlineMeetingInfo?.organizer?.id ?? undefined;
        chatsByJoinUrl.set(joinWebUrl, { chatId: chat.id, organizerId });
      }
    }
    const userIdByMail = new Map<string, string>();
    for (const u of Object.values(tenant.store.state.users))
      if (u.mail && u.id) userIdByMail.set(u.mail.toLowerCase(), u.id);

    const now = tenant.clock.now();
    const from = now - MEETING_WINDOW_MS;
    const meetings: HostMeeting[] = [];
    for (const e of eventsInWindow(tenant, person.id, from, now + MEETING_WINDOW_MS)) {
      const joinUrl = e.onlineMeeting?.joinUrl;
      const chat = joinUrl ? chatsByJoinUrl.get(joinUrl) : undefined;
      if (!joinUrl || !chat || e.isCancelled === true) continue;
      const organizerMail = e.organizer?.emailAddress?.address?.toLowerCase() ?? '';
      meetings.push({
        chatId: chat.chatId,
        subject: e.subject ?? '',
        start: new Date(instantOf(e.start ?? {})).toISOString(),
        end: new Date(instantOf(e.end ?? {})).toISOString(),
        joinUrl,
        iCalUId: e.iCalUId ?? '',
        organizerId: chat.organizerId ?? userIdByMail.get(organizerMail) ?? '',
      });
    }
    return c.json(meetings);
  });

  app.post('/_local/token', async (c) => {
    const body = tokenRequest.parse(await c.req.json());
    const person = PEOPLE.find((p) => p.id === body.user || upnOf(p) === body.user.toLowerCase());
    if (!person) throw new GraphError(404, 'UserNotFound', `No demo person '${body.user}'.`);
    const relay = body.audience === 'relay';
    const access_token = await tenant.issuer.delegated({
      oid: person.id,
      name: `${person.givenName} ${person.surname}`,
      upn: upnOf(person),
      audience: relay ? RELAY_API_AUDIENCE : GRAPH_AUDIENCE,
      scopes: body.scopes ?? (relay ? [RELAY_SCOPE] : DEFAULT_DELEGATED_SCOPES),
    });
    return c.json({ token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS, access_token });
  });

  app.get('/_local/faults', (c) => c.json(runtime.faults.list()));
  app.post('/_local/faults', async (c) =>
    c.json(runtime.faults.add(faultRuleSchema.parse(await c.req.json())), 201),
  );
  app.delete('/_local/faults', (c) => {
    runtime.faults.clear();
    return c.body(null, 204);
  });

  app.get('/_local/requests', (c) => c.json(runtime.log.summary()));
  app.delete('/_local/requests', (c) => {
    runtime.log.reset();
    return c.body(null, 204);
  });

  // The meeting mails Exchange would have sent (invites, updates, cancellations), oldest first;
  // `?iCalUId=` keeps those about one meeting (a series' iCalUId also finds its occurrences').
  app.get('/_local/outbox', (c) => c.json(outboxOf(tenant.store.state, c.req.query('iCalUId'))));

  app.get('/_local/clock', (c) =>
    c.json({ now: tenant.clock.iso(), fixed: tenant.clock.isFixed() }),
  );
  app.post('/_local/clock', async (c) => {
    const body = z
      .union([
        z.object({ now: z.iso.datetime({ offset: true }) }),
        z.object({ advanceMs: z.number().int() }),
      ])
      .parse(await c.req.json());
    if ('now' in body) tenant.clock.set(body.now);
    else tenant.clock.advance(body.advanceMs);
    return c.json({ now: tenant.clock.iso() });
  });

  app.post('/_local/reset', async (c) => {
    await runtime.reset();
    return c.json({ reset: true, seededAt: tenant.store.state.seededAt });
  });

  registerSiteMemberControl(app, tenant);
  registerOutlookDraftControl(app, tenant);
}
