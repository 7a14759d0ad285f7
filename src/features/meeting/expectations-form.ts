import {
  STATUSES_WITH_OBSTACLE,
  expectationsSchema,
  type Deliverable,
  type DeliverableStatus,
  type Expectations,
  type ExpectationsDraft,
  type ExpectationsInput,
  type RoleKind,
} from '../../domain/expectations/schema';
import { applyTemplate, type ExpectationsTemplate } from '../../domain/expectations/templates';
import type { DeliverableState, SaveRequest } from '../../domain/ports/expectations';
import { en, type Messages } from '../shared/i18n/en';
import { localFieldErrors } from '../shared/validation/localize-issue';

/**
 * The editor's working copy. Inputs hold strings ("" for "not chosen", minutes as typed), so the
 * form can hold anything a person types; the domain schema decides what is valid when they save.
 * Every row has a key of its own so React keeps focus and typed text on the right row when rows
 * move up or down.
 */

export type Scope = SaveRequest['scope'];

export interface AgendaRow {
  key: string;
  title: string;
  /** "" when nobody presents. */
  presenterId: string;
  /** As typed; "" when untimed. */
  minutes: string;
}

export interface RoleRow {
  key: string;
  kind: RoleKind;
  /** Only used by custom roles. */
  label: string;
  holderId: string;
}

export interface StatusPart {
  status: DeliverableStatus;
  /** "" when there is none. */
  obstacle: string;
}

export interface DeliverableRow extends StatusPart {
  /** The deliverable's id, which is also the row's key. */
  id: string;
  title: string;
  ownerId: string;
  /** `YYYY-MM-DD` from a date input; "" until chosen. */
  due: string;
  /** The status the editor showed when it opened (the owner's live one). */
  shown?: StatusPart;
  /** The status in the stored record the form was filled from. */
  stored?: StatusPart;
}

export interface MetricRow {
  key: string;
  text: string;
}

export interface ExpectationsForm {
  purpose: string;
  outcome: string;
  agenda: AgendaRow[];
  roles: RoleRow[];
  deliverables: DeliverableRow[];
  successMetrics: MetricRow[];
  /** The scope of the record the form was filled from; absent for a new or started-over form. */
  source?: Scope;
}

/** The keys that make a draft a complete `Expectations` for one scope. */
export type ExpectationsKeys = Pick<Expectations, 'schemaVersion' | 'meetingKey' | 'seriesKey'>;

let lastKey = 0;
/** Row keys only need to be unique within this page. */
const rowKey = (): string => `row-${String(++lastKey)}`;

const obstacleOf = (d: Deliverable): string => ('obstacle' in d ? d.obstacle : '');
const statusPartOf = (d: Deliverable): StatusPart => ({
  status: d.status,
  obstacle: obstacleOf(d),
});
const sameStatusPart = (a: StatusPart, b: StatusPart): boolean =>
  a.status === b.status &&
  (STATUSES_WITH_OBSTACLE.has(a.status) ? a.obstacle === b.obstacle : true);

export const newAgendaRow = (): AgendaRow => ({
  key: rowKey(),
  title: '',
  presenterId: '',
  minutes: '',
});

export const newRoleRow = (kind: RoleKind = 'facilitator'): RoleRow => ({
  key: rowKey(),
  kind,
  label: '',
  holderId: '',
});

export const newDeliverableRow = (id: string): DeliverableRow => ({
  id,
  title: '',
  ownerId: '',
  due: '',
  status: 'notStarted',
  obstacle: '',
});

export const newMetricRow = (text = ''): MetricRow => ({ key: rowKey(), text });

const agendaRowOf = (item: Expectations['agenda'][number]): AgendaRow => ({
  key: rowKey(),
  title: item.title,
  presenterId: item.presenterId ?? '',
  minutes: item.minutes === undefined ? '' : String(item.minutes),
});

/**
 * A form filled from a stored record (or empty when there is none). Deliverables show their
 * owners' live status (`live`, from each deliverable's own item) rather than the copy in the
 * record, which is only as fresh as the organizer's last save.
 */
export function formFromExpectations(
  expectations: Expectations | undefined,
  options: { source?: Scope; live?: Readonly<Record<string, DeliverableState>> } = {},
): ExpectationsForm {
  if (expectations === undefined) {
    return {
      purpose: '',
      outcome: '',
      agenda: [],
      roles: [],
      deliverables: [],
      successMetrics: [],
    };
  }
  return {
    purpose: expectations.purpose,
    outcome: expectations.outcome,
    agenda: expectations.agenda.map(agendaRowOf),
    roles: expectations.roles.map((role) => ({
      key: rowKey(),
      kind: role.kind,
      label: role.kind === 'custom' ? role.label : '',
      holderId: role.holderId,
    })),
    deliverables: expectations.deliverables.map((d) => {
      const stored = statusPartOf(d);
      const liveDeliverable = options.live?.[d.id]?.deliverable;
      const shown = liveDeliverable ? statusPartOf(liveDeliverable) : stored;
      return {
        id: d.id,
        title: d.title,
        ownerId: d.ownerId,
        due: d.due,
        ...shown,
        shown,
        stored,
      };
    }),
    successMetrics: expectations.successMetrics.map((text) => newMetricRow(text)),
    ...(options.source === undefined ? {} : { source: options.source }),
  };
}

/** The form as the schema's input, exactly as the person sees it. */
export function formToInput(form: ExpectationsForm, keys: ExpectationsKeys): ExpectationsInput {
  return {
    schemaVersion: keys.schemaVersion,
    meetingKey: keys.meetingKey,
    ...(keys.seriesKey === undefined ? {} : { seriesKey: keys.seriesKey }),
    purpose: form.purpose,
    outcome: form.outcome,
    agenda: form.agenda.map((row) => ({
      title: row.title,
      ...(row.presenterId === '' ? {} : { presenterId: row.presenterId }),
      // Number("1.5") and Number("x") reach the schema, which says what is wrong with them.
      ...(row.minutes.trim() === '' ? {} : { minutes: Number(row.minutes) }),
    })),
    roles: form.roles.map((row) =>
      row.kind === 'custom'
        ? { kind: 'custom' as const, label: row.label, holderId: row.holderId }
        : { kind: row.kind, holderId: row.holderId },
    ),
    deliverables: form.deliverables.map((row) => ({
      id: row.id,
      title: row.title,
      ownerId: row.ownerId,
      due: row.due,
      status: row.status,
      ...(STATUSES_WITH_OBSTACLE.has(row.status) ? { obstacle: row.obstacle } : {}),
    })),
    successMetrics: form.successMetrics.map((row) => row.text),
  };
}

export type FormCheck =
  { ok: true; expectations: Expectations } | { ok: false; errors: Record<string, string[]> };

/**
 * Validates the form for a save to `scope` and returns what to save.
 *
 * A deliverable whose status the organizer left as the editor showed it is saved with the status
 * of the record the form came from, not the live one it showed: the service treats a status that
 * differs from the loaded record as the organizer's own change and writes it over the owner's,
 * and the owner may have moved on since the editor opened.
 */
export function checkForm(
  form: ExpectationsForm,
  keys: ExpectationsKeys,
  scope: Scope,
  t: Messages = en,
): FormCheck {
  // The input lets a message say how long a too-long text is.
  const parsed = expectationsSchema.safeParse(formToInput(form, keys), { reportInput: true });
  if (!parsed.success)
    return { ok: false, errors: localFieldErrors(parsed.error, 'expectations', t) };
  if (form.source !== scope) return { ok: true, expectations: parsed.data };
  const rows = new Map(form.deliverables.map((row) => [row.id, row]));
  const deliverables = parsed.data.deliverables.map((d): Deliverable => {
    const row = rows.get(d.id);
    if (!row?.stored || !row.shown || !sameStatusPart(row, row.shown)) return d;
    const { obstacle: _shown, ...rest } = d as Deliverable & { obstacle?: string };
    return STATUSES_WITH_OBSTACLE.has(row.stored.status)
      ? { ...rest, status: row.stored.status, obstacle: row.stored.obstacle }
      : { ...rest, status: row.stored.status };
  });
  return { ok: true, expectations: { ...parsed.data, deliverables } };
}

export type TemplatedField = 'purpose' | 'outcome' | 'agenda' | 'successMetrics';

/**
 * Applies a template through the domain's `applyTemplate`, which only fills what is empty, and
 * reports which fields it filled so the editor can say so.
 */
export function applyTemplateToForm(
  form: ExpectationsForm,
  template: ExpectationsTemplate,
): { form: ExpectationsForm; filled: TemplatedField[] } {
  // Only emptiness matters to applyTemplate for the lists, so rows need not be valid here.
  const draft: ExpectationsDraft = {
    purpose: form.purpose,
    outcome: form.outcome,
    agenda: form.agenda.map((row) => ({ title: row.title })),
    roles: [],
    deliverables: [],
    successMetrics: form.successMetrics.map((row) => row.text),
  };
  const next = applyTemplate(draft, template);
  const filled: TemplatedField[] = [];
  if (next.purpose !== draft.purpose) filled.push('purpose');
  if (next.outcome !== draft.outcome) filled.push('outcome');
  // applyTemplate hands back the draft's own list when it keeps it.
  const agendaFilled = next.agenda !== draft.agenda;
  const metricsFilled = next.successMetrics !== draft.successMetrics;
  if (agendaFilled) filled.push('agenda');
  if (metricsFilled) filled.push('successMetrics');
  return {
    form: {
      ...form,
      purpose: next.purpose,
      outcome: next.outcome,
      agenda: agendaFilled ? next.agenda.map(agendaRowOf) : form.agenda,
      successMetrics: metricsFilled
        ? next.successMetrics.map((text) => newMetricRow(text))
        : form.successMetrics,
    },
    filled,
  };
}

/** The list with the item at `index` moved by `delta` places (unchanged at either end). */
export function moveItem<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  const out = [...list];
  const item = out[index];
  if (item === undefined || target < 0 || target >= out.length) return out;
  out.splice(index, 1);
  out.splice(target, 0, item);
  return out;
}

export const removeItem = <T>(list: readonly T[], index: number): T[] =>
  list.filter((_, i) => i !== index);

export const replaceItem = <T>(list: readonly T[], index: number, item: T): T[] =>
  list.map((current, i) => (i === index ? item : current));

/** The agenda rows' minutes as numbers, for the live agenda-time summary (bad input untimed). */
export function agendaMinutes(rows: readonly AgendaRow[]): { minutes?: number }[] {
  return rows.map((row) => {
    const minutes = Number(row.minutes);
    return row.minutes.trim() !== '' && Number.isInteger(minutes) && minutes > 0 ? { minutes } : {};
  });
}
