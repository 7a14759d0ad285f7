import { seededRandom, shuffleInPlace } from '../random';
import { earlyLateAt, roundAvailability } from './availability';
import type { PlanInput, PlanResult } from './plan-types';
import { andInto, forEachBit, slotAt } from './slot-grid';

/**
 * The naive baseline the planner is measured against, as Icebreaker does it: shuffle, cut into
 * groups of `groupSize`, then look for a slot. No memory of past groups, no working-hours check
 * before grouping, the odd person out. A group with no common free start is left out whole.
 * Only for the benchmark.
 */
export function naivePlan(input: PlanInput): PlanResult {
  const round = roundAvailability(input);
  const people = shuffleInPlace([...round.people], seededRandom(input.seed));
  const size = Math.min(4, Math.max(2, Math.floor(input.groupSize)));
  const result: PlanResult = { groups: [], leftOut: [...round.excluded] };
  for (let i = 0; i < people.length; i += size) {
    const members = people.slice(i, i + size);
    const common = Uint32Array.from(members[0]?.free ?? []);
    for (const m of members.slice(1)) andInto(common, m.free);
    let first = -1;
    forEachBit(common, (cell) => {
      if (first < 0) first = cell;
    });
    const first0 = members[0];
    if (members.length < 2 || first < 0 || !first0) {
      for (const m of members) result.leftOut.push({ id: m.participant.id, reason: 'noPartner' });
      continue;
    }
    result.groups.push({
      memberIds: members.map((m) => m.participant.id),
      slot: slotAt(round.grid, first),
      hostId: first0.participant.id,
      earlyLateIds: earlyLateAt(round, members, first),
    });
  }
  return result;
}
