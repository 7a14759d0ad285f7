import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { attendeeIdSchema, textSchema } from '../expectations/schema';
import type { Instant } from '../time/instant';

/**
 * An opt-in social ("coffee") program a team member runs for the team. Consent first: nobody is in
 * it until they join, and joining, snoozing and leaving are each person's own act, never the lead's.
 */

export const CADENCES = ['weekly', 'biweekly', 'monthly'] as const;
export type Cadence = (typeof CADENCES)[number];
export const DAY_PARTS = ['morning', 'lunch', 'afternoon', 'any'] as const;
export type DayPart = (typeof DAY_PARTS)[number];
export const SLOT_LENGTHS = [15, 20, 30] as const;

export const PROGRAM_LIMITS = {
  nameMaxLength: 60,
  groupSizeMin: 2,
  groupSizeMax: 4,
  lookAheadDaysMin: 1,
  lookAheadDaysMax: 10,
  avoidRepeatWeeksMin: 0,
  avoidRepeatWeeksMax: 52,
  /** A team's program, not an organisation's: the list item's payload stays small. */
  membersMax: 1000,
  leadsMax: 5,
} as const;

const L = PROGRAM_LIMITS;
const isoInstant = z.iso.datetime({
  offset: false,
  error: 'Times are stored as UTC ISO instants.',
});

export const memberSchema = z.object({
  id: attendeeIdSchema,
  joinedAt: isoInstant,
  /** Left out of rounds that start before this instant. */
  snoozedUntil: isoInstant.optional(),
  /** For optional mixing across sub-teams. */
  subTeam: textSchema('The sub-team', 60).optional(),
});

export const programSchema = z.object({
  schemaVersion: z.literal(1),
  id: z.uuid({ error: 'The program id is not valid.' }),
  name: textSchema('The program name', L.nameMaxLength, {
    required: 'Give the program a name.',
  }),
  cadence: z.enum(CADENCES, { error: 'Choose weekly, every two weeks or monthly.' }),
  groupSize: z
    .number()
    .int()
    .min(L.groupSizeMin, {
      error: `Groups have ${String(L.groupSizeMin)} to ${String(L.groupSizeMax)} people.`,
    })
    .max(L.groupSizeMax, {
      error: `Groups have ${String(L.groupSizeMin)} to ${String(L.groupSizeMax)} people.`,
    }),
  lengthMinutes: z.union(
    SLOT_LENGTHS.map((n) => z.literal(n)) as [z.ZodLiteral<15>, z.ZodLiteral<20>, z.ZodLiteral<30>],
    { error: 'Meetings last 15, 20 or 30 minutes.' },
  ),
  preferredPart: z.enum(DAY_PARTS),
  lookAheadDays: z.number().int().min(L.lookAheadDaysMin).max(L.lookAheadDaysMax),
  avoidRepeatWeeks: z.number().int().min(L.avoidRepeatWeeksMin).max(L.avoidRepeatWeeksMax),
  mixSubTeams: z.boolean(),
  /** Who started it; leads can change settings and start a round early, nothing about people. */
  leadIds: z.array(attendeeIdSchema).min(1).max(L.leadsMax),
  /** The first round's start; later rounds follow the cadence from here. */
  firstRoundAt: isoInstant,
  members: z.array(memberSchema).max(L.membersMax, {
    error: `A program can have at most ${String(L.membersMax)} members.`,
  }),
});

export type Program = z.output<typeof programSchema>;
export type Member = z.output<typeof memberSchema>;

const iso = (at: Instant): string => new Date(at).toISOString();

/**
 * What one person does to their own membership. Each is applied to the stored program as it is
 * now, so two people joining at once both end up in (a 412 re-reads and applies again).
 */
export type MembershipChange =
  | { kind: 'join'; id: string; subTeam?: string }
  | { kind: 'snooze'; id: string; until: Instant }
  | { kind: 'resume'; id: string }
  | { kind: 'leave'; id: string };

export function applyMembership(program: Program, change: MembershipChange, now: Instant): Program {
  const current = program.members.find((m) => m.id === change.id);
  const others = program.members.filter((m) => m.id !== change.id);
  switch (change.kind) {
    case 'join': {
      if (current) return program;
      const member: Member = {
        id: change.id,
        joinedAt: iso(now),
        ...(change.subTeam === undefined ? {} : { subTeam: change.subTeam }),
      };
      return { ...program, members: [...program.members, member] };
    }
    case 'snooze':
      if (!current) return program;
      return { ...program, members: [...others, { ...current, snoozedUntil: iso(change.until) }] };
    case 'resume': {
      if (!current) return program;
      const { snoozedUntil: _dropped, ...rest } = current;
      return { ...program, members: [...others, rest] };
    }
    case 'leave':
      return current ? { ...program, members: others } : program;
  }
}

const CADENCE_STEP: Record<Cadence, Temporal.DurationLike> = {
  weekly: { weeks: 1 },
  biweekly: { weeks: 2 },
  monthly: { months: 1 },
};

/** `n` cadence steps as a duration (n weeks, 2n weeks or n months). */
function cadenceSteps(program: Program, n: number): Temporal.DurationLike {
  const step = CADENCE_STEP[program.cadence];
  return Object.fromEntries(
    Object.entries(step).map(([unit, value]) => [unit, (value as number) * n]),
  );
}

/**
 * The start of round `n` (0 for the first), stepping the cadence in UTC calendar terms so monthly
 * rounds keep their day of the month.
 */
export function roundStart(program: Program, n: number): Instant {
  const first = Temporal.Instant.from(program.firstRoundAt).toZonedDateTimeISO('UTC');
  return first.add(cadenceSteps(program, n)).epochMilliseconds as Instant;
}

/**
 * The number of the latest round due at `now` (its start has passed), or undefined before the
 * first. The first member's client to open Rapport after that plans it, if nobody has.
 */
export function dueRound(program: Program, now: Instant): number | undefined {
  if (now < roundStart(program, 0)) return undefined;
  let n = 0;
  // Cadences are at least a week, so this stays a few dozen steps for years of rounds.
  while (roundStart(program, n + 1) <= now) n += 1;
  return n;
}

/** Members taking part in a round starting at `at`: joined by then and not snoozed past it. */
export function activeMembers(program: Program, at: Instant): Member[] {
  return program.members.filter(
    (m) =>
      Date.parse(m.joinedAt) <= at &&
      (m.snoozedUntil === undefined || Date.parse(m.snoozedUntil) <= at),
  );
}

/**
 * A lead starts the next round now instead of waiting for its date: the cadence is moved so that
 * round lands now (earlier rounds keep their numbers), and later rounds follow from here.
 */
export function startRoundNow(program: Program, leadId: string, now: Instant): Program {
  if (!program.leadIds.includes(leadId)) return program;
  const due = dueRound(program, now);
  const next = due === undefined ? 0 : due + 1;
  const first = Temporal.Instant.fromEpochMilliseconds(now)
    .toZonedDateTimeISO('UTC')
    .subtract(cadenceSteps(program, next));
  const moved = {
    ...program,
    firstRoundAt: first.toInstant().toString({ fractionalSecondDigits: 3 }),
  };
  // Month ends clamp (31 March less a month is 28 February): keep the round due now, not later.
  return dueRound(moved, now) === next ? moved : program;
}
