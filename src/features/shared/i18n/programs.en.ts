import { plural, type PluralForms } from './plural';

const n = (count: number, forms: PluralForms) => plural('en', count, forms);

/**
 * The coffee programs' UI strings in English (the team tab's "Coffee programs" and the program's
 * meeting rate), read as `t.programs`. The source of truth for `programs.de.ts`, whose type is
 * this object's.
 */
export const programsEn = {
  loading: 'Loading the team’s programs…',
  loadFailed: 'The team’s programs could not be loaded.',
  title: 'Coffee programs',
  none: 'No programs yet. Start one: people join only if they want to.',
  unreadable: (count: number) =>
    `${String(count)} stored program(s) were changed outside Rapport and cannot be shown.`,
  cadence: { weekly: 'Every week', biweekly: 'Every two weeks', monthly: 'Every month' },
  part: {
    morning: 'Mornings',
    lunch: 'Around lunch',
    afternoon: 'Afternoons',
    any: 'Any time of day',
  },
  /** The parts of a program's one-line description, joined with " · ". */
  meta: {
    groupsOf: (size: number) => `groups of ${String(size)}`,
    minutes: (length: number) => `${String(length)} minutes`,
    looksAhead: (days: number) =>
      `looks ${String(days)} working ${n(days, { one: 'day', other: 'days' })} ahead`,
    noRepeatWithin: (weeks: number) => `no repeat pairings within ${String(weeks)} weeks`,
    mixesSubTeams: 'mixes sub-teams',
    nextRound: (date: string) => `next round ${date}`,
  },
  takingPart: (count: number, someSnoozed: boolean) =>
    `${String(count)} taking part${someSnoozed ? ', some snoozed' : ''}`,
  recent: (weeks: number, rounds: number, groups: number, booked: number) =>
    `Last ${String(weeks)} weeks: ${String(rounds)} ${n(rounds, { one: 'round', other: 'rounds' })} · ${String(groups)} ${n(groups, { one: 'group', other: 'groups' })} · ${String(booked)} booked`,
  missing: 'This program no longer exists.',
  busy: 'Many people are changing this program; try again.',
  changeFailed: (error: string) => `Your change could not be saved: ${error}`,
  snoozedUntil: (date: string) => `Snoozed until ${date}`,
  youreIn: 'You’re in',
  resume: 'Resume',
  snoozeUntil: 'Snooze until',
  snooze: 'Snooze',
  pickLaterDate: 'Pick a date after today to snooze until.',
  leave: (name: string) => `Leave ${name}`,
  subTeam: 'Your sub-team (optional)',
  subTeamHint: 'Groups mix people across sub-teams.',
  join: (name: string) => `Join ${name}`,
  startFirstRound: 'Start the first round now',
  startRound: (round: number) => `Start round ${String(round)} now`,
  start: {
    title: 'Start a program',
    started: (name: string) => `Started “${name}”. Tell your team: they join from this tab.`,
    failed: (error: string) => `The program could not be started: ${error}`,
    name: 'Program name',
    characters: (length: number, max: number) => `${String(length)} of ${String(max)} characters`,
    howOften: 'How often',
    groupSize: 'Group size',
    people: (count: number) => `${String(count)} people`,
    length: 'Length',
    minutes: (length: number) => `${String(length)} minutes`,
    timeOfDay: 'Time of day',
    lookAhead: 'Look ahead',
    workingDays: (days: number) =>
      `${String(days)} working ${n(days, { one: 'day', other: 'days' })}`,
    noRepeatWithin: 'No repeat pairings within',
    noLimit: 'no limit (repeats allowed)',
    weeks: (weeks: number) => `${String(weeks)} weeks`,
    mix: 'Mix people across sub-teams',
    submit: 'Start program',
  },
  rate: {
    loadFailed: (error: string) => `The meeting rate could not be loaded: ${error}`,
    waiting: (needed: number) =>
      `Meeting rate shows after ${String(needed)} more “did you meet?” ${n(needed, { one: 'answer', other: 'answers' })}.`,
    met: (weeks: number, percent: number, answered: number) =>
      `Met in the last ${String(weeks)} weeks: ${String(percent)}% of ${String(answered)} answers.`,
  },
};

export type ProgramsMessages = typeof programsEn;
