/// <reference types="office-js" />
import './strict-csp';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ComposeTaskPane, NotComposingMeeting } from '../features/outlook/compose-task-pane';
import type { AppointmentCompose } from '../domain/ports/appointment-compose';
import { officeAppointmentCompose, type OfficeApi } from '../host/office-appointment';
import { createOfficeHost } from '../host/office-host';
import { Shell, Starting } from './shell';
import { StartupError } from './startup-error';

/**
 * The Outlook add-in's task pane (addin.html, issue 9). addin.html loads office.js from this
 * origin before this module; here the pane waits for `Office.onReady`, takes the appointment
 * being composed through the AppointmentCompose port (src/host/office-appointment.ts) and renders.
 *
 * Outside Outlook, office.js still loads and `Office.onReady` resolves, with no mailbox. On the
 * dev server only, the local Outlook compose host (outlook-host.html, src/local/outlook), which
 * frames this page from the same origin, then lends the mailbox it stands in for: it sets
 * `window.rapportLocalOutlook` on itself before it creates the frame. Production builds drop that
 * branch (`import.meta.env.DEV` is false there), so a built pane uses Office's mailbox only.
 *
 * Then it starts as the Teams tab does (compose.ts, with-services.tsx): the Office host, nested app
 * authentication, Graph and the same services, except that the invite section goes into the form
 * being composed (compose-invite.ts).
 */

/** What the local Outlook compose host lends the pane (dev server only). */
export interface LocalOutlook {
  mailbox: NonNullable<OfficeApi['context']['mailbox']>;
  MailboxEnums: OfficeApi['MailboxEnums'];
  /** office.js defines `CoercionType.Html` only inside Outlook; the local host lends it. */
  CoercionType: OfficeApi['CoercionType'];
  /** Outlook's office.js installs the NAA bridge; the local host lends one for its organizer. */
  nestedAppAuthBridge?: unknown;
}

type NaaWindow = Window & { nestedAppAuthBridge?: unknown };

const element = document.getElementById('root');
if (!element) throw new Error('addin.html lacks #root');
const root = createRoot(element);
const show = (node: React.ReactNode) => {
  root.render(
    <StrictMode>
      <Shell theme="default">{node}</Shell>
    </StrictMode>,
  );
};
show(<Starting />);

function localOutlook(): LocalOutlook | undefined {
  if (!import.meta.env.DEV || window.parent === window) return undefined;
  try {
    return (window.parent as Window & { rapportLocalOutlook?: LocalOutlook }).rapportLocalOutlook;
  } catch {
    return undefined; // a parent of another origin
  }
}

async function start(): Promise<void> {
  const office = (window as Window & { Office?: typeof Office }).Office;
  if (!office) {
    show(<NotComposingMeeting reason="office.js did not load" />);
    return;
  }
  await office.onReady();
  const local = localOutlook();
  // Office's types promise a context with a mailbox, and MailboxEnums; outside Outlook office.js
  // may have neither (framed by a plain page, not even `Office.context`).
  const real = office as {
    context?: {
      mailbox?: Office.Mailbox;
      displayLanguage?: string;
      officeTheme?: { bodyBackgroundColor?: string; isDarkTheme?: boolean };
    };
    MailboxEnums?: typeof Office.MailboxEnums;
    CoercionType: Partial<typeof Office.CoercionType>;
  };
  const mailbox = real.context?.mailbox ?? local?.mailbox;
  const mailboxEnums = real.MailboxEnums ?? local?.MailboxEnums;
  const coercionType =
    real.CoercionType.Html !== undefined ? office.CoercionType : local?.CoercionType;
  if (!mailbox || !mailboxEnums || !coercionType) {
    show(<NotComposingMeeting reason="no Outlook mailbox here" />);
    return;
  }
  let compose: AppointmentCompose;
  try {
    compose = officeAppointmentCompose({
      context: { mailbox },
      AsyncResultStatus: office.AsyncResultStatus,
      CoercionType: coercionType,
      MailboxEnums: mailboxEnums,
    });
  } catch (err) {
    show(<NotComposingMeeting reason={err instanceof Error ? err.message : String(err)} />);
    return;
  }
  // MSAL looks for the bridge once, when it is created, so it must be there first.
  const naaWindow = window as NaaWindow;
  if (naaWindow.nestedAppAuthBridge === undefined && local?.nestedAppAuthBridge !== undefined) {
    naaWindow.nestedAppAuthBridge = local.nestedAppAuthBridge;
  }
  try {
    const [{ compose: composeServices }, { withServices }, { composeInviteWriter }] =
      await Promise.all([
        import('./compose'),
        import('./with-services'),
        import('./compose-invite'),
      ]);
    const services = await composeServices({
      host: createOfficeHost({
        displayLanguage: real.context?.displayLanguage,
        officeTheme: real.context?.officeTheme,
      }),
      writeInvite: composeInviteWriter(compose),
    });
    const App = await withServices(services, () => <ComposeTaskPane compose={compose} />);
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  } catch (err) {
    show(<StartupError error={err} />);
  }
}

start().catch((err: unknown) => {
  show(<NotComposingMeeting reason={err instanceof Error ? err.message : String(err)} />);
});
