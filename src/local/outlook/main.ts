/// <reference types="office-js" />
import { TENANT_URL, HOST_TENANT_ID } from '../host/config';
import { TenantClient } from '../host/tenant-client';
import {
  createComposeMailbox,
  type ComposeAttendeeState,
  type ComposeState,
  type StandInMailbox,
} from './compose-item';

/**
 * The local Outlook compose host (outlook-host.html). The page holds a meeting being composed and
 * lends Rapport's task pane (addin.html, framed from this origin) its stand-in for
 * `Office.context.mailbox` as `window.rapportLocalOutlook`, set before the frame is created. The
 * real office.js loads here too (for Office's enums) and in the pane. "Send" creates the event in
 * the organizer's calendar on the local tenant through Graph (`POST /me/events`), so every
 * attendee gets their copy; the item id from the pane's last `saveAsync` goes in as the event's
 * `transactionId`, so sending twice makes one event.
 */

declare global {
  interface Window {
    rapportLocalOutlook?: StandInMailbox;
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

function show(state: ComposeState): void {
  subject.value = state.subject;
  start.value = toInput(state.start);
  end.value = toInput(state.end);
  required.value = state.required.map((a) => a.email).join(', ');
  optional.value = state.optional.map((a) => a.email).join(', ');
  body.value = state.bodyHtml;
  itemId.value = state.itemId ?? 'not saved';
}

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

interface CreatedEvent {
  id: string;
  iCalUId: string;
}

async function send(state: ComposeState): Promise<CreatedEvent> {
  const { access_token } = await tenant.token(organizer.value, 'graph');
  const graphAttendee = (type: 'required' | 'optional') => (a: ComposeAttendeeState) => ({
    type,
    emailAddress: { address: a.email, name: a.displayName },
  });
  const utc = (d: Date) => ({ dateTime: d.toISOString().replace(/Z$/, ''), timeZone: 'UTC' });
  const res = await fetch(`${TENANT_URL}/v1.0/me/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      subject: state.subject,
      start: utc(state.start),
      end: utc(state.end),
      body: { contentType: 'html', content: state.bodyHtml },
      attendees: [
        ...state.required.map(graphAttendee('required')),
        ...state.optional.map(graphAttendee('optional')),
      ],
      ...(state.itemId ? { transactionId: state.itemId.slice(0, 250) } : {}),
    }),
  });
  if (!res.ok) throw new Error(`POST /me/events: ${String(res.status)} ${await res.text()}`);
  return (await res.json()) as CreatedEvent;
}

async function start_(): Promise<void> {
  const office = window.Office as typeof Office | undefined;
  if (!office) throw new Error('office.js did not load');
  await office.onReady();
  const [people, clock] = await Promise.all([tenant.people(), tenant.clock()]);
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
  show(state);
  bind(state);
  window.rapportLocalOutlook = createComposeMailbox(
    state,
    { AsyncResultStatus: office.AsyncResultStatus, CoercionType: office.CoercionType },
    { onChange: show },
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    status.textContent = 'Sending…';
    send(state).then(
      (created) => {
        status.textContent = `Sent. Event ${created.id}, iCalUId ${created.iCalUId}.`;
        status.dataset.icaluid = created.iCalUId;
      },
      (err: unknown) => {
        status.textContent = `Not sent: ${err instanceof Error ? err.message : String(err)}`;
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
