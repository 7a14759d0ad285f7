import type { ProgramsMessages } from './programs.en';
import { plural, type PluralForms } from './plural';

const n = (count: number, forms: PluralForms) => plural('de', count, forms);

/**
 * The coffee programs' UI strings in German (du-form, the words of `de.ts`'s coffee chats).
 * Typed as the English ones: a missing or extra key fails `tsc`.
 */
export const programsDe: ProgramsMessages = {
  loading: 'Die Programme des Teams werden geladen…',
  loadFailed: 'Die Programme des Teams konnten nicht geladen werden.',
  title: 'Kaffeepausen-Programme',
  none: 'Noch keine Programme. Starte eines: Alle machen nur mit, wenn sie möchten.',
  unreadable: (count) =>
    n(count, {
      one: '1 gespeichertes Programm wurde außerhalb von Rapport geändert und kann nicht angezeigt werden.',
      other: `${String(count)} gespeicherte Programme wurden außerhalb von Rapport geändert und können nicht angezeigt werden.`,
    }),
  cadence: { weekly: 'Jede Woche', biweekly: 'Alle zwei Wochen', monthly: 'Jeden Monat' },
  part: {
    morning: 'Vormittags',
    lunch: 'Um die Mittagszeit',
    afternoon: 'Nachmittags',
    any: 'Zu jeder Tageszeit',
  },
  meta: {
    groupsOf: (size) => `Gruppen zu ${String(size)}`,
    minutes: (length) => `${String(length)} Minuten`,
    looksAhead: (days) =>
      `plant ${n(days, { one: '1 Arbeitstag', other: `${String(days)} Arbeitstage` })} im Voraus`,
    noRepeatWithin: (weeks) =>
      `keine Wiederholung derselben Paare innerhalb von ${String(weeks)} Wochen`,
    mixesSubTeams: 'mischt Unterteams',
    nextRound: (date) => `nächste Runde am ${date}`,
  },
  takingPart: (count, someSnoozed) =>
    `${String(count)} ${n(count, { one: 'nimmt', other: 'nehmen' })} teil${someSnoozed ? ', einige pausieren' : ''}`,
  recent: (weeks, rounds, groups, booked) =>
    `Letzte ${String(weeks)} Wochen: ${String(rounds)} ${n(rounds, { one: 'Runde', other: 'Runden' })} · ${String(groups)} ${n(groups, { one: 'Gruppe', other: 'Gruppen' })} · ${String(booked)} gebucht`,
  missing: 'Dieses Programm gibt es nicht mehr.',
  busy: 'Gerade ändern viele Personen dieses Programm; versuche es erneut.',
  changeFailed: (error) => `Deine Änderung konnte nicht gespeichert werden: ${error}`,
  snoozedUntil: (date) => `Pausiert bis ${date}`,
  youreIn: 'Du bist dabei',
  resume: 'Fortsetzen',
  snoozeUntil: 'Pausieren bis',
  snooze: 'Pausieren',
  pickLaterDate: 'Wähle ein Datum nach heute, bis zu dem du pausierst.',
  leave: (name) => `${name} verlassen`,
  subTeam: 'Dein Unterteam (optional)',
  subTeamHint: 'Gruppen mischen Personen aus verschiedenen Unterteams.',
  join: (name) => `${name} beitreten`,
  startFirstRound: 'Erste Runde jetzt starten',
  startRound: (round) => `Runde ${String(round)} jetzt starten`,
  start: {
    title: 'Programm starten',
    started: (name) =>
      `„${name}“ gestartet. Sag deinem Team Bescheid: Alle treten über diesen Tab bei.`,
    failed: (error) => `Das Programm konnte nicht gestartet werden: ${error}`,
    name: 'Name des Programms',
    characters: (length, max) => `${String(length)} von ${String(max)} Zeichen`,
    howOften: 'Wie oft',
    groupSize: 'Gruppengröße',
    people: (count) => `${String(count)} Personen`,
    length: 'Dauer',
    minutes: (length) => `${String(length)} Minuten`,
    timeOfDay: 'Tageszeit',
    lookAhead: 'Vorausplanung',
    workingDays: (days) => n(days, { one: '1 Arbeitstag', other: `${String(days)} Arbeitstage` }),
    noRepeatWithin: 'Keine Wiederholung derselben Paare innerhalb von',
    noLimit: 'keine Grenze (Wiederholungen erlaubt)',
    weeks: (weeks) => `${String(weeks)} Wochen`,
    mix: 'Personen aus verschiedenen Unterteams mischen',
    submit: 'Programm starten',
  },
  rate: {
    loadFailed: (error) => `Die Treffquote konnte nicht geladen werden: ${error}`,
    waiting: (needed) =>
      `Die Treffquote erscheint nach ${n(needed, { one: '1 weiteren Antwort', other: `${String(needed)} weiteren Antworten` })} auf „Habt ihr euch getroffen?“.`,
    met: (weeks, percent, answered) =>
      `Getroffen in den letzten ${String(weeks)} Wochen: ${String(percent)} % von ${String(answered)} Antworten.`,
  },
};
