import type { Round } from './round';

/** How far back a program's numbers look: about a quarter, the default repeat-avoidance window. */
export const STATS_WEEKS = 12;

/**
 * What a program shows about itself: counts over its recent rounds, never per person. Whether
 * groups met is asked privately through the relay and shown only as a rate.
 */
export interface ProgramStats {
  rounds: number;
  groups: number;
  booked: number;
  /** People placed in a group, over all these rounds. */
  grouped: number;
}

export function programStats(rounds: readonly Round[]): ProgramStats {
  const groups = rounds.flatMap((r) => r.groups);
  return {
    rounds: rounds.length,
    groups: groups.length,
    booked: groups.filter((g) => g.eventId !== undefined).length,
    grouped: groups.reduce((sum, g) => sum + g.memberIds.length, 0),
  };
}
