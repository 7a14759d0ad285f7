import type * as G from '@microsoft/microsoft-graph-types';
import type { Tenant } from '../http/context';
import type { OutboxEntry, TenantState } from '../store/state';

/**
 * The meeting mail Exchange sends: when an organizer creates, changes (any PATCH, even one that
 * changes nothing) or cancels a meeting that has attendees, every attendee gets a message. The
 * tenant sends nothing, but records each message so tests can tell how many invites a change
 * cost, which is what Rapport must keep low (ARCHITECTURE.md, "Where data lives": the invite).
 */

/** The addresses a meeting mail goes to: every attendee but the organizer, as written. */
export function attendeeAddresses(e: G.Event): string[] {
  const organizer = e.organizer?.emailAddress?.address?.toLowerCase();
  const out: string[] = [];
  for (const a of e.attendees ?? []) {
    const address = a.emailAddress?.address;
    if (!address || address.toLowerCase() === organizer) continue;
    if (!out.some((x) => x.toLowerCase() === address.toLowerCase())) out.push(address);
  }
  return out;
}

/**
 * Records one meeting mail, if it goes to anyone. Called inside the change that caused it (a
 * `store.mutate`), so the record is persisted with it.
 */
export function recordMeetingMail(
  tenant: Tenant,
  mail: Omit<OutboxEntry, 'at' | 'to'> & { to: readonly string[] },
): void {
  if (mail.to.length === 0) return;
  const { seriesMasterICalUId, ...rest } = mail;
  (tenant.store.state.outbox ??= []).push({
    ...rest,
    ...(seriesMasterICalUId === undefined ? {} : { seriesMasterICalUId }),
    to: [...mail.to],
    at: tenant.clock.iso(),
  });
}

/** The recorded mails, oldest first; with an iCalUId, those about that item or that series. */
export function outboxOf(state: TenantState, iCalUId?: string): OutboxEntry[] {
  const all = state.outbox ?? [];
  if (iCalUId === undefined) return [...all];
  return all.filter((m) => m.iCalUId === iCalUId || m.seriesMasterICalUId === iCalUId);
}
