import type { Person } from '../meetings/meeting';
import type { MembershipChange, Program } from '../social/program';

/** What the team tab needs for coffee programs; the graph layer stores them in the team site. */
export interface ProgramsService {
  load(): Promise<{ me: Person; programs: Program[]; unreadable: number }>;
  /** Starts a program; nobody, its lead included, is a member until they join. */
  start(program: Program): Promise<void>;
  /** One person's own join, snooze, resume or leave. */
  changeMembership(
    programId: string,
    change: MembershipChange,
  ): Promise<{ kind: 'saved'; program: Program } | { kind: 'missing' } | { kind: 'busy' }>;
}
