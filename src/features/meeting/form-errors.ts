import { en, type Messages } from '../shared/i18n/en';

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

const LIST_FIELDS = ['agenda', 'roles', 'deliverables', 'successMetrics'] as const;
const FIELDS = ['purpose', 'outcome', ...LIST_FIELDS] as const;

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** Where a path points, in words: "Agenda item 3", "Purpose", or "Expectations" for the rest. */
export function describePath(path: string, t: Messages = en): string {
  const where = t.validation.where;
  const [field = '', index] = path.split('.');
  if (isOneOf(LIST_FIELDS, field) && index !== undefined && /^\d+$/.test(index)) {
    return where.item[field](Number(index) + 1);
  }
  return isOneOf(FIELDS, field) ? where.field[field] : where.elsewhere;
}

/** Every message with where it is, in the order the schema reported them. */
export function errorSummary(
  errors: Readonly<Record<string, string[]>>,
  t: Messages = en,
): string[] {
  return Object.entries(errors).flatMap(([path, messages]) =>
    messages.map((message) => `${describePath(path, t)}: ${message}`),
  );
}
