import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { Instant } from '../time/instant';

/**
 * The weekly check-in: "Anything blocking you this week?", answered privately to the team's one
 * lead through the relay. Answers are named (the lead needs to know whom to help), one per person
 * per ISO week, and carry no time finer than the day.
 */

/** An ISO 8601 week, `2026-W11`: weeks start on Monday; week 1 holds the year's first Thursday. */
export type IsoWeek = string & { readonly __brand: 'IsoWeek' };

const WEEK_PATTERN = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/;

const weekOfDate = (date: Temporal.PlainDate): IsoWeek =>
  `${String(date.yearOfWeek).padStart(4, '0')}-W${String(date.weekOfYear).padStart(2, '0')}` as IsoWeek;

/**
 * The ISO week an instant falls in, in UTC (the relay's clock decides the week for everyone).
 * Worked example: Wednesday 2026-03-11T15:00Z → `2026-W11`; Sunday 2021-01-03 → `2020-W53`;
 * Monday 2024-12-30 → `2025-W01`.
 */
export function isoWeekOf(now: Instant): IsoWeek {
  return weekOfDate(
    Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO('UTC').toPlainDate(),
  );
}

/** The Monday a week starts on, or undefined for text that is not an ISO week (or a W53 a year lacks). */
export function mondayOf(week: string): Temporal.PlainDate | undefined {
  const match = WEEK_PATTERN.exec(week);
  if (!match) return undefined;
  const year = Number(match[1]);
  const n = Number(match[2]);
  // Week 1 is the week holding 4 January.
  const jan4 = Temporal.PlainDate.from({ year, month: 1, day: 4 });
  const monday = jan4.subtract({ days: jan4.dayOfWeek - 1 }).add({ weeks: n - 1 });
  return weekOfDate(monday) === week ? monday : undefined;
}

export const isIsoWeek = (text: string): text is IsoWeek => mondayOf(text) !== undefined;

/** The week `delta` weeks after this one (before, when negative): `2026-W01` − 1 → `2025-W52`. */
export function shiftWeek(week: IsoWeek, delta: number): IsoWeek {
  const monday = mondayOf(week);
  if (!monday) throw new RangeError(`Not an ISO week: ${week}`);
  return weekOfDate(monday.add({ weeks: delta }));
}

export const isoWeekSchema = z
  .string()
  .refine(isIsoWeek, { error: 'week must be an ISO week such as 2026-W11.' });

export const CHECK_IN_LIMITS = {
  /** Characters in an answer's note. */
  note: 1000,
  /** Characters of a person's name as stored (from their token). */
  name: 200,
} as const;

/** What a member sends: blocked or not, and an optional note (plain text, shown as text). */
export const checkInAnswerSchema = z.object({
  blocked: z.boolean({ error: 'blocked must be true or false.' }),
  note: z
    .string({ error: 'note must be text.' })
    .trim()
    .max(CHECK_IN_LIMITS.note, {
      error: `Keep the note to ${String(CHECK_IN_LIMITS.note)} characters.`,
    })
    .default(''),
});
export type CheckInAnswerInput = z.input<typeof checkInAnswerSchema>;
export type CheckInAnswer = z.output<typeof checkInAnswerSchema>;

/** What the lead changes: turn the check-in off, or hand it to someone who answered them. */
export const checkInChangeSchema = z.union([
  z.object({ enabled: z.literal(false) }).strict(),
  z.object({ leadId: z.string().min(1).max(100) }).strict(),
]);
export type CheckInChange = z.output<typeof checkInChangeSchema>;

export const personSchema = z.object({
  id: z.string().min(1),
  name: z.string().max(CHECK_IN_LIMITS.name),
});
export type CheckInPerson = z.output<typeof personSchema>;

/** My own answer for a week, and who it went to. */
export const myAnswerSchema = z.object({
  blocked: z.boolean(),
  note: z.string().max(CHECK_IN_LIMITS.note),
  /** The day (yyyy-mm-dd) it was last changed. */
  day: z.iso.date(),
  lead: personSchema,
});
export type MyCheckInAnswer = z.output<typeof myAnswerSchema>;

/** What everyone in the team sees: whether the check-in is on, who leads it, and my own answer. */
export const checkInStateSchema = z.discriminatedUnion('enabled', [
  z.object({ enabled: z.literal(false), week: isoWeekSchema }),
  z.object({
    enabled: z.literal(true),
    week: isoWeekSchema,
    lead: personSchema,
    isLead: z.boolean(),
    mine: myAnswerSchema.nullable(),
  }),
]);
export type CheckInState = z.output<typeof checkInStateSchema>;

export const leadAnswerSchema = z.object({
  person: personSchema,
  blocked: z.boolean(),
  note: z.string().max(CHECK_IN_LIMITS.note),
  day: z.iso.date(),
});
export type LeadCheckInAnswer = z.output<typeof leadAnswerSchema>;

/** The lead's view of one week: the answers given to them, blocked first, then by name. */
export const weekAnswersSchema = z.object({
  week: isoWeekSchema,
  answers: z.array(leadAnswerSchema),
  /** People who have answered this lead, any week: whom the lead may hand the check-in to. */
  people: z.array(personSchema),
});
export type WeekAnswers = z.output<typeof weekAnswersSchema>;

/**
 * The lead's order: blocked first, then by name, then by id (so equal names keep one order).
 * Worked example: [Ben ok, Ana ok, Kemi blocked] → [Kemi, Ana, Ben].
 */
export function orderForLead<T extends { blocked: boolean; person: CheckInPerson }>(
  answers: readonly T[],
): T[] {
  return [...answers].sort(
    (a, b) =>
      Number(b.blocked) - Number(a.blocked) ||
      a.person.name.localeCompare(b.person.name, 'en') ||
      a.person.id.localeCompare(b.person.id),
  );
}
