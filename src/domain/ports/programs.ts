import type { Person } from '../meetings/meeting';
import type { MembershipChange, Program } from '../social/program';
import type { Round, RoundGroup } from '../social/round';
import type { ProgramStats } from '../social/stats';

export type ProgramChangeOutcome =
  { kind: 'saved'; program: Program } | { kind: 'missing' } | { kind: 'busy' };

export type BookingOutcome =
  | { kind: 'booked'; eventId: string; slot: RoundGroup['slot']; moved: boolean }
  /** The group has no common free slot left in this round. */
  | { kind: 'noSlot' };

/** What the team tab and Home need for coffee programs; the graph layer stores them in the team site. */
export interface ProgramsService {
  /** The team's programs, with each one's numbers over its last `STATS_WEEKS` weeks. */
  load(): Promise<{
    me: Person;
    programs: Program[];
    stats: Record<string, ProgramStats>;
    unreadable: number;
  }>;
  /** Starts a program; nobody, its lead included, is a member until they join. */
  start(program: Program): Promise<void>;
  /** One person's own join, snooze, resume or leave. */
  changeMembership(programId: string, change: MembershipChange): Promise<ProgramChangeOutcome>;
  /** A lead starts the next round now rather than on its date. */
  startRoundNow(programId: string, leadId: string): Promise<ProgramChangeOutcome>;
  /**
   * Plans a due round in this browser and stores it; when another member's client stored one
   * first, that plan is returned.
   */
  planRound(program: Program, n: number): Promise<Round>;
  /** The group's host books its slot as a Teams meeting, re-planning the group if it is taken. */
  book(program: Program, roundNumber: number, groupIndex: number): Promise<BookingOutcome>;
}
