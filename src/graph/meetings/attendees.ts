import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type * as G from '@microsoft/microsoft-graph-types';
import type { Attendee } from '../../domain/ports/expectations';
import type { Person } from '../../domain/meetings/meeting';
import { runBatch } from '../batch';

/**
 * The people of a meeting as the signed-in person's own copy lists them, with their directory ids
 * (roles and deliverables are held by ids, so they survive a changed display name or address).
 * Rooms and resources are left out; an address the directory does not know (a guest, a
 * distribution list) stays in the list without an id, so it can be shown but not given a role.
 */

const statusOf = (err: unknown): number | undefined =>
  err instanceof GraphError ? err.statusCode : undefined;

/** `GET /me?$select=id,displayName,mail,userPrincipalName`. */
export async function getMe(client: Client): Promise<Person> {
  const me = (await client
    .api('/me')
    .select('id,displayName,mail,userPrincipalName')
    .get()) as G.User;
  return {
    id: me.id ?? '',
    displayName: me.displayName ?? '',
    mail: me.mail ?? me.userPrincipalName ?? '',
  };
}

/** `GET /me/events/{id}?$select=organizer,attendees`: the people on the person's own copy. */
export async function getEventPeople(
  client: Client,
  eventId: string,
): Promise<{ organizer?: G.Recipient; attendees: G.Attendee[] }> {
  const event = (await client
    .api(`/me/events/${encodeURIComponent(eventId)}`)
    .select('organizer,attendees')
    .get()) as G.Event;
  return {
    ...(event.organizer ? { organizer: event.organizer } : {}),
    attendees: event.attendees ?? [],
  };
}

/** `POST /$batch` of `GET /users/{mail}` (20 at a time): directory ids by lower-cased address. */
export async function lookUpUsers(
  client: Client,
  mails: readonly string[],
): Promise<Map<string, G.User>> {
  const unique = [...new Set(mails.map((m) => m.toLowerCase()))];
  const results = await runBatch(
    client,
    unique.map((mail, i) => ({
      id: String(i),
      method: 'GET' as const,
      url: `/users/${encodeURIComponent(mail)}?$select=id,displayName,mail`,
    })),
  );
  const out = new Map<string, G.User>();
  unique.forEach((mail, i) => {
    const r = results.get(String(i));
    if (r && r.status < 300) out.set(mail, r.body as G.User);
  });
  return out;
}

/** The meeting's people: organizer first, then attendees, rooms left out, ids where known. */
export async function meetingPeople(client: Client, eventId: string): Promise<Attendee[]> {
  let people: { organizer?: G.Recipient; attendees: G.Attendee[] };
  try {
    people = await getEventPeople(client, eventId);
  } catch (err) {
    if (statusOf(err) === 404) return [];
    throw err;
  }
  const entries: { name: string; mail: string; isOrganizer: boolean }[] = [];
  const organizerMail = people.organizer?.emailAddress?.address ?? '';
  if (organizerMail !== '') {
    entries.push({
      name: people.organizer?.emailAddress?.name ?? organizerMail,
      mail: organizerMail,
      isOrganizer: true,
    });
  }
  for (const a of people.attendees) {
    const mail = a.emailAddress?.address ?? '';
    if (mail === '' || a.type === 'resource') continue;
    if (entries.some((e) => e.mail.toLowerCase() === mail.toLowerCase())) continue;
    entries.push({ name: a.emailAddress?.name ?? mail, mail, isOrganizer: false });
  }
  const users = await lookUpUsers(
    client,
    entries.map((e) => e.mail),
  );
  return entries.map((e) => {
    const user = users.get(e.mail.toLowerCase());
    return {
      ...(user?.id ? { id: user.id } : {}),
      name: user?.displayName ?? e.name,
      mail: e.mail,
      isOrganizer: e.isOrganizer,
    };
  });
}
