import type { Deliverable, Expectations } from './schema';

/**
 * Who may change what. SharePoint only knows team membership, so any member can write any
 * expectations item through raw Graph; these rules are what the UI enforces and what the app checks
 * afterwards to flag a write that broke them (ARCHITECTURE.md, "Who may change what").
 *
 * - The meeting's organizers (from the event) and the co-organizers named in the expectations
 *   may change everything.
 * - A deliverable's owner may change that deliverable's status and obstacle, nothing else.
 * - Everyone else reads.
 *
 * Co-organizers are read from the expectations *before* a change: naming yourself co-organizer
 * does not grant you the right to have done so.
 */

/** The deliverable fields an owner may change. */
export const OWNER_EDITABLE_FIELDS = ['status', 'obstacle'] as const;

const DELIVERABLE_FIELDS = ['title', 'ownerId', 'due', 'status', 'obstacle'] as const;
export type DeliverableField = (typeof DELIVERABLE_FIELDS)[number];

export interface Permissions {
  /** May change every field, add and remove deliverables. */
  canEditAll: boolean;
  /** Deliverables whose status and obstacle this person may change. */
  ownDeliverableIds: ReadonlySet<string>;
}

/** What `actorId` may change in `expectations` (undefined: nothing written yet). */
export function permissionsFor(
  actorId: string,
  organizerIds: readonly string[],
  expectations: Expectations | undefined,
): Permissions {
  const coOrganizer =
    expectations?.roles.some((r) => r.kind === 'coOrganizer' && r.holderId === actorId) ?? false;
  const canEditAll = organizerIds.includes(actorId) || coOrganizer;
  const own = new Set(
    (expectations?.deliverables ?? []).filter((d) => d.ownerId === actorId).map((d) => d.id),
  );
  return { canEditAll, ownDeliverableIds: own };
}

/** Fields that belong to the organizers as a whole (deliverables are checked one by one). */
export const ORGANIZER_FIELDS = [
  'schemaVersion',
  'meetingKey',
  'seriesKey',
  'purpose',
  'outcome',
  'agenda',
  'roles',
  'successMetrics',
] as const;
export type OrganizerField = (typeof ORGANIZER_FIELDS)[number];

export type Violation =
  | { kind: 'created'; message: string }
  | { kind: 'field'; field: OrganizerField; message: string }
  | { kind: 'deliverable'; deliverableId: string; change: 'added' | 'removed'; message: string }
  | {
      kind: 'deliverable';
      deliverableId: string;
      change: 'changed';
      field: DeliverableField;
      message: string;
    };

const FIELD_LABELS: Record<OrganizerField, string> = {
  schemaVersion: 'the version',
  meetingKey: 'the meeting',
  seriesKey: 'the series',
  purpose: 'the purpose',
  outcome: 'the outcome',
  agenda: 'the agenda',
  roles: 'the roles',
  successMetrics: 'the success metrics',
};

const DELIVERABLE_LABELS: Record<DeliverableField, string> = {
  title: 'title',
  ownerId: 'owner',
  due: 'due date',
  status: 'status',
  obstacle: 'obstacle',
};

/** Structural equality for the JSON-shaped values expectations hold. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The changes from `before` to `after` that `actorId` was not allowed to make; empty when the write
 * was within their rights. `before` undefined means the record was created: only an organizer may
 * create one (co-organizers exist only once a record names them).
 *
 * Deliverables are matched by id. A deliverable's owner is its owner in `before`, so handing your
 * deliverable to someone else is itself a violation for anyone but an organizer.
 *
 * Example: attendee "b" owns deliverable "d1"; a write by "b" that sets d1 to blocked with an
 * obstacle returns []; the same write by "c" returns one violation per changed field of d1
 * (status and obstacle).
 */
export function diffViolations(
  before: Expectations | undefined,
  after: Expectations,
  actorId: string,
  organizerIds: readonly string[],
): Violation[] {
  const permissions = permissionsFor(actorId, organizerIds, before);
  if (permissions.canEditAll) return [];
  if (before === undefined) {
    return [{ kind: 'created', message: 'Only an organizer can add expectations to a meeting.' }];
  }

  const violations: Violation[] = [];
  for (const field of ORGANIZER_FIELDS) {
    if (!same(before[field], after[field])) {
      violations.push({
        kind: 'field',
        field,
        message: `Only an organizer can change ${FIELD_LABELS[field]}.`,
      });
    }
  }

  const beforeById = new Map(before.deliverables.map((d) => [d.id, d]));
  const afterById = new Map(after.deliverables.map((d) => [d.id, d]));
  for (const [id, old] of beforeById) {
    const next = afterById.get(id);
    if (next === undefined) {
      violations.push({
        kind: 'deliverable',
        deliverableId: id,
        change: 'removed',
        message: `Only an organizer can remove “${old.title}”.`,
      });
      continue;
    }
    const owner = permissions.ownDeliverableIds.has(id);
    for (const field of changedFields(old, next)) {
      if (owner && (OWNER_EDITABLE_FIELDS as readonly string[]).includes(field)) continue;
      violations.push({
        kind: 'deliverable',
        deliverableId: id,
        change: 'changed',
        field,
        message: owner
          ? `The owner of “${old.title}” can change only its status and obstacle, not its ${DELIVERABLE_LABELS[field]}.`
          : `Only the owner or an organizer can change the ${DELIVERABLE_LABELS[field]} of “${old.title}”.`,
      });
    }
  }
  for (const [id, added] of afterById) {
    if (beforeById.has(id)) continue;
    violations.push({
      kind: 'deliverable',
      deliverableId: id,
      change: 'added',
      message: `Only an organizer can add “${added.title}”.`,
    });
  }
  return violations;
}

function changedFields(a: Deliverable, b: Deliverable): DeliverableField[] {
  const obstacleOf = (d: Deliverable): string | undefined =>
    'obstacle' in d ? d.obstacle : undefined;
  return DELIVERABLE_FIELDS.filter((field) =>
    field === 'obstacle' ? obstacleOf(a) !== obstacleOf(b) : a[field] !== b[field],
  );
}
