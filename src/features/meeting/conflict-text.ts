import { formatDueDate } from '../../domain/expectations/invite-section';
import type { MergeConflict } from '../../domain/expectations/merge';
import type { AgendaItem, Deliverable, Role } from '../../domain/expectations/schema';
import { STATUS_LABELS, roleName } from './labels';

/**
 * Both sides of a conflict as lines of plain text, so the chooser can show them side by side
 * without rendering anything a person typed as markup.
 */

type NameOf = (id: string) => string;

const agendaLines = (items: readonly AgendaItem[], nameOf: NameOf): string[] =>
  items.length === 0
    ? ['No agenda items']
    : items.map((item, i) => {
        const details = [
          ...(item.presenterId === undefined ? [] : [nameOf(item.presenterId)]),
          ...(item.minutes === undefined ? [] : [`${String(item.minutes)} min`]),
        ];
        const title = `${String(i + 1)}. ${item.title}`;
        return details.length === 0 ? title : `${title} — ${details.join(', ')}`;
      });

const roleLines = (roles: readonly Role[], nameOf: NameOf): string[] =>
  roles.length === 0
    ? ['No roles']
    : roles.map((role) => `${roleName(role)}: ${nameOf(role.holderId)}`);

const statusLine = (d: Deliverable): string => {
  const obstacle = 'obstacle' in d ? d.obstacle : undefined;
  return obstacle ? `${STATUS_LABELS[d.status]} — ${obstacle}` : STATUS_LABELS[d.status];
};

const deliverableLine = (d: Deliverable, nameOf: NameOf): string =>
  `${d.title} — ${nameOf(d.ownerId)}, due ${formatDueDate(d.due)}, ${statusLine(d)}`;

/** One side's value as lines. */
export function conflictLines(
  conflict: MergeConflict,
  side: 'mine' | 'theirs',
  nameOf: NameOf,
): string[] {
  if (conflict.kind === 'field') {
    const value = conflict[side];
    switch (conflict.field) {
      case 'purpose':
      case 'outcome':
        return [typeof value === 'string' && value !== '' ? value : 'Nothing written'];
      case 'agenda':
        return agendaLines(value as AgendaItem[], nameOf);
      case 'roles':
        return roleLines(value as Role[], nameOf);
      case 'successMetrics': {
        const metrics = value as string[];
        return metrics.length === 0 ? ['No success metrics'] : metrics;
      }
    }
  }
  const d = conflict[side];
  if (d === undefined) return ['Removed'];
  switch (conflict.part) {
    case 'title':
      return [d.title];
    case 'ownerId':
      return [nameOf(d.ownerId)];
    case 'due':
      return [formatDueDate(d.due)];
    case 'status':
      return [statusLine(d)];
    case 'whole':
      return [deliverableLine(d, nameOf)];
  }
}
