import type { Deliverable, Expectations } from './schema';

/**
 * Three-way merge of two edits of the same expectations (ARCHITECTURE.md, "Where data lives":
 * a 412 is a conflict to merge or show, never a silent overwrite).
 *
 * `base` is what the person loaded, `mine` what they are saving, `theirs` what the server holds
 * now. Field by field: a field only one side changed takes that side's value; a field both sides
 * changed to the same value is fine; a field both changed differently is a conflict, and the merged
 * value keeps theirs until the person chooses. Deliverables merge one by one (matched by id) and,
 * inside one, field by field; status and obstacle travel together since an obstacle belongs to
 * its status.
 *
 * Example: base purpose "A", agenda []; mine purpose "B"; theirs agenda [x] → purpose "B",
 * agenda [x], no conflicts. Mine purpose "B", theirs purpose "C" → one conflict on the purpose.
 */

export type DeliverablePart = 'title' | 'ownerId' | 'due' | 'status';
type TopField = 'purpose' | 'outcome' | 'agenda' | 'roles' | 'successMetrics';
const TOP_FIELDS: readonly TopField[] = ['purpose', 'outcome', 'agenda', 'roles', 'successMetrics'];
const DELIVERABLE_PARTS: readonly DeliverablePart[] = ['title', 'ownerId', 'due', 'status'];

export type MergeConflict =
  | { kind: 'field'; field: TopField; mine: unknown; theirs: unknown }
  | {
      kind: 'deliverable';
      id: string;
      /** `whole`: one side removed the deliverable while the other changed it. */
      part: DeliverablePart | 'whole';
      mine: Deliverable | undefined;
      theirs: Deliverable | undefined;
    };

export interface MergeResult {
  /** Every non-conflicting change from both sides; conflicting fields hold theirs. */
  merged: Expectations;
  conflicts: MergeConflict[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The value of one part of a deliverable; status and obstacle are one part. */
function partOf(d: Deliverable, part: DeliverablePart): unknown {
  if (part !== 'status') return d[part];
  return ['status', d.status, 'obstacle' in d ? d.obstacle : undefined];
}

function withPart(target: Deliverable, source: Deliverable, part: DeliverablePart): Deliverable {
  if (part !== 'status') return { ...target, [part]: source[part] };
  const { obstacle: _dropped, ...rest } = target as Deliverable & { obstacle?: string };
  const obstacle = 'obstacle' in source ? source.obstacle : undefined;
  return obstacle === undefined
    ? { ...rest, status: source.status }
    : { ...rest, status: source.status, obstacle };
}

/** One deliverable both sides kept: part by part. */
export function mergeDeliverable(
  base: Deliverable | undefined,
  mine: Deliverable,
  theirs: Deliverable,
): { merged: Deliverable; conflicts: DeliverablePart[] } {
  let merged = theirs;
  const conflicts: DeliverablePart[] = [];
  for (const part of DELIVERABLE_PARTS) {
    const b = base === undefined ? undefined : partOf(base, part);
    const m = partOf(mine, part);
    const t = partOf(theirs, part);
    if (same(m, t)) continue;
    const mineChanged = base === undefined || !same(b, m);
    const theirsChanged = base === undefined || !same(b, t);
    if (mineChanged && theirsChanged) conflicts.push(part);
    else if (mineChanged) merged = withPart(merged, mine, part);
  }
  return { merged, conflicts };
}

function mergeDeliverables(
  base: readonly Deliverable[],
  mine: readonly Deliverable[],
  theirs: readonly Deliverable[],
): { merged: Deliverable[]; conflicts: MergeConflict[] } {
  const byId = (list: readonly Deliverable[]) => new Map(list.map((d) => [d.id, d]));
  const b = byId(base);
  const m = byId(mine);
  const t = byId(theirs);
  const conflicts: MergeConflict[] = [];
  const merged: Deliverable[] = [];
  // Their order first, then what only I added, in my order.
  const ids = [...t.keys(), ...[...m.keys()].filter((id) => !t.has(id))];
  for (const id of ids) {
    const bd = b.get(id);
    const md = m.get(id);
    const td = t.get(id);
    if (md && td) {
      const one = mergeDeliverable(bd, md, td);
      merged.push(one.merged);
      for (const part of one.conflicts) {
        conflicts.push({ kind: 'deliverable', id, part, mine: md, theirs: td });
      }
    } else if (td) {
      // Absent from mine: I removed it (if it was in base) or never saw it (they added it).
      if (!bd) merged.push(td);
      else if (!same(bd, td)) {
        conflicts.push({ kind: 'deliverable', id, part: 'whole', mine: undefined, theirs: td });
        merged.push(td);
      }
    } else if (md) {
      // Absent from theirs: they removed it, or I added it.
      if (!bd) merged.push(md);
      else if (!same(bd, md)) {
        conflicts.push({ kind: 'deliverable', id, part: 'whole', mine: md, theirs: undefined });
      }
    }
  }
  return { merged, conflicts };
}

/** See the module comment. `base` undefined: both sides created the record from nothing. */
export function mergeExpectations(
  base: Expectations | undefined,
  mine: Expectations,
  theirs: Expectations,
): MergeResult {
  const merged: Expectations = { ...theirs };
  const conflicts: MergeConflict[] = [];
  for (const field of TOP_FIELDS) {
    const m = mine[field];
    const t = theirs[field];
    if (same(m, t)) continue;
    const mineChanged = base === undefined || !same(base[field], m);
    const theirsChanged = base === undefined || !same(base[field], t);
    if (mineChanged && theirsChanged) conflicts.push({ kind: 'field', field, mine: m, theirs: t });
    else if (mineChanged) Object.assign(merged, { [field]: m });
  }
  const deliverables = mergeDeliverables(
    base?.deliverables ?? [],
    mine.deliverables,
    theirs.deliverables,
  );
  merged.deliverables = deliverables.merged;
  conflicts.push(...deliverables.conflicts);
  return { merged, conflicts };
}

/** Applies the person's choice for one conflict to a merge result's value. */
export function resolveConflict(
  value: Expectations,
  conflict: MergeConflict,
  choice: 'mine' | 'theirs',
): Expectations {
  if (conflict.kind === 'field') {
    return { ...value, [conflict.field]: choice === 'mine' ? conflict.mine : conflict.theirs };
  }
  const chosen = choice === 'mine' ? conflict.mine : conflict.theirs;
  const index = value.deliverables.findIndex((d) => d.id === conflict.id);
  const current = index === -1 ? undefined : value.deliverables[index];
  let next: Deliverable | undefined;
  if (conflict.part === 'whole' || chosen === undefined || current === undefined) next = chosen;
  else next = withPart(current, chosen, conflict.part);
  const deliverables = value.deliverables.filter((d) => d.id !== conflict.id);
  if (next !== undefined) deliverables.splice(index === -1 ? deliverables.length : index, 0, next);
  return { ...value, deliverables };
}
