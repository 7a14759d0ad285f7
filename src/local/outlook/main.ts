/// <reference types="office-js" />
import { TENANT_URL, HOST_TENANT_ID } from '../host/config';
import { TenantClient, type TenantPerson } from '../host/tenant-client';
import {
  createComposeMailbox,
  type ComposeAttendeeState,
  type ComposeState,
  type StandInMailbox,
} from './compose-item';
import { localNaaBridge, type NestedAppAuthBridge } from './naa';

/**
 * The local Outlook compose host (outlook-host.html). The page holds a meeting being composed and
 * lends Rapport's task pane (addin.html, framed from this origin) its stand-in for
 * `Office.context.mailbox` and a nested app auth bridge for the organizer as
 * `window.rapportLocalOutlook`, set before the frame is created. The real office.js loads here too
 * (for Office's enums) and in the pane.
 *
 * As Outlook does with Exchange: `saveAsync` saves the meeting as a draft in the organizer's
 * calendar on the local tenant (nobody else sees it); "Send" sends that draft (creating it first
 * when never saved), so every attendee gets their copy; "Discard" deletes a draft never sent.
 * `?item=<event id>` opens one of the organizer's sent meetings instead, whose "Send" is an update
 * (`PATCH /me/events/{id}`).
 */

declare global {
  interface Window {
    rapportLocalOutlook?: StandInMailbox & { nestedAppAuthBridge: NestedAppAuthBridge };
  }
}

const byId = (id: string): HTMLElement => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`outlook-host.html lacks #${id}`);
  return el;
};

const form = byId('compose') as HTMLFormElement;
const organizer = byId('organizer') as HTMLSelectElement;
const subject = byId('subject') as HTMLInputElement;
const start = byId('start') as HTMLInputElement;
const end = byId('end') as HTMLInputElement;
const required = byId('required') as HTMLInputElement;
const optional = byId('optional') as HTMLInputElement;
const body = byId('body') as HTMLTextAreaElement;
const online = byId('online') as HTMLInputElement;
const discard = byId('discard') as HTMLButtonElement;
const itemId = byId('item-id') as HTMLOutputElement;
const status = byId('send-status') as HTMLParagraphElement;
const pane = byId('pane') as HTMLDivElement;

const tenant = new TenantClient(TENANT_URL, HOST_TENANT_ID);
const query = new URLSearchParams(window.location.search);

/** "2026-12-07T15:00" (datetime-local, read as UTC) ↔ Date. */
const fromInput = (value: string): Date => new Date(`${value}:00Z`);
const toInput = (date: Date): string => date.toISOString().slice(0, 16);

const nameByMail = new Map<string, string>();
const attendees = (text: string): ComposeAttendeeState[] =>
  text
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '')
    .map((email) => ({ email, displayName: nameByMail.get(email.toLowerCase()) ?? email }));

/** The compose form's state, as Outlook holds it. */
function initialState(now: Date): ComposeState {
  const at = new Date(now.getTime());
  at.setUTCDate(at.getUTCDate() + 1);
  at.setUTCHours(15, 0, 0, 0);
  return {
    subject: query.get('subject') ?? '',
    start: at,
    end: new Date(at.getTime() + 60 * 60 * 1000),
    required: attendees(query.get('required') ?? ''),
    optional: attendees(query.get('optional') ?? ''),
    bodyHtml: query.get('body') ?? '',
    itemId: undefined,
  };
}

/** Whether the item was sent (a meeting opened with `?item=`, or after Send). */
let sent = false;

function show(state: ComposeState): void {
  subject.value = state.subject;
  start.value = toInput(state.start);
  end.value = toInput(state.end);
  required.value = state.required.map((a) => a.email).join(', ');
  optional.value = state.optional.map((a) => a.email).join(', ');
  body.value = state.bodyHtml;
  itemId.value = state.itemId ?? 'not saved';
}

const people: TenantPerson[] = [];
const organizerPerson = (): TenantPerson => {
  const person = people.find((p) => p.userPrincipalName === organizer.value);
  if (!person) throw new Error('Pick an organizer first.');
  return person;
};

function bind(state: ComposeState): void {
  subject.addEventListener('input', () => {
    state.subject = subject.value;
  });
  start.addEventListener('change', () => {
    state.start = fromInput(start.value);
  });
  end.addEventListener('change', () => {
    state.end = fromInput(end.value);
  });
  required.addEventListener('change', () => {
    state.required = attendees(required.value);
  });
  optional.addEventListener('change', () => {
    state.optional = attendees(optional.value);
  });
  body.addEventListener('input', () => {
    state.bodyHtml = body.value;
  });
}

interface SavedEvent {
  id: string;
  iCalUId: string;
}

/** The compose form as a Graph event write. */
function eventWrite(state: ComposeState) {
  const graphAttendee = (type: 'required' | 'optional') => (a: ComposeAttendeeState) => ({
    type,
    emailAddress: { address: a.email, name: a.displayName },
  });
  const utc = (d: Date) => ({ dateTime: d.toISOString().replace(/Z$/, ''), timeZone: 'UTC' });
  return {
    subject: state.subject,
    start: utc(state.start),
    end: utc(state.end),
    body: { contentType: 'html', content: state.bodyHtml },
    attendees: [
      ...state.required.map(graphAttendee('required')),
      ...state.optional.map(graphAttendee('optional')),
    ],
    ...(sent ? {} : { isOnlineMeeting: online.checked }),
  };
}

async function call(method: string, url: string, payload?: unknown) {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
  });
  if (!res.ok)
    throw new Error(
      `${method} ${new URL(url).pathname}: ${String(res.status)} ${await res.text()}`,
    );
  return res.status === 204 ? undefined : ((await res.json()) as SavedEvent);
}

const drafts = () =>
  `${TENANT_URL}/_local/people/${encodeURIComponent(organizerPerson().userPrincipalName)}/drafts`;

/**
 * Outlook's save: the organizer's item as a draft on the local tenant (a sent meeting's changes
 * wait for Send too). The tenant's ids hold no '/' or '+', so an event id is its own EWS item id.
 */
async function save(state: ComposeState): Promise<string> {
  const payload = { event: eventWrite(state) };
  const saved = state.itemId
    ? await call('PATCH', `${drafts()}/${encodeURIComponent(state.itemId)}`, payload)
    : await call('POST', drafts(), payload);
  if (!saved) throw new Error('The tenant gave no event');
  return saved.id;
}

async function send(state: ComposeState): Promise<SavedEvent> {
  state.itemId ??= await save(state);
  const done = await call('POST', `${drafts()}/${encodeURIComponent(state.itemId)}/send`, {
    event: eventWrite(state),
  });
  if (!done) throw new Error('The tenant gave no event');
  sent = true;
  return done;
}

/** `?item=`: one of the organizer's sent meetings, as Outlook opens it for editing. */
async function openItem(state: ComposeState, id: string): Promise<void> {
  const { access_token: token } = await tenant.token(organizer.value, 'graph');
  const res = await fetch(
    `${TENANT_URL}/v1.0/me/events/${encodeURIComponent(id)}?$select=id,subject,start,end,attendees,body`,
    {
      headers: {
        authorization: `Bearer ${token}`,
        prefer: 'outlook.timezone="UTC", outlook.body-content-type="html"',
      },
    },
  );
  if (!res.ok) throw new Error(`GET /me/events/${id}: ${String(res.status)}`);
  const e = (await res.json()) as {
    id: string;
    subject: string;
    start: { dateTime: string };
    end: { dateTime: string };
    attendees: { type: string; emailAddress: { address: string; name?: string } }[];
    body: { content: string };
  };
  const person = (a: (typeof e.attendees)[number]) => ({
    email: a.emailAddress.address,
    displayName: a.emailAddress.name ?? a.emailAddress.address,
  });
  Object.assign(state, {
    subject: e.subject,
    start: new Date(`${e.start.dateTime.slice(0, 19)}Z`),
    end: new Date(`${e.end.dateTime.slice(0, 19)}Z`),
    required: e.attendees.filter((a) => a.type !== 'optional').map(person),
    optional: e.attendees.filter((a) => a.type === 'optional').map(person),
    bodyHtml: e.body.content,
    itemId: e.id,
  } satisfies Partial<ComposeState>);
  sent = true;
}

async function start_(): Promise<void> {
  const office = window.Office as typeof Office | undefined;
  if (!office) throw new Error('office.js did not load');
  await office.onReady();
  const [listed, clock, issuer] = await Promise.all([
    tenant.people(),
    tenant.clock(),
    tenant.issuer(),
  ]);
  people.push(...listed);
  for (const p of people) {
    nameByMail.set(p.userPrincipalName.toLowerCase(), p.displayName);
    const option = document.createElement('option');
    option.value = p.userPrincipalName;
    option.textContent = `${p.displayName} (${p.userPrincipalName})`;
    organizer.append(option);
  }
  const wanted = query.get('person');
  const chosen = people.find(
    (p) => p.userPrincipalName.split('@')[0] === wanted || p.userPrincipalName === wanted,
  );
  if (chosen) organizer.value = chosen.userPrincipalName;

  const state = initialState(new Date(clock.now));
  const item = query.get('item');
  if (item) await openItem(state, item);
  online.disabled = sent;
  show(state);
  bind(state);
  window.rapportLocalOutlook = {
    ...createComposeMailbox(
      state,
      { AsyncResultStatus: office.AsyncResultStatus, CoercionType: office.CoercionType },
      { onChange: show, save },
    ),
    nestedAppAuthBridge: localNaaBridge(organizerPerson, {
      tenantId: HOST_TENANT_ID,
      issuer,
      nowSeconds: () => Math.floor(Date.now() / 1000),
      mintToken: (user, audience, scopes) => tenant.token(user, audience, scopes),
    }),
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    status.textContent = 'Sending…';
    send(state).then(
      (done) => {
        show(state);
        discard.disabled = true;
        online.disabled = true;
        status.textContent = `Sent. Event ${done.id}, iCalUId ${done.iCalUId}.`;
        status.dataset.icaluid = done.iCalUId;
        status.dataset.eventid = done.id;
      },
      (err: unknown) => {
        status.textContent = `Not sent: ${err instanceof Error ? err.message : String(err)}`;
      },
    );
  });

  // Outlook deletes a saved meeting discarded unsent, and closes the form with its pane.
  discard.disabled = sent;
  discard.addEventListener('click', () => {
    const draft = state.itemId;
    const gone = draft
      ? call('DELETE', `${drafts()}/${encodeURIComponent(draft)}`)
      : Promise.resolve(undefined);
    gone.then(
      () => {
        pane.replaceChildren();
        for (const control of form.elements) (control as HTMLInputElement).disabled = true;
        status.textContent = draft
          ? `Discarded. The draft ${draft} is no longer in the calendar.`
          : 'Discarded.';
      },
      (err: unknown) => {
        status.textContent = `Not discarded: ${err instanceof Error ? err.message : String(err)}`;
      },
    );
  });

  // The pane comes last: it reads window.rapportLocalOutlook when it starts.
  const frame = document.createElement('iframe');
  frame.title = 'Rapport task pane';
  frame.src = '/addin.html';
  pane.append(frame);
}

start_().catch((err: unknown) => {
  status.textContent = `The local Outlook host could not start: ${err instanceof Error ? err.message : String(err)}`;
});
