import { z } from 'zod';
import { attendeeIdSchema } from '../expectations/schema';
import { LEFT_OUT_REASONS as PLANNER_REASONS } from './plan-types';

/**
 * One round of a program as planned and stored: its groups, each with a slot and a host who books
 * it, and everyone left out with the reason they are told. Nobody is dropped silently: every
 * member active in the round is in exactly one group or in `leftOut`.
 */

/** The planner's reasons, and one the round adds: a calendar Graph could not read. */
export const LEFT_OUT_REASONS = [...PLANNER_REASONS, 'scheduleUnavailable'] as const;
export type LeftOutReason = (typeof LEFT_OUT_REASONS)[number];

/** What each reason tells the person, in their own words. */
export const LEFT_OUT_TEXT: Record<LeftOutReason, string> = {
  snoozed: 'You snoozed the program, so you are not in this round.',
  noWorkingHoursOverlap:
    'Nobody else’s working hours overlap yours enough this round; Rapport never books outside them.',
  noFreeTime: 'Your calendar has no free time inside your working hours in this round’s days.',
  noPartner: 'No group could take you this round without repeating a recent pairing or a clash.',
  invalidTimeZone: 'Your mailbox time zone could not be read; check it in Outlook’s settings.',
  scheduleUnavailable: 'Your calendar could not be read this round.',
};

const isoInstant = z.iso.datetime({ offset: false });

const personSchema = z.object({
  name: z.string().max(256),
  mail: z.string().max(320),
});

export const roundGroupSchema = z.object({
  memberIds: z.array(attendeeIdSchema).min(2).max(5),
  slot: z.object({ start: isoInstant, end: isoInstant }),
  /** The member who books it (rotating across rounds), becoming its organizer. */
  hostId: attendeeIdSchema,
  /** Set once booked: the host's event id. */
  eventId: z.string().max(512).optional(),
  /** Members for whom the slot is early or late in their own day; later rounds spare them. */
  earlyLate: z.array(attendeeIdSchema).max(5).optional(),
});

export const roundSchema = z
  .object({
    schemaVersion: z.literal(1),
    programId: z.uuid(),
    number: z.number().int().min(0),
    startsAt: isoInstant,
    plannedAt: isoInstant,
    /** The planner's seed, so the plan can be reproduced. */
    seed: z.number().int(),
    prompt: z.string().max(300),
    groups: z.array(roundGroupSchema).max(2500),
    leftOut: z
      .array(z.object({ id: attendeeIdSchema, reason: z.enum(LEFT_OUT_REASONS) }))
      .max(10_000),
    /**
     * Names and mail of the people grouped, as the directory gave them at planning: Home shows a
     * group and its host books it without another directory lookup.
     */
    people: z.record(attendeeIdSchema, personSchema).optional(),
  })
  .refine(
    (round) => {
      const ids = [...round.groups.flatMap((g) => g.memberIds), ...round.leftOut.map((l) => l.id)];
      return new Set(ids).size === ids.length;
    },
    { error: 'A person is in at most one group or left out once in a round.' },
  )
  .refine((round) => round.groups.every((g) => g.memberIds.includes(g.hostId)), {
    error: 'Every group’s host is one of its members.',
  });

export type Round = z.output<typeof roundSchema>;
export type RoundGroup = z.output<typeof roundGroupSchema>;

/** The unique key of a program's round: one plan wins per round, whoever planned it. */
export const roundKey = (programId: string, number: number): string =>
  `${programId}:${String(number)}`;

/** The transactionId for booking one group: repeated bookings by its host are one event. */
export const bookingTransactionId = (
  round: Pick<Round, 'programId' | 'number'>,
  groupIndex: number,
) => `rapport-coffee:${roundKey(round.programId, round.number)}:${String(groupIndex)}`;

/** Where a person stands in a round: their group, or why they have none, or not in it at all. */
export function placeOf(
  round: Round,
  personId: string,
):
  | { kind: 'group'; group: RoundGroup; index: number }
  | { kind: 'leftOut'; reason: LeftOutReason }
  | { kind: 'absent' } {
  const index = round.groups.findIndex((g) => g.memberIds.includes(personId));
  const group = round.groups[index];
  if (group) return { kind: 'group', group, index };
  const left = round.leftOut.find((l) => l.id === personId);
  return left ? { kind: 'leftOut', reason: left.reason } : { kind: 'absent' };
}

/** How many early or late slots each person got over these rounds, for the planner's fairness. */
export function earlyLateCounts(rounds: readonly Round[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of rounds.flatMap((r) => r.groups.flatMap((g) => g.earlyLate ?? []))) {
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
