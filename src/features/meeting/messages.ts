import type { AgendaTime } from '../../domain/expectations/agenda-time';
import type { TemplatedField } from './expectations-form';
import type {
  DeliverableState,
  InviteOutcome,
  SaveOutcome,
  StoredVersion,
} from '../../domain/ports/expectations';
import { graphText } from '../shared/graph-text';
import { en, type Messages } from '../shared/i18n/en';

/**
 * Sentences the meeting tab says after something happened; kept here so they are tested. Each
 * takes the catalog of the person's language (English when left out).
 */

export interface Notice {
  intent: 'success' | 'warning' | 'info';
  text: string;
}

export function inviteMessage(invite: InviteOutcome, t: Messages = en): Notice {
  if (invite === 'updated') return { intent: 'success', text: t.meeting.inviteUpdated };
  if (invite === 'unchanged') return { intent: 'info', text: t.meeting.inviteUnchanged };
  if (invite === 'inForm') return { intent: 'success', text: t.outlook.inviteInForm };
  if (invite === 'notOrganizer') return { intent: 'info', text: t.meeting.inviteNotOrganizer };
  return {
    intent: 'warning',
    text: invite.words === undefined ? invite.failed : graphText(invite.words, t),
  };
}

/** What the editor says after a save went through. */
export function savedNotice(
  outcome: Extract<SaveOutcome, { kind: 'saved' }>,
  t: Messages = en,
): Notice {
  const invite = inviteMessage(outcome.invite, t);
  // The port does not say whose changes were merged in, only that some were.
  return {
    intent: invite.intent === 'warning' ? 'warning' : 'success',
    text: t.meeting.saved(outcome.merged, invite.text),
  };
}

/**
 * "Last changed by Ana Ruiz on Mar 12, 2026, 9:30 AM", from a stored item's version; undefined
 * when the version says neither who nor when.
 */
export function lastChangedText(
  version: StoredVersion,
  locale: string,
  timeZone?: string,
  t: Messages = en,
): string | undefined {
  const who = version.lastModifiedBy?.displayName;
  const at =
    version.lastModifiedDateTime === undefined ? NaN : Date.parse(version.lastModifiedDateTime);
  const when = Number.isNaN(at)
    ? undefined
    : new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: 'short',
        ...(timeZone === undefined ? {} : { timeZone }),
      }).format(at);
  if (who !== undefined && when !== undefined) return t.meeting.lastChangedByOn(who, when);
  if (who !== undefined) return t.meeting.lastChangedBy(who);
  if (when !== undefined) return t.meeting.lastChangedOn(when);
  return undefined;
}

/**
 * The flag for a status written by someone other than the deliverable's owner (an organizer
 * through the editor, or anyone through raw Graph); undefined when the owner set it or nobody
 * knows who did.
 */
export function statusSetByFlag(
  state: DeliverableState,
  nameOf: (id: string) => string,
  t: Messages = en,
): string | undefined {
  const by = state.statusSetBy;
  if (by === undefined || by === '' || by === state.deliverable.ownerId) return undefined;
  return t.meeting.statusSetBy(nameOf(by));
}

/** "55 of 45 minutes planned — 10 over", "30 of 45 minutes planned, plus 1 untimed item". */
export function agendaTimeText(time: AgendaTime, t: Messages = en): string {
  return t.meeting.agendaTime(time.total, time.meetingMinutes, time.over, time.untimed);
}

/** What applying a template did: which empty parts it filled, and that typed text stayed. */
export function templateNote(
  templateName: string,
  filled: readonly TemplatedField[],
  t: Messages = en,
): string {
  if (filled.length === 0) return t.meeting.templateNothingFilled(templateName);
  const names = filled.map((field) => t.meeting.templatedFields[field]);
  return t.meeting.templateFilled(t.meeting.list(names), templateName);
}
