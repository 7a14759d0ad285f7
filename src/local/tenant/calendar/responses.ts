import type * as G from '@microsoft/microsoft-graph-types';
import type { Tenant } from '../http/context';
import { GraphError } from '../http/graph-error';
import { findStored } from './events';

const RESPONSE: Record<'accept' | 'tentativelyAccept' | 'decline', G.ResponseType> = {
  accept: 'accepted',
  tentativelyAccept: 'tentativelyAccepted',
  decline: 'declined',
};

/** An attendee answers an invite; the organizer's copy shows the answer on that attendee. */
export function respondToEvent(
  tenant: Tenant,
  ownerId: string,
  id: string,
  action: keyof typeof RESPONSE,
  notifyOrganizer: boolean,
): void {
  const stored = findStored(tenant, ownerId, id);
  if (stored.event.isOrganizer) {
    throw new GraphError(
      400,
      'ErrorInvalidRequest',
      "Your request can't be completed. You can't respond to a meeting you organized.",
    );
  }
  tenant.store.mutate((state) => {
    const time = new Date(tenant.clock.now()).toISOString();
    const response = RESPONSE[action];
    stored.event.responseStatus = { response, time };
    stored.event.showAs =
      action === 'decline' ? 'free' : action === 'tentativelyAccept' ? 'tentative' : 'busy';
    const me = state.users[ownerId]?.mail?.toLowerCase();
    const organizer = stored.organizerEventId ? state.events[stored.organizerEventId] : undefined;
    if (!notifyOrganizer || !organizer || !me) return;
    for (const a of [...(organizer.event.attendees ?? []), ...(stored.event.attendees ?? [])]) {
      if (a.emailAddress?.address?.toLowerCase() === me) a.status = { response, time };
    }
  });
}
