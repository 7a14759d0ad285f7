import { instant, type Instant } from '../time/instant';
import { dueRound, roundStart, type Program } from './program';
import { LEFT_OUT_TEXT, placeOf, type LeftOutReason, type Round } from './round';

/**
 * Where I stand in one program I joined, as Home shows it: not started yet, a round waiting to be
 * planned (my client plans it), my group with its slot and host, or why I was left out.
 */
export type MyRound =
  | { kind: 'waiting'; program: Program; nextRoundAt: Instant }
  | { kind: 'snoozed'; program: Program; until: Instant }
  | { kind: 'toPlan'; program: Program; number: number }
  | {
      kind: 'grouped';
      program: Program;
      round: Round;
      groupIndex: number;
      slot: { start: Instant; end: Instant };
      /** The others in my group, by name. */
      others: { id: string; name: string }[];
      host: { id: string; name: string };
      iAmHost: boolean;
      booked: boolean;
      /** The slot has ended: the round is over for this group. */
      past: boolean;
    }
  | {
      kind: 'leftOut';
      program: Program;
      round: Round;
      /** Why, in English; `why` says it in no language, for the UI's own words. */
      reason: string;
      why: LeftOutReason;
    }
  /** Joined after the round was planned: in from the next one. */
  | { kind: 'nextRound'; program: Program; nextRoundAt: Instant };

export function myRound(
  program: Program,
  round: Round | undefined,
  meId: string,
  now: Instant,
): MyRound | undefined {
  const me = program.members.find((m) => m.id === meId);
  if (!me) return undefined;
  const due = dueRound(program, now);
  const next = roundStart(program, due === undefined ? 0 : due + 1);
  if (me.snoozedUntil !== undefined && Date.parse(me.snoozedUntil) > now) {
    const where = round ? placeOf(round, meId) : undefined;
    // Snoozed after being grouped this round: the group still stands and is shown below.
    if (where?.kind !== 'group') {
      return { kind: 'snoozed', program, until: instant(Date.parse(me.snoozedUntil)) };
    }
  }
  if (due === undefined) return { kind: 'waiting', program, nextRoundAt: next };
  if (!round || round.number !== due) return { kind: 'toPlan', program, number: due };
  const where = placeOf(round, meId);
  if (where.kind === 'absent') return { kind: 'nextRound', program, nextRoundAt: next };
  if (where.kind === 'leftOut') {
    return {
      kind: 'leftOut',
      program,
      round,
      reason: LEFT_OUT_TEXT[where.reason],
      why: where.reason,
    };
  }
  const nameOf = (id: string) => round.people?.[id]?.name ?? 'A teammate';
  const { group, index } = where;
  const slot = {
    start: instant(Date.parse(group.slot.start)),
    end: instant(Date.parse(group.slot.end)),
  };
  return {
    kind: 'grouped',
    program,
    round,
    groupIndex: index,
    slot,
    others: group.memberIds.filter((id) => id !== meId).map((id) => ({ id, name: nameOf(id) })),
    host: { id: group.hostId, name: nameOf(group.hostId) },
    iAmHost: group.hostId === meId,
    booked: group.eventId !== undefined,
    past: slot.end <= now,
  };
}
