import type * as G from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { Tenant, TenantApp } from '../http/context';
import { GraphError } from '../http/graph-error';
import { PEOPLE, upnOf } from '../seed/directory';
import { eventWriteSchema } from '../calendar/event-input';
import { createEvent, deleteEvent, findStored, saveDraft, sendDraft } from '../calendar/events';

/**
 * What Outlook does with a meeting being composed, for the local Outlook compose host (issue 9).
 * Graph cannot create an unsent meeting, but Outlook's `saveAsync` does: the item lands in the
 * organizer's calendar as a draft (`isDraft: true`) that no attendee sees until Send. Control
 * endpoints, as Outlook talks to Exchange, not Graph:
 *
 * - `POST /_local/people/{user}/drafts` `{ event }`: saves a new draft, answers `{ id, iCalUId }`;
 * - `PATCH /_local/people/{user}/drafts/{id}` `{ event }`: saves the draft again, or saves
 *   changes to a sent meeting without sending them (it is a draft again, as Graph's `isDraft`);
 * - `POST /_local/people/{user}/drafts/{id}/send` `{ event }`: saves it once more and sends it
 *   (an update when it was sent before);
 * - `DELETE /_local/people/{user}/drafts/{id}`: discards a draft never sent (no mail).
 *
 * `event` is a Graph event write (`POST /me/events`'s body).
 */

const draftRequest = z.object({ event: eventWriteSchema });

const answer = (e: G.Event) => ({ id: e.id ?? '', iCalUId: e.iCalUId ?? '', isDraft: e.isDraft });

export function registerOutlookDraftControl(app: TenantApp, tenant: Tenant): void {
  const personOf = (key: string): string => {
    const person = PEOPLE.find((p) => p.id === key || upnOf(p) === key.toLowerCase());
    if (!person) throw new GraphError(404, 'UserNotFound', `No demo person '${key}'.`);
    return person.id;
  };
  /** A meeting never sent to anyone: the only kind Discard deletes. */
  const unsentDraft = (owner: string, id: string) => {
    const stored = findStored(tenant, owner, id);
    if (stored.event.isDraft !== true || Object.keys(stored.attendeeCopies ?? {}).length > 0) {
      throw new GraphError(400, 'ErrorInvalidRequest', 'The meeting was already sent.');
    }
    return stored;
  };

  app.post('/_local/people/:user/drafts', async (c) => {
    const owner = personOf(c.req.param('user'));
    const { event } = draftRequest.parse(await c.req.json());
    return c.json(answer(createEvent(tenant, owner, event, { draft: true }).event), 201);
  });

  app.patch('/_local/people/:user/drafts/:id', async (c) => {
    const owner = personOf(c.req.param('user'));
    const { event } = draftRequest.parse(await c.req.json());
    return c.json(answer(saveDraft(tenant, owner, c.req.param('id'), event)));
  });

  app.post('/_local/people/:user/drafts/:id/send', async (c) => {
    const owner = personOf(c.req.param('user'));
    const id = c.req.param('id');
    const { event } = draftRequest.parse(await c.req.json());
    saveDraft(tenant, owner, id, event);
    return c.json(answer(sendDraft(tenant, owner, id)));
  });

  app.delete('/_local/people/:user/drafts/:id', (c) => {
    const owner = personOf(c.req.param('user'));
    const id = c.req.param('id');
    unsentDraft(owner, id);
    deleteEvent(tenant, owner, id);
    return c.body(null, 204);
  });
}
