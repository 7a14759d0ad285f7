import type * as G from '@microsoft/microsoft-graph-types';
import { instantToZonedLocal, toIanaZone, zonedLocalToInstant } from '../../../domain/time/zones';
import { instant } from '../../../domain/time/instant';
import type { Tenant } from '../http/context';
import { GraphError, badRequest, notFound } from '../http/graph-error';
import type { StoredEvent, TenantState } from '../store/state';
import { rewriteBodyAsExchange } from './exchange-html';
import type { EventWrite } from './event-input';
import { occurrenceICalUId, occurrenceId, parseOccurrenceId } from './event-ids';
import { expandSeries } from './series';
import { addMeetingChat, renameMeetingChat, syncMeetingChatMembers } from './meeting-chat';
import { TENANT_ID } from '../seed/directory';
import { attendeeAddresses, recordMeetingMail } from './outbox';

const DAY_MS = 86_400_000;

/**
 * The demo organisation has Teams audio conferencing, so its meetings carry a dial-in number
 * beside the conference id, as Graph's documented online meetings do (a fictional 555 number).
 */
export const LOCAL_TOLL_NUMBER = '+1 425 555 0100';

/** Graph writes UTC times with seven fractional digits. */
export const utc = (ms: number): G.DateTimeTimeZone => ({
  dateTime: new Date(ms).toISOString().replace(/\.\d{3}Z$/, '.0000000'),
  timeZone: 'UTC',
});

export function instantOf(dtz: G.DateTimeTimeZone): number {
  const zone = dtz.timeZone ?? 'UTC';
  if (!toIanaZone(zone)) {
    throw new GraphError(
      400,
      'TimeZoneNotSupportedException',
      `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${zone}'.`,
    );
  }
  return zonedLocalToInstant(dtz.dateTime ?? '', zone);
}

/** Re-expresses a UTC time in the zone a caller asked for with `Prefer: outlook.timezone`. */
export function inZone(
  dtz: G.DateTimeTimeZone | null | undefined,
  zone: string | undefined,
): G.DateTimeTimeZone | null | undefined {
  if (!dtz || !zone) return dtz;
  return { dateTime: instantToZonedLocal(instant(instantOf(dtz)), zone), timeZone: zone };
}

function changeKey(tenant: Tenant): string {
  return Buffer.from(tenant.store.nextId('ck')).toString('base64').replace(/=+$/, '');
}

function touch(tenant: Tenant, e: G.Event): void {
  const key = changeKey(tenant);
  e.changeKey = key;
  (e as Record<string, unknown>)['@odata.etag'] = `W/"${key}"`;
  e.lastModifiedDateTime = new Date(tenant.clock.now()).toISOString();
}

function bodyPreview(body: G.ItemBody | null | undefined): string {
  const text = (body?.content ?? '')
    .replace(/<head[\s\S]*?<\/head>/gi, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return text.slice(0, 255);
}

/** The Teams join block Exchange adds to an online meeting's body; edits must keep it. */
export function teamsJoinBlock(joinUrl: string, conferenceId: string): string {
  return (
    '<div style="width:100%"><span style="white-space:nowrap;color:#5F5F5F;opacity:.36">________________________________________________________________________________</span></div>' +
    '<div class="me-email-text" lang="en-US" style="color:#252424;font-family:\'Segoe UI\',\'Helvetica Neue\',Helvetica,Arial,sans-serif">' +
    '<div style="margin-top:24px;margin-bottom:20px"><span style="font-size:24px;color:#252424">Microsoft Teams meeting</span></div>' +
    `<div style="margin-bottom:20px"><div style="margin-top:0px;margin-bottom:0px;font-weight:bold"><span style="font-size:14px;color:#252424">Join on your computer, mobile app or room device</span></div><a class="me-email-headline" href="${joinUrl}" target="_blank" rel="noreferrer noopener" style="font-size:14px;font-family:'Segoe UI Semibold','Segoe UI','Helvetica Neue',Helvetica,Arial,sans-serif;text-decoration:underline;color:#6264a7">Click here to join the meeting</a></div>` +
    `<div style="margin-bottom:20px;margin-top:20px"><span style="font-size:14px;color:#252424">Meeting ID: <span style="font-size:16px;color:#252424">${conferenceId}</span></span></div>` +
    "</div><div style=\"font-size:14px;margin-bottom:4px;font-family:'Segoe UI','Helvetica Neue',Helvetica,Arial,sans-serif\"></div>" +
    '<div style="width:100%"><span style="white-space:nowrap;color:#5F5F5F;opacity:.36">________________________________________________________________________________</span></div>'
  );
}

/** The join block an online meeting's body keeps through every body write. */
function joinBlockOf(e: G.Event): string | undefined {
  const online = e.onlineMeeting;
  return online?.joinUrl ? teamsJoinBlock(online.joinUrl, online.conferenceId ?? '') : undefined;
}

function insertBeforeBodyEnd(html: string, block: string): string {
  const at = html.toLowerCase().lastIndexOf('</body>');
  return at < 0 ? html + block : html.slice(0, at) + block + html.slice(at);
}

function normaliseBody(
  input: { contentType: 'html' | 'text'; content: string } | undefined,
  joinBlock?: string,
): G.ItemBody {
  const given = input ?? { contentType: 'html' as const, content: '' };
  let html = given.contentType === 'text' ? textToHtml(given.content) : given.content;
  if (joinBlock && !html.includes('me-email-headline')) html = insertBeforeBodyEnd(html, joinBlock);
  return rewriteBodyAsExchange({ contentType: 'html', content: html });
}

function textToHtml(text: string): string {
  const escaped = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, '<br>');
  return `<div>${escaped}</div>`;
}

interface TeamsMeeting {
  chatId: string;
  joinUrl: string;
  conferenceId: string;
}

/** The Teams meeting (and meeting chat id) an event gets when it goes online. */
function teamsMeetingFor(state: TenantState, eventId: string, organizerId: string): TeamsMeeting {
  const chatId = `19:meeting_${Buffer.from(eventId).toString('base64url')}@thread.v2`;
  return {
    chatId,
    joinUrl: `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(chatId)}/0?context=${encodeURIComponent(JSON.stringify({ Tid: TENANT_ID, Oid: organizerId }))}`,
    conferenceId: String(100_000_000 + ((state.sequence * 7919) % 900_000_000)),
  };
}

function onlineMeetingOf(m: TeamsMeeting): G.OnlineMeetingInfo {
  return { joinUrl: m.joinUrl, conferenceId: m.conferenceId, tollNumber: LOCAL_TOLL_NUMBER };
}

type LocationInput = NonNullable<EventWrite['location']>;

/**
 * A location as Exchange stores it: locationType defaults to "default"; the event's own location
 * and any location with an address or coordinates become a "private" location whose uniqueId is
 * its name, while a bare name in `locations` stays "unknown" with an empty uniqueId (as Graph's
 * documented events show).
 */
function locationOf(input: LocationInput | undefined, primary: boolean): G.Location {
  const {
    displayName = '',
    locationType = 'default',
    uniqueId,
    uniqueIdType,
    ...rest
  } = input ?? {};
  const resolved =
    displayName !== '' && (primary || rest.address !== undefined || rest.coordinates !== undefined);
  return {
    displayName,
    locationType,
    ...(resolved
      ? { uniqueId: uniqueId ?? displayName, uniqueIdType: uniqueIdType ?? 'private' }
      : {
          ...(primary && uniqueId === undefined ? {} : { uniqueId: uniqueId ?? '' }),
          uniqueIdType: uniqueIdType ?? 'unknown',
        }),
    ...rest,
  };
}

/** Graph sets a series' recurrenceTimeZone to the start's zone when the client leaves it out. */
function withRecurrenceZone(
  recurrence: EventWrite['recurrence'],
  startZone: string | null | undefined,
): G.PatternedRecurrence | null {
  if (!recurrence) return null;
  const recurrenceTimeZone = recurrence.range.recurrenceTimeZone ?? startZone ?? 'UTC';
  return { ...recurrence, range: { ...recurrence.range, recurrenceTimeZone } };
}

function resolvePeople(state: TenantState, attendees: readonly G.Attendee[]): Map<string, string> {
  const byMail = new Map<string, string>();
  for (const u of Object.values(state.users))
    if (u.mail && u.id) byMail.set(u.mail.toLowerCase(), u.id);
  const ids = new Map<string, string>();
  for (const a of attendees) {
    const address = a.emailAddress?.address?.toLowerCase();
    const id = address ? byMail.get(address) : undefined;
    if (address && id) ids.set(address, id);
  }
  return ids;
}

function checkTimes(e: G.Event): void {
  if (!e.start || !e.end)
    throw badRequest('An event needs both a start and an end.', 'ErrorInvalidRequest');
  if (instantOf(e.end) < instantOf(e.start)) {
    throw badRequest(
      'The end time of the event must be after its start time.',
      'ErrorInvalidRequest',
    );
  }
}

/**
 * POST /me/events: the organizer's item plus one copy per attendee in the tenant, all sharing an
 * iCalUId; a Teams meeting also gets a join URL and a meeting chat.
 *
 * `draft` is Outlook saving a meeting it has not sent (Graph cannot make one; the local Outlook
 * compose host can): the organizer's item only, `isDraft: true`, no copies, no mail, no chat,
 * until `sendDraft`.
 */
export function createEvent(
  tenant: Tenant,
  ownerId: string,
  input: EventWrite,
  options: { draft?: boolean } = {},
): { event: G.Event; created: boolean } {
  const draft = options.draft === true;
  const state = tenant.store.state;
  if (input.transactionId) {
    const existingId = state.transactions[`${ownerId}:${input.transactionId}`];
    const existing = existingId ? state.events[existingId] : undefined;
    if (existing) return { event: existing.event, created: false };
  }
  const { start, end } = input;
  if (!start || !end)
    throw badRequest('An event needs both a start and an end.', 'ErrorInvalidRequest');
  const organizer = state.users[ownerId];
  if (!organizer) throw notFound('The mailbox was not found.', 'ErrorMailboxNotFound');

  return tenant.store.mutate(() => {
    const id = tenant.store.nextId('AAMkAGEv');
    const now = new Date(tenant.clock.now()).toISOString();
    const iCalUId =
      '040000008200E00074C5B7101A82E008000000' +
      Buffer.from(id).toString('hex').toUpperCase().padStart(40, '0');
    const online = input.isOnlineMeeting === true;
    const meeting = teamsMeetingFor(state, id, ownerId);
    const joinUrl = online ? meeting.joinUrl : undefined;
    const attendees: G.Attendee[] = (input.attendees ?? []).map((a) => ({
      type: a.type,
      status: { response: 'none', time: '0001-01-01T00:00:00Z' },
      emailAddress: {
        name: a.emailAddress.name ?? a.emailAddress.address,
        address: a.emailAddress.address,
      },
    }));
    const event: G.Event = {
      id,
      createdDateTime: now,
      lastModifiedDateTime: now,
      changeKey: '',
      categories: input.categories ?? [],
      transactionId: input.transactionId ?? null,
      originalStartTimeZone: start.timeZone,
      originalEndTimeZone: end.timeZone,
      iCalUId,
      reminderMinutesBeforeStart: input.reminderMinutesBeforeStart ?? 15,
      isReminderOn: input.isReminderOn ?? true,
      hasAttachments: false,
      subject: input.subject ?? '',
      bodyPreview: '',
      importance: input.importance ?? 'normal',
      sensitivity: input.sensitivity ?? 'normal',
      isAllDay: input.isAllDay ?? false,
      isCancelled: false,
      isOrganizer: true,
      responseRequested: input.responseRequested ?? true,
      seriesMasterId: null,
      showAs: input.showAs ?? 'busy',
      type: input.recurrence ? 'seriesMaster' : 'singleInstance',
      webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
      onlineMeetingUrl: null,
      isOnlineMeeting: online,
      onlineMeetingProvider: online
        ? (input.onlineMeetingProvider ?? 'teamsForBusiness')
        : 'unknown',
      allowNewTimeProposals: input.allowNewTimeProposals ?? true,
      isDraft: draft,
      hideAttendees: input.hideAttendees ?? false,
      responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
      body: normaliseBody(
        input.body,
        joinUrl ? teamsJoinBlock(joinUrl, meeting.conferenceId) : undefined,
      ),
      start: utc(instantOf(start)),
      end: utc(instantOf(end)),
      location: locationOf(input.location, true),
      locations: (
        input.locations ??
        (input.location?.displayName ? [{ displayName: input.location.displayName }] : [])
      ).map((l) => locationOf(l, false)),
      recurrence: withRecurrenceZone(input.recurrence, start.timeZone),
      attendees,
      organizer: {
        emailAddress: { name: organizer.displayName ?? '', address: organizer.mail ?? '' },
      },
      onlineMeeting: online ? onlineMeetingOf(meeting) : null,
    };
    checkTimes(event);
    event.bodyPreview = bodyPreview(event.body);
    touch(tenant, event);
    const stored: StoredEvent = { owner: ownerId, event, attendeeCopies: {} };
    state.events[id] = stored;
    if (input.transactionId) state.transactions[`${ownerId}:${input.transactionId}`] = id;
    if (!draft) invite(tenant, stored);
    return { event, created: true };
  });
}

/** What sending a meeting does: attendees' copies, the mail, and a Teams meeting's chat. */
function invite(tenant: Tenant, stored: StoredEvent): void {
  const event = stored.event;
  const sentBefore = Object.keys(stored.attendeeCopies ?? {}).length > 0;
  syncAttendeeCopies(tenant, stored);
  recordMeetingMail(tenant, {
    kind: sentBefore ? 'update' : 'request',
    organizerId: stored.owner,
    iCalUId: event.iCalUId ?? '',
    subject: event.subject ?? '',
    to: attendeeAddresses(event),
  });
  if (event.onlineMeeting && !meetingChatIdOf(tenant, event)) {
    addMeetingChat(tenant, {
      chatId: teamsMeetingFor(tenant.store.state, event.id ?? '', stored.owner).chatId,
      event,
      organizerId: stored.owner,
      memberIds: memberIdsOf(tenant, stored),
    });
  }
}

/**
 * Outlook's save of a meeting being composed: the organizer's item changes and becomes a draft
 * (for a meeting already sent, Graph's "updated in Outlook but the updates not sent"); nobody
 * else sees the change until `sendDraft`.
 */
export function saveDraft(tenant: Tenant, ownerId: string, id: string, patch: EventWrite): G.Event {
  const stored = findStored(tenant, ownerId, id);
  if (stored.event.isOrganizer !== true) {
    throw new GraphError(403, 'ErrorAccessDenied', 'Only the organizer composes the meeting.');
  }
  tenant.store.mutate(() => {
    stored.event.isDraft = true;
  });
  return updateEvent(tenant, ownerId, id, patch);
}

/** Outlook's Send on a saved draft: it stops being a draft and goes to everyone invited. */
export function sendDraft(tenant: Tenant, ownerId: string, id: string): G.Event {
  const stored = findStored(tenant, ownerId, id);
  if (stored.event.isDraft !== true) {
    throw badRequest('The meeting was already sent.', 'ErrorInvalidRequest');
  }
  return tenant.store.mutate(() => {
    stored.event.isDraft = false;
    touch(tenant, stored.event);
    invite(tenant, stored);
    return stored.event;
  });
}

function memberIdsOf(tenant: Tenant, organizerCopy: StoredEvent): string[] {
  return [organizerCopy.owner, ...Object.keys(organizerCopy.attendeeCopies ?? {})].filter(
    (v, i, a) => a.indexOf(v) === i && tenant.store.state.users[v],
  );
}

/** Fields that an organizer's change carries to every attendee copy. */
const PROPAGATED: readonly (keyof G.Event)[] = [
  'subject',
  'body',
  'bodyPreview',
  'start',
  'end',
  'location',
  'locations',
  'attendees',
  'recurrence',
  'isAllDay',
  'importance',
  'sensitivity',
  'isOnlineMeeting',
  'onlineMeetingProvider',
  'onlineMeeting',
  'originalStartTimeZone',
  'originalEndTimeZone',
  'type',
  'hideAttendees',
  'allowNewTimeProposals',
  'isCancelled',
];

/** Creates, refreshes or cancels attendee copies so they match the organizer's item. */
function syncAttendeeCopies(tenant: Tenant, organizerCopy: StoredEvent): void {
  const state = tenant.store.state;
  const org = organizerCopy.event;
  const people = resolvePeople(state, org.attendees ?? []);
  const wanted = new Set([...people.values()].filter((id) => id !== organizerCopy.owner));
  const copies = (organizerCopy.attendeeCopies ??= {});

  for (const userId of wanted) {
    const copyId = copies[userId];
    const existing = copyId ? state.events[copyId] : undefined;
    if (existing) {
      for (const key of PROPAGATED)
        (existing.event as Record<string, unknown>)[key] = structuredClone(org[key]);
      existing.exceptions = structuredClone(organizerCopy.exceptions);
      existing.cancelled = structuredClone(organizerCopy.cancelled);
      touch(tenant, existing.event);
      continue;
    }
    const id = tenant.store.nextId('AAMkAGEv');
    const copy: G.Event = {
      ...structuredClone(org),
      id,
      isOrganizer: false,
      transactionId: null,
      responseStatus: { response: 'notResponded', time: '0001-01-01T00:00:00Z' },
      webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
    };
    touch(tenant, copy);
    state.events[id] = {
      owner: userId,
      event: copy,
      organizerEventId: org.id ?? '',
      exceptions: structuredClone(organizerCopy.exceptions),
      cancelled: structuredClone(organizerCopy.cancelled),
    };
    copies[userId] = id;
  }
  // People taken off the invite get a cancellation, as Exchange sends them.
  for (const [userId, copyId] of Object.entries(copies)) {
    if (wanted.has(userId)) continue;
    const removed = state.events[copyId];
    if (removed) cancelCopy(tenant, removed);
    delete copies[userId];
  }
}

function cancelCopy(tenant: Tenant, copy: StoredEvent): void {
  copy.event.isCancelled = true;
  if (!copy.event.subject?.startsWith('Canceled: '))
    copy.event.subject = `Canceled: ${copy.event.subject ?? ''}`;
  touch(tenant, copy.event);
}

export function findStored(tenant: Tenant, ownerId: string, id: string): StoredEvent {
  const stored = tenant.store.state.events[id];
  if (!stored || stored.owner !== ownerId) throw notFound();
  return stored;
}

function checkEtag(e: G.Event, ifMatch: string | undefined): void {
  if (ifMatch === undefined || ifMatch === '*') return;
  const current = (e as Record<string, unknown>)['@odata.etag'];
  if (ifMatch !== current && ifMatch !== e.changeKey) {
    throw new GraphError(
      412,
      'ErrorIrresolvableConflict',
      'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
    );
  }
}

/** PATCH /me/events/{id}. An organizer's change reaches every attendee copy; an attendee's stays in their own. */
export function updateEvent(
  tenant: Tenant,
  ownerId: string,
  id: string,
  patch: EventWrite,
  ifMatch?: string,
): G.Event {
  const occurrence = parseOccurrenceId(id);
  if (occurrence) return updateOccurrence(tenant, ownerId, occurrence, patch, ifMatch);
  const stored = findStored(tenant, ownerId, id);
  checkEtag(stored.event, ifMatch);
  if (patch.transactionId !== undefined)
    throw badRequest('transactionId cannot be changed.', 'ErrorInvalidPropertyUpdateSentItem');
  return tenant.store.mutate(() => {
    const e = stored.event;
    const invitedBefore = attendeeAddresses(e);
    const { body, start, end, location, locations, recurrence, ...rest } = patch;
    // Going online is done once, by the organizer: Teams creates the meeting and its chat.
    const goesOnline = rest.isOnlineMeeting === true && !e.onlineMeeting && e.isOrganizer === true;
    Object.assign(e, rest);
    if (start) {
      e.start = utc(instantOf(start));
      e.originalStartTimeZone = start.timeZone;
    }
    if (end) {
      e.end = utc(instantOf(end));
      e.originalEndTimeZone = end.timeZone;
    }
    if (location) e.location = locationOf(location, true);
    if (locations) e.locations = locations.map((l) => locationOf(l, false));
    if (recurrence !== undefined) {
      e.recurrence = withRecurrenceZone(recurrence, e.originalStartTimeZone);
      e.type = recurrence ? 'seriesMaster' : 'singleInstance';
    }
    const meeting = goesOnline
      ? teamsMeetingFor(tenant.store.state, e.id ?? '', ownerId)
      : undefined;
    if (meeting) {
      e.onlineMeeting = onlineMeetingOf(meeting);
      e.onlineMeetingProvider = rest.onlineMeetingProvider ?? 'teamsForBusiness';
      if (!body) {
        e.body = normaliseBody(
          { contentType: 'html', content: e.body?.content ?? '' },
          teamsJoinBlock(meeting.joinUrl, meeting.conferenceId),
        );
        e.bodyPreview = bodyPreview(e.body);
      }
    }
    if (patch.attendees) {
      const previous = new Map(
        (e.attendees ?? []).map((a) => [a.emailAddress?.address?.toLowerCase(), a.status]),
      );
      e.attendees = patch.attendees.map((a) => ({
        type: a.type,
        status: previous.get(a.emailAddress.address.toLowerCase()) ?? {
          response: 'none',
          time: '0001-01-01T00:00:00Z',
        },
        emailAddress: {
          name: a.emailAddress.name ?? a.emailAddress.address,
          address: a.emailAddress.address,
        },
      }));
    }
    if (body) {
      e.body = normaliseBody(body, joinBlockOf(e));
      e.bodyPreview = bodyPreview(e.body);
    }
    checkTimes(e);
    touch(tenant, e);
    // A draft reaches nobody until it is sent; Send carries its latest state.
    if (e.isOrganizer && e.isDraft !== true) {
      syncAttendeeCopies(tenant, stored);
      mailChange(tenant, ownerId, e, invitedBefore);
      if (meeting) {
        addMeetingChat(tenant, {
          chatId: meeting.chatId,
          event: e,
          organizerId: ownerId,
          memberIds: memberIdsOf(tenant, stored),
        });
      }
      const chat = meetingChatIdOf(tenant, e);
      if (chat) {
        if (patch.subject !== undefined) renameMeetingChat(tenant, chat, e.subject ?? '');
        if (patch.attendees) syncMeetingChatMembers(tenant, chat, memberIdsOf(tenant, stored));
      }
    }
    return e;
  });
}

/**
 * What an organizer's PATCH emails: an update to everyone invited now (Exchange sends it whatever
 * the PATCH changed, even nothing) and a cancellation to anyone the PATCH took off the invite.
 */
function mailChange(tenant: Tenant, ownerId: string, e: G.Event, invitedBefore: string[]): void {
  const now = new Set(attendeeAddresses(e).map((a) => a.toLowerCase()));
  const mail = { organizerId: ownerId, iCalUId: e.iCalUId ?? '', subject: e.subject ?? '' };
  recordMeetingMail(tenant, {
    ...mail,
    kind: 'cancellation',
    to: invitedBefore.filter((a) => !now.has(a.toLowerCase())),
  });
  recordMeetingMail(tenant, { ...mail, kind: 'update', to: attendeeAddresses(e) });
}

/** The mail about one occurrence of a series: it names the occurrence and its series. */
function mailOccurrence(
  tenant: Tenant,
  kind: 'update' | 'cancellation',
  master: StoredEvent,
  originalStartMs: number,
): void {
  const m = master.event;
  const subject = master.exceptions?.[String(originalStartMs)]?.subject ?? m.subject ?? '';
  recordMeetingMail(tenant, {
    kind,
    organizerId: master.owner,
    iCalUId: occurrenceICalUId(m.iCalUId ?? '', originalStartMs),
    seriesMasterICalUId: m.iCalUId ?? '',
    subject,
    to: attendeeAddresses(m),
  });
}

function meetingChatIdOf(tenant: Tenant, e: G.Event): string | undefined {
  return Object.keys(tenant.store.state.chats).find(
    (id) => tenant.store.state.chats[id]?.chat.onlineMeetingInfo?.calendarEventId === e.id,
  );
}

/**
 * Moving, renaming or rewriting the body of one occurrence makes it an exception on the series,
 * for everyone invited. An occurrence carries its series' ETag, which every such change renews.
 */
function updateOccurrence(
  tenant: Tenant,
  ownerId: string,
  occ: { masterId: string; originalStartMs: number },
  patch: EventWrite,
  ifMatch: string | undefined,
): G.Event {
  const master = findStored(tenant, ownerId, occ.masterId);
  if (!master.event.isOrganizer)
    throw new GraphError(
      403,
      'ErrorAccessDenied',
      'Only the organizer can change an occurrence for everyone.',
    );
  checkEtag(master.event, ifMatch);
  const current = getOccurrence(tenant, master, occ.originalStartMs);
  if (!current) throw notFound();
  tenant.store.mutate(() => {
    const key = String(occ.originalStartMs);
    const exceptions = (master.exceptions ??= {});
    const start = patch.start ? utc(instantOf(patch.start)) : (current.start as G.DateTimeTimeZone);
    const end = patch.end ? utc(instantOf(patch.end)) : (current.end as G.DateTimeTimeZone);
    if (instantOf(end) < instantOf(start))
      throw badRequest(
        'The end time of the event must be after its start time.',
        'ErrorInvalidRequest',
      );
    const previous = exceptions[key];
    const body = patch.body ? normaliseBody(patch.body, joinBlockOf(master.event)) : previous?.body;
    exceptions[key] = {
      start,
      end,
      ...(patch.subject !== undefined
        ? { subject: patch.subject }
        : previous?.subject !== undefined
          ? { subject: previous.subject }
          : {}),
      ...(body ? { body, bodyPreview: bodyPreview(body) } : {}),
    };
    touch(tenant, master.event);
    syncAttendeeCopies(tenant, master);
    mailOccurrence(tenant, 'update', master, occ.originalStartMs);
  });
  const updated = getOccurrence(tenant, master, occ.originalStartMs);
  if (!updated) throw notFound();
  return updated;
}

/** DELETE /me/events/{id}: an organizer's delete cancels the meeting for every attendee. */
export function deleteEvent(tenant: Tenant, ownerId: string, id: string): void {
  const occurrence = parseOccurrenceId(id);
  tenant.store.mutate((state) => {
    if (occurrence) {
      const master = findStored(tenant, ownerId, occurrence.masterId);
      if (!getOccurrence(tenant, master, occurrence.originalStartMs)) throw notFound();
      if (master.event.isOrganizer) {
        master.cancelled = [...(master.cancelled ?? []), occurrence.originalStartMs];
        touch(tenant, master.event);
        syncAttendeeCopies(tenant, master);
        mailOccurrence(tenant, 'cancellation', master, occurrence.originalStartMs);
      } else {
        master.cancelled = [...(master.cancelled ?? []), occurrence.originalStartMs];
      }
      return;
    }
    const stored = findStored(tenant, ownerId, id);
    // A draft discarded unsent was never seen by anyone: no cancellation.
    if (stored.event.isOrganizer && stored.event.isDraft !== true) {
      for (const copyId of Object.values(stored.attendeeCopies ?? {})) {
        const copy = state.events[copyId];
        if (copy) cancelCopy(tenant, copy);
      }
      recordMeetingMail(tenant, {
        kind: 'cancellation',
        organizerId: ownerId,
        iCalUId: stored.event.iCalUId ?? '',
        subject: stored.event.subject ?? '',
        to: attendeeAddresses(stored.event),
      });
    } else if (stored.organizerEventId) {
      const org = state.events[stored.organizerEventId];
      if (org?.attendeeCopies) {
        for (const [userId, copyId] of Object.entries(org.attendeeCopies))
          if (copyId === id) delete org.attendeeCopies[userId];
      }
    }
    delete state.events[id];
  });
}

/** The event as its owner sees it, occurrences included. */
export function getEvent(tenant: Tenant, ownerId: string, id: string): G.Event {
  const occurrence = parseOccurrenceId(id);
  if (occurrence) {
    const master = findStored(tenant, ownerId, occurrence.masterId);
    const e = getOccurrence(tenant, master, occurrence.originalStartMs);
    if (!e) throw notFound();
    return e;
  }
  return findStored(tenant, ownerId, id).event;
}

function getOccurrence(
  tenant: Tenant,
  master: StoredEvent,
  originalStartMs: number,
): G.Event | undefined {
  const within = expandSeries(
    master,
    originalStartMs - 400 * DAY_MS,
    originalStartMs + 400 * DAY_MS,
  );
  const hit = within.find((o) => o.originalStart === originalStartMs);
  return hit ? occurrenceEvent(master, hit) : undefined;
}

export function occurrenceEvent(
  master: StoredEvent,
  o: { originalStart: number; start: number; end: number; isException: boolean; subject?: string },
): G.Event {
  const m = master.event;
  const own = master.exceptions?.[String(o.originalStart)];
  return {
    ...structuredClone(m),
    id: occurrenceId(m.id ?? '', o.originalStart),
    type: o.isException ? 'exception' : 'occurrence',
    seriesMasterId: m.id ?? null,
    recurrence: null,
    iCalUId: occurrenceICalUId(m.iCalUId ?? '', o.originalStart),
    originalStart: new Date(o.originalStart).toISOString().replace('.000Z', 'Z'),
    start: utc(o.start),
    end: utc(o.end),
    ...(o.subject !== undefined ? { subject: o.subject } : {}),
    ...(own?.body ? { body: structuredClone(own.body), bodyPreview: own.bodyPreview ?? '' } : {}),
  };
}

/** Every item of one mailbox that overlaps [from, to): single events and expanded occurrences. */
export function eventsInWindow(
  tenant: Tenant,
  ownerId: string,
  from: number,
  to: number,
): G.Event[] {
  const out: G.Event[] = [];
  for (const stored of Object.values(tenant.store.state.events)) {
    if (stored.owner !== ownerId) continue;
    const e = stored.event;
    if (e.type === 'seriesMaster') {
      for (const o of expandSeries(stored, from, to)) out.push(occurrenceEvent(stored, o));
      continue;
    }
    const s = instantOf(e.start ?? {});
    const end = instantOf(e.end ?? {});
    if (s < to && (end > from || (end === s && s >= from))) out.push(e);
  }
  return out.sort(
    (a, b) =>
      instantOf(a.start ?? {}) - instantOf(b.start ?? {}) || (a.id ?? '').localeCompare(b.id ?? ''),
  );
}
