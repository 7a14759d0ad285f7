import type { Role } from '../../domain/expectations/schema';
import type { Attendee } from '../../domain/ports/expectations';
import { en, type Messages } from '../shared/i18n/en';

/** What a role is called: its own label when custom. */
export const roleName = (role: Role, t: Messages = en): string =>
  role.kind === 'custom' ? role.label : t.meeting.roleKinds[role.kind];

/**
 * Names people by id from the meeting's attendees. An id nobody in the meeting has (someone
 * removed from the invite, or a payload written outside the app) reads "Unknown attendee" rather
 * than showing a raw id.
 */
export function attendeeNames(
  attendees: readonly Attendee[],
  t: Messages = en,
): (id: string) => string {
  const names = new Map<string, string>();
  for (const a of attendees) if (a.id) names.set(a.id, a.name || a.mail);
  return (id) => names.get(id) ?? t.meeting.unknownAttendee;
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
