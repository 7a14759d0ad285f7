import type { AgendaTime } from '../../domain/expectations/agenda-time';
import type { TemplatedField } from './expectations-form';
import type {
  DeliverableState,
  InviteOutcome,
  SaveOutcome,
  StoredVersion,
} from '../../domain/ports/expectations';

/** Sentences the meeting tab says after something happened; kept here so they are tested. */

export interface Notice {
  intent: 'success' | 'warning' | 'info';
  text: string;
}

export function inviteMessage(invite: InviteOutcome): Notice {
  if (invite === 'updated') return { intent: 'success', text: 'Invite updated for attendees.' };
  if (invite === 'unchanged') {
    return { intent: 'info', text: 'Invite unchanged — no update sent.' };
  }
  if (invite === 'notOrganizer') {
    return {
      intent: 'info',
      text: 'Only the organizer’s Rapport can change the invite; it catches up the next time they open this tab.',
    };
  }
  return { intent: 'warning', text: invite.failed };
}

/** What the editor says after a save went through. */
export function savedNotice(outcome: Extract<SaveOutcome, { kind: 'saved' }>): Notice {
  const invite = inviteMessage(outcome.invite);
  // The port does not say whose changes were merged in, only that some were.
  const merged = outcome.merged ? ' Merged with changes made meanwhile by someone else.' : '';
  return {
    intent: invite.intent === 'warning' ? 'warning' : 'success',
    text: `Expectations saved.${merged} ${invite.text}`,
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
  if (who !== undefined && when !== undefined) return `Last changed by ${who} on ${when}`;
  if (who !== undefined) return `Last changed by ${who}`;
  if (when !== undefined) return `Last changed on ${when}`;
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
): string | undefined {
  const by = state.statusSetBy;
  if (by === undefined || by === '' || by === state.deliverable.ownerId) return undefined;
  return `Status set by ${nameOf(by)}, not the owner`;
}

/** "55 of 45 minutes planned — 10 over", "30 of 45 minutes planned, plus 1 untimed item". */
export function agendaTimeText(time: AgendaTime): string {
  const planned = `${String(time.total)} of ${String(time.meetingMinutes)} minutes planned`;
  const over = time.over > 0 ? ` — ${String(time.over)} over` : '';
  const untimed =
    time.untimed === 0
      ? ''
      : `, plus ${String(time.untimed)} untimed ${time.untimed === 1 ? 'item' : 'items'}`;
  return `${planned}${untimed}${over}`;
}

const TEMPLATED_FIELD_NAMES: Record<TemplatedField, string> = {
  purpose: 'purpose',
  outcome: 'outcome',
  agenda: 'agenda',
  successMetrics: 'success metrics',
};

/** What applying a template did: which empty parts it filled, and that typed text stayed. */
export function templateNote(templateName: string, filled: readonly TemplatedField[]): string {
  if (filled.length === 0) {
    return `Nothing filled in: every part “${templateName}” covers already has your text, which is kept.`;
  }
  const names = filled.map((field) => TEMPLATED_FIELD_NAMES[field]);
  const list =
    names.length === 1
      ? (names[0] ?? '')
      : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
  return `Filled in the ${list} from “${templateName}”. Anything you had written is kept.`;
}
