import { randomInt, seededRandom, type Random } from '../random';
import {
  earlyLateAt,
  roundAvailability,
  workingOverlap,
  type Candidate,
  type RoundAvailability,
} from './availability';
import type { PastGroup, PlanInput, PlannedGroup, PlanResult } from './plan-types';
import {
  andInto,
  forEachBit,
  hasBit,
  intersects,
  popcount,
  popcountAnd,
  slotAt,
} from './slot-grid';

/**
 * The social-slot planner: a greedy heuristic (grouping people exactly in threes and fours is
 * NP-hard), deterministic for a seed.
 *
 * 1. Everyone's free slot starts are bitsets (see `availability.ts`); people sharing a zone and
 *    working hours share a pattern, and patterns whose working hours overlap enough are paired up
 *    front, so candidates are only looked for where grouping is allowed at all.
 * 2. The most constrained people (fewest compatible people, then fewest free starts) pick first;
 *    each picks, among the first few feasible unmatched candidates, the most constrained one.
 *    Feasible: a common free start with everyone in the group, enough working-hours overlap,
 *    not grouped within the repeat-avoidance window, and (when mixing) not of one sub-team.
 * 3. Repair, for whoever is left: join a group that has room for one more (groupSize + 1), take
 *    a member out of a group of three or more, or swap with a pair whose other member fits
 *    elsewhere. Then the same again allowing repeats and sub-team pairs: a repeat is only made
 *    when no repeat-free partner for that person is still unmatched, so it is unavoidable.
 * 4. Each group's slot maximises a score over its common starts: the preferred part of the day
 *    in each member's own time, early and late hours to members who had few of them, and a
 *    penalty for starts already used by other groups, so slots spread out.
 */

const WEEK_MS = 7 * 24 * 60 * 60_000;
/** Feasible candidates looked at before choosing, and checks made at most, per pick. */
const CANDIDATES_PER_PICK = 4;
const CHECKS_PER_PICK = 600;
/** Pairs tried per left-over person in the swap repair. */
const SWAPS_PER_PERSON = 24;

interface Group {
  members: Candidate[];
  common: Uint32Array;
}

/** Who met whom within the avoidance window, both ways. */
function recentPartners(past: readonly PastGroup[], since: number): Map<string, Set<string>> {
  const partners = new Map<string, Set<string>>();
  for (const group of past) {
    if (group.at < since) continue;
    for (const a of group.memberIds) {
      let set = partners.get(a);
      if (!set) partners.set(a, (set = new Set()));
      for (const b of group.memberIds) if (a !== b) set.add(b);
    }
  }
  return partners;
}

class Planner {
  private readonly random: Random;
  private readonly recent: Map<string, Set<string>>;
  private readonly rank: Int32Array;
  private readonly compatibleWith: number[][];
  /** Unmatched people by pattern, with each one's position for O(1) removal. */
  private readonly pool: number[][];
  private readonly poolPos: Int32Array;
  readonly groups: Group[] = [];

  constructor(
    private readonly round: RoundAvailability,
    private readonly input: PlanInput,
  ) {
    this.random = seededRandom(input.seed);
    const weeks = input.avoidRepeatWeeks ?? 12;
    this.recent = recentPartners(input.pastGroups, input.now - weeks * WEEK_MS);
    const n = round.patterns.length;
    this.compatibleWith = round.patterns.map((_, a) => {
      const list: number[] = [];
      for (let b = 0; b < n; b += 1) if (round.compatible[a * n + b] === 1) list.push(b);
      // The own pattern first (same zone and hours: the most shared time), then by size.
      return list.sort(
        (x, y) =>
          Number(y === a) - Number(x === a) ||
          (round.patternSize[y] ?? 0) - (round.patternSize[x] ?? 0),
      );
    });
    const reach = round.patterns.map((_, a) =>
      (this.compatibleWith[a] ?? []).reduce((sum, b) => sum + (round.patternSize[b] ?? 0), 0),
    );
    const tieBreak = round.people.map(() => this.random());
    const order = round.people
      .map((p) => p.index)
      .sort((x, y) => {
        const px = round.people[x];
        const py = round.people[y];
        if (!px || !py) return 0;
        return (
          (reach[px.pattern] ?? 0) - (reach[py.pattern] ?? 0) ||
          px.freeCount - py.freeCount ||
          (tieBreak[x] ?? 0) - (tieBreak[y] ?? 0)
        );
      });
    this.rank = new Int32Array(round.people.length);
    order.forEach((person, position) => (this.rank[person] = position));
    this.pool = round.patterns.map(() => []);
    this.poolPos = new Int32Array(round.people.length);
    for (const person of order) {
      const p = this.person(person);
      const list = this.pool[p.pattern] ?? [];
      this.poolPos[person] = list.length;
      list.push(person);
    }
  }

  person(i: number): Candidate {
    const p = this.round.people[i];
    if (!p) throw new Error(`unreachable: no person ${String(i)}`);
    return p;
  }

  /** The order people pick in: most constrained first. */
  pickOrder(): number[] {
    const order = this.round.people.map((p) => p.index);
    return order.sort((a, b) => (this.rank[a] ?? 0) - (this.rank[b] ?? 0));
  }

  private unpool(i: number): void {
    const list = this.pool[this.person(i).pattern];
    if (!list) return;
    const at = this.poolPos[i] ?? -1;
    const last = list.pop();
    if (last === undefined || at < 0) return;
    if (last !== i) {
      list[at] = last;
      this.poolPos[last] = at;
    }
    this.poolPos[i] = -1;
  }

  /** May `a` and `b` be in one group? Working hours always; repeats and sub-teams unless relaxed. */
  private allowed(a: Candidate, b: Candidate, relaxed: boolean): boolean {
    if (!workingOverlap(this.round, a, b)) return false;
    if (relaxed) return true;
    if (this.recent.get(a.participant.id)?.has(b.participant.id)) return false;
    const sa = a.participant.subTeam;
    return !(this.input.mixSubTeams && sa !== undefined && sa === b.participant.subTeam);
  }

  canJoin(q: Candidate, members: readonly Candidate[], common: Uint32Array, relaxed: boolean) {
    return (
      members.every((m) => m !== q && this.allowed(m, q, relaxed)) && intersects(common, q.free)
    );
  }

  /** A feasible unmatched person to add to `members`, preferring the most constrained. */
  private findCandidate(members: Candidate[], common: Uint32Array): Candidate | undefined {
    const first = members[0];
    if (!first) return undefined;
    let best: Candidate | undefined;
    let found = 0;
    let checks = 0;
    for (const pattern of this.compatibleWith[first.pattern] ?? []) {
      const list = this.pool[pattern] ?? [];
      const offset = list.length > 0 ? randomInt(this.random, list.length) : 0;
      for (let k = 0; k < list.length; k += 1) {
        const q = this.person(list[(offset + k) % list.length] ?? 0);
        checks += 1;
        if (this.canJoin(q, members, common, false)) {
          if (!best || (this.rank[q.index] ?? 0) < (this.rank[best.index] ?? 0)) best = q;
          found += 1;
        }
        if (found >= CANDIDATES_PER_PICK || checks >= CHECKS_PER_PICK) return best;
      }
    }
    return best;
  }

  private addGroup(members: Candidate[]): void {
    const common = Uint32Array.from(members[0]?.free ?? []);
    for (const m of members.slice(1)) andInto(common, m.free);
    this.groups.push({ members, common });
  }

  /** Step 2: greedy grouping. Returns who found nobody. */
  greedy(): Candidate[] {
    const size = Math.min(4, Math.max(2, Math.floor(this.input.groupSize)));
    const alone: Candidate[] = [];
    for (const i of this.pickOrder()) {
      if ((this.poolPos[i] ?? -1) < 0) continue;
      this.unpool(i);
      const p = this.person(i);
      const members = [p];
      const common = Uint32Array.from(p.free);
      while (members.length < size) {
        const q = this.findCandidate(members, common);
        if (!q) break;
        this.unpool(q.index);
        members.push(q);
        andInto(common, q.free);
      }
      if (members.length >= 2) this.groups.push({ members, common });
      else alone.push(p);
    }
    return alone;
  }

  private tryInsert(p: Candidate, relaxed: boolean, skip?: Group): boolean {
    const maxSize = Math.min(4, this.input.groupSize) + 1;
    let best: Group | undefined;
    let bestKey = -Infinity;
    for (const g of this.groups) {
      if (g === skip || g.members.length >= maxSize) continue;
      if (!this.canJoin(p, g.members, g.common, relaxed)) continue;
      // Fill the smallest groups first, then keep the most common time.
      const key = -g.members.length * 1e6 + popcountAnd(g.common, p.free);
      if (key > bestKey) [best, bestKey] = [g, key];
    }
    if (!best) return false;
    best.members.push(p);
    andInto(best.common, p.free);
    return true;
  }

  private pairable(p: Candidate, q: Candidate, relaxed: boolean): boolean {
    return p !== q && this.allowed(p, q, relaxed) && intersects(p.free, q.free);
  }

  /** Take `q` out of a group of three or more into a new pair with `p`. */
  private trySteal(p: Candidate, relaxed: boolean): boolean {
    for (const g of this.groups) {
      if (g.members.length < 3) continue;
      const q = g.members.find((m) => this.pairable(p, m, relaxed));
      if (!q) continue;
      const rest = g.members.filter((m) => m !== q);
      g.members = rest;
      g.common = Uint32Array.from(rest[0]?.free ?? []);
      for (const m of rest.slice(1)) andInto(g.common, m.free);
      this.addGroup([p, q]);
      return true;
    }
    return false;
  }

  /** Pair `p` with `q` of a pair {q, r} when r can join another group or another left-over. */
  private trySwap(p: Candidate, waiting: Candidate[], relaxed: boolean): boolean {
    let tries = 0;
    for (const g of this.groups) {
      if (g.members.length !== 2) continue;
      for (const [q, r] of [g.members, [...g.members].reverse()]) {
        if (!q || !r || !this.pairable(p, q, relaxed)) continue;
        if (++tries > SWAPS_PER_PERSON) return false;
        const partner = waiting.find((s) => s !== p && this.pairable(r, s, relaxed));
        if (partner) {
          waiting.splice(waiting.indexOf(partner), 1);
          this.addGroup([r, partner]);
        } else if (!this.tryInsert(r, relaxed, g)) continue;
        g.members = [p, q];
        g.common = Uint32Array.from(p.free);
        andInto(g.common, q.free);
        return true;
      }
    }
    return false;
  }

  /** Step 3: place whoever is left; returns who still is. */
  repair(alone: Candidate[], relaxed: boolean): Candidate[] {
    const waiting = [...alone].sort(
      (a, b) => (this.rank[a.index] ?? 0) - (this.rank[b.index] ?? 0),
    );
    const still: Candidate[] = [];
    while (waiting.length > 0) {
      const p = waiting.shift();
      if (!p) break;
      if (relaxed) {
        const partner = waiting.find((s) => this.pairable(p, s, true));
        if (partner) {
          waiting.splice(waiting.indexOf(partner), 1);
          this.addGroup([p, partner]);
          continue;
        }
      }
      if (this.tryInsert(p, relaxed)) continue;
      if (this.trySteal(p, relaxed)) continue;
      if (this.trySwap(p, waiting, relaxed)) continue;
      still.push(p);
    }
    return still;
  }

  /** Step 4: one slot per group, and its host. */
  schedule(): PlannedGroup[] {
    const { grid, patterns } = this.round;
    const usage = new Uint16Array(grid.count);
    const load = Math.max(
      1,
      (this.groups.length * grid.slotMs) / (15 * 60_000) / Math.max(1, grid.count),
    );
    const hosted = new Map<string, number>();
    for (const g of this.input.pastGroups)
      if (g.hostId !== undefined) hosted.set(g.hostId, (hosted.get(g.hostId) ?? 0) + 1);
    const prefer = this.input.preferredPart !== 'any';
    const order = this.groups
      .map((g, i) => ({ g, i, free: popcount(g.common) }))
      .sort((a, b) => a.free - b.free || a.i - b.i);
    const planned: PlannedGroup[] = new Array<PlannedGroup>(this.groups.length);
    for (const { g, i } of order) {
      let best = -1;
      let bestScore = -Infinity;
      const jitter = this.random();
      forEachBit(g.common, (cell) => {
        let score = -(usage[cell] ?? 0) / load;
        for (const m of g.members) {
          const pattern = patterns[m.pattern];
          if (!pattern) continue;
          if (prefer && hasBit(pattern.preferred, cell)) score += 3;
          if (hasBit(pattern.earlyLate, cell)) score -= 1 + (m.participant.earlyLateCount ?? 0);
        }
        // A seeded, cell-dependent tie-break, so equal scores do not all pick the first start.
        score += (((((cell + 1) * 2654435761) >>> 0) / 4294967296 + jitter) % 1) * 1e-3;
        if (score > bestScore) [best, bestScore] = [cell, score];
      });
      if (best < 0) throw new Error('unreachable: every group has a common start');
      usage[best] = (usage[best] ?? 0) + 1;
      const host = [...g.members].sort(
        (a, b) =>
          (hosted.get(a.participant.id) ?? 0) - (hosted.get(b.participant.id) ?? 0) ||
          (this.rank[a.index] ?? 0) - (this.rank[b.index] ?? 0),
      )[0];
      planned[i] = {
        memberIds: g.members.map((m) => m.participant.id),
        slot: slotAt(grid, best),
        hostId: host?.participant.id ?? '',
        earlyLateIds: earlyLateAt(this.round, g.members, best),
      };
    }
    return planned;
  }
}

/**
 * Plans one round: groups with one slot each, and a reason for everyone left out. Everyone in
 * `input.participants` ends up in exactly one of the two.
 */
export function planRound(input: PlanInput): PlanResult {
  const round = roundAvailability(input);
  const planner = new Planner(round, input);
  const alone = planner.greedy();
  const still = planner.repair(planner.repair(alone, false), true);
  const groups = planner.schedule();
  const reasons = new Map(round.excluded.map((e) => [e.id, e.reason]));
  for (const p of still) {
    const others = round.people.some((q) => q !== p && workingOverlap(round, p, q));
    reasons.set(p.participant.id, others ? 'noPartner' : 'noWorkingHoursOverlap');
  }
  const leftOut = input.participants.flatMap((p) => {
    const reason = reasons.get(p.id);
    return reason === undefined ? [] : [{ id: p.id, reason }];
  });
  return { groups, leftOut };
}
