import { formatDueDate } from '../../domain/expectations/invite-section';
import type { MergeConflict } from '../../domain/expectations/merge';
import type { AgendaItem, Deliverable, Role } from '../../domain/expectations/schema';
import { en, type Messages } from '../shared/i18n/en';
import { roleName } from './labels';

/**
 * Both sides of a conflict as lines of plain text, so the chooser can show them side by side
 * without rendering anything a person typed as markup.
 */

type NameOf = (id: string) => string;

const agendaLines = (items: readonly AgendaItem[], nameOf: NameOf, t: Messages): string[] =>
  items.length === 0
    ? [t.meeting.conflict.noAgendaItems]
    : items.map((item, i) => {
        const details = [
          ...(item.presenterId === undefined ? [] : [nameOf(item.presenterId)]),
          ...(item.minutes === undefined ? [] : [t.meeting.minutes(item.minutes)]),
        ];
        const title = `${String(i + 1)}. ${item.title}`;
        return details.length === 0 ? title : `${title} — ${details.join(', ')}`;
      });

const roleLines = (roles: readonly Role[], nameOf: NameOf, t: Messages): string[] =>
  roles.length === 0
    ? [t.meeting.conflict.noRoles]
    : roles.map((role) => `${roleName(role, t)}: ${nameOf(role.holderId)}`);

const statusLine = (d: Deliverable, t: Messages): string => {
  const obstacle = 'obstacle' in d ? d.obstacle : undefined;
  const status = t.meeting.status[d.status];
  return obstacle ? `${status} — ${obstacle}` : status;
};

const deliverableLine = (d: Deliverable, nameOf: NameOf, t: Messages): string =>
  t.meeting.conflict.deliverableLine(
    d.title,
    nameOf(d.ownerId),
    formatDueDate(d.due, t.domainText.dueDate),
    statusLine(d, t),
  );

/** One side's value as lines, in the catalog's language (English when left out). */
export function conflictLines(
  conflict: MergeConflict,
  side: 'mine' | 'theirs',
  nameOf: NameOf,
  t: Messages = en,
): string[] {
  if (conflict.kind === 'field') {
    const value = conflict[side];
    switch (conflict.field) {
      case 'purpose':
      case 'outcome':
        return [
          typeof value === 'string' && value !== '' ? value : t.meeting.conflict.nothingWritten,
        ];
      case 'agenda':
        return agendaLines(value as AgendaItem[], nameOf, t);
      case 'roles':
        return roleLines(value as Role[], nameOf, t);
      case 'successMetrics': {
        const metrics = value as string[];
        return metrics.length === 0 ? [t.meeting.conflict.noSuccessMetrics] : metrics;
      }
    }
  }
  const d = conflict[side];
  if (d === undefined) return [t.meeting.conflict.removed];
  switch (conflict.part) {
    case 'title':
      return [d.title];
    case 'ownerId':
      return [nameOf(d.ownerId)];
    case 'due':
      return [formatDueDate(d.due, t.domainText.dueDate)];
    case 'status':
      return [statusLine(d, t)];
    case 'whole':
      return [deliverableLine(d, nameOf, t)];
  }
}

/** A short label for a conflict, for the choice the person makes ("Purpose", "Deliverable …"). */
export function conflictLabel(conflict: MergeConflict, t: Messages = en): string {
  const words = t.domainText.conflict;
  if (conflict.kind === 'field') return words.fields[conflict.field];
  const title = conflict.theirs?.title ?? conflict.mine?.title ?? conflict.id;
  return words.deliverable(title, words.parts[conflict.part]);
}
