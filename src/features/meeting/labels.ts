import type { DeliverableStatus, Role, RoleKind } from '../../domain/expectations/schema';
import type { Attendee } from '../../domain/ports/expectations';

/** Words for the stored codes; the same words everywhere the meeting tab shows them. */

export const STATUS_LABELS: Record<DeliverableStatus, string> = {
  notStarted: 'Not started',
  onTrack: 'On track',
  atRisk: 'At risk',
  blocked: 'Blocked',
  done: 'Done',
};

export const ROLE_LABELS: Record<RoleKind, string> = {
  facilitator: 'Facilitator',
  noteTaker: 'Note-taker',
  decisionMaker: 'Decision-maker',
  coOrganizer: 'Co-organizer',
  custom: 'Custom',
};

/** What a role is called: its own label when custom. */
export const roleName = (role: Role): string =>
  role.kind === 'custom' ? role.label : ROLE_LABELS[role.kind];

export const UNKNOWN_ATTENDEE = 'Unknown attendee';

/**
 * Names people by id from the meeting's attendees. An id nobody in the meeting has (someone
 * removed from the invite, or a payload written outside the app) reads "Unknown attendee" rather
 * than showing a raw id.
 */
export function attendeeNames(attendees: readonly Attendee[]): (id: string) => string {
  const names = new Map<string, string>();
  for (const a of attendees) if (a.id) names.set(a.id, a.name || a.mail);
  return (id) => names.get(id) ?? UNKNOWN_ATTENDEE;
}

/** Attendees that can hold a role or own a deliverable: only people with a directory id. */
export interface AttendeeOption {
  id: string;
  label: string;
}

/**
 * The people pickers' options. Two attendees with the same name get their address added, so
 * the organizer can tell them apart.
 */
export function attendeeOptions(attendees: readonly Attendee[]): AttendeeOption[] {
  const withId = attendees.filter((a): a is Attendee & { id: string } => Boolean(a.id));
  const count = new Map<string, number>();
  for (const a of withId) count.set(a.name, (count.get(a.name) ?? 0) + 1);
  return withId.map((a) => ({
    id: a.id,
    label: !a.name ? a.mail : (count.get(a.name) ?? 0) > 1 ? `${a.name} (${a.mail})` : a.name,
  }));
}
