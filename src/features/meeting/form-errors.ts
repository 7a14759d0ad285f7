/**
 * Validation messages are keyed by the schema's dotted paths ("agenda.2.title"). These helpers put
 * them next to their fields and list them in a summary that says where each one is, so a person
 * using a screen reader can find the field from the summary.
 */

/** The messages for one field, joined, or undefined when it has none. */
export function messageAt(
  errors: Readonly<Record<string, string[]>>,
  path: string,
): string | undefined {
  const messages = errors[path];
  return messages && messages.length > 0 ? messages.join(' ') : undefined;
}

const LIST_ITEM_NAMES: Record<string, string> = {
  agenda: 'Agenda item',
  roles: 'Role',
  deliverables: 'Deliverable',
  successMetrics: 'Success metric',
};

const FIELD_NAMES: Record<string, string> = {
  purpose: 'Purpose',
  outcome: 'Outcome or decision',
  agenda: 'Agenda',
  roles: 'Roles',
  deliverables: 'Deliverables',
  successMetrics: 'Success metrics',
};

/** Where a path points, in words: "Agenda item 3", "Purpose", or "Expectations" for the rest. */
export function describePath(path: string): string {
  const [field = '', index] = path.split('.');
  const item = LIST_ITEM_NAMES[field];
  if (item !== undefined && index !== undefined && /^\d+$/.test(index)) {
    return `${item} ${String(Number(index) + 1)}`;
  }
  return FIELD_NAMES[field] ?? 'Expectations';
}

/** Every message with where it is, in the order the schema reported them. */
export function errorSummary(errors: Readonly<Record<string, string[]>>): string[] {
  return Object.entries(errors).flatMap(([path, messages]) =>
    messages.map((message) => `${describePath(path)}: ${message}`),
  );
}
