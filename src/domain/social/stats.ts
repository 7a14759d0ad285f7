import type { Round } from './round';

/** How far back a program's numbers look: about a quarter, the default repeat-avoidance window. */
export const STATS_WEEKS = 12;

const WEEK_MS = 7 * 86_400_000;

/** The ISO instant `weeks` weeks before `now`: where a program's recent rounds begin. */
export const weeksBefore = (now: number, weeks: number = STATS_WEEKS): string =>
  new Date(now - weeks * WEEK_MS).toISOString();

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
