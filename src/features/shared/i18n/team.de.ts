import { plural, type PluralForms } from './plural';
import type { TeamMessages } from './team.en';

const n = (count: number, forms: PluralForms) => plural('de', count, forms);

/**
 * The team tab's UI strings in German (du-form, the words of `de.ts`). Typed as the English
 * ones: a missing or extra key fails `tsc`.
 */
export const teamDe: TeamMessages = {
  title: (team) => `Rapport für ${team}`,
  yourTeam: 'dein Team',
  config: {
    title: 'Rapport zu diesem Kanal hinzufügen',
    intro:
      'Dein Team erhält Kaffeepausen-Programme, einen wöchentlichen Check-in, gemeinsame Ressourcen und Hilfewege in einem Tab.',
    tabName: 'Name des Tabs',
    tabNameInvalid: (max) => `Gib dem Tab einen Namen mit 1 bis ${String(max)} Zeichen.`,
  },
  checkIn: {
    title: 'Wöchentlicher Check-in',
    loading: 'Der wöchentliche Check-in wird geladen…',
    loadFailed: 'Der wöchentliche Check-in konnte nicht geladen werden.',
    question: 'Blockiert dich diese Woche etwas?',
    off: (question) =>
      `Für dieses Team ausgeschaltet. Sobald er eingeschaltet ist, kann jedes Mitglied jede Woche „${question}“ beantworten. Antworten tragen den Namen der Person und gehen nur an eine leitende Person, die Person, die ihn einschaltet: Niemand sonst im Team kann sie lesen, weder in Rapport noch in SharePoint.`,
    turnOn: 'Wöchentlichen Check-in einschalten und leiten',
    youLead:
      'Du leitest diesen Check-in: Nur du siehst die Antworten, mit Namen. Niemand sonst im Team kann sie lesen.',
    ledBy: (lead) =>
      `Geleitet von ${lead}. Nur ${lead} sieht deine Antwort, mit deinem Namen. Wenn ${lead} den Check-in deines Teams nicht leiten soll, antworte nicht: Bitte darum, ihn zu übergeben oder auszuschalten.`,
    noteTooLong: (max) => `Die Notiz darf höchstens ${String(max)} Zeichen lang sein.`,
    chooseYesNo: 'Wähle Ja oder Nein.',
    myAnswer: 'Meine Check-in-Antwort',
    yourAnswer: (week, givenTo, day, blocked, note) =>
      `Deine Antwort für ${week}, gegeben ${
        givenTo.kind === 'self'
          ? 'an dich selbst'
          : givenTo.kind === 'formerLead'
            ? `an ${givenTo.name} (damals Leitung des Check-ins)`
            : `an ${givenTo.name}`
      } am ${day}: ${blocked ? 'blockiert' : 'nicht blockiert'}${note ? ` („${note}“)` : ''}. Ändere sie unten, wenn sich etwas geändert hat; sie ersetzt diese.`,
    notAnswered: (week) => `Du hast für ${week} noch nicht geantwortet.`,
    no: 'Nein, nichts blockiert mich',
    yes: 'Ja, etwas blockiert mich',
    note: 'Notiz (optional)',
    noteHint: (length, max) =>
      `Was im Weg steht oder was helfen würde. ${String(length)} von ${String(max)} Zeichen.`,
    update: 'Meine Antwort aktualisieren',
    send: 'Meine Antwort senden',
    sending: 'Wird gesendet…',
    notSent: (error) => `Deine Antwort wurde nicht gesendet: ${error}`,
    answersFor: (week, thisWeek) => `Antworten für ${week}${thisWeek ? ' (diese Woche)' : ''}`,
    previousWeek: 'Vorherige Woche',
    nextWeek: 'Nächste Woche',
    refresh: 'Antworten aktualisieren',
    loadingAnswers: 'Die Antworten werden geladen…',
    answersFailed: 'Die Antworten konnten nicht geladen werden.',
    noAnswers: (week) => `Keine Antworten für ${week}.`,
    blockedCount: (blocked, total) =>
      `${String(blocked)} von ${String(total)} ${n(blocked, { one: 'ist', other: 'sind' })} blockiert.`,
    answersList: (week) => `Check-in-Antworten für ${week}`,
    blocked: 'Blockiert',
    notBlocked: 'Nicht blockiert',
    handOverNote:
      'Beim Übergeben oder Ausschalten bleiben frühere Antworten bei der leitenden Person, an die sie gegeben wurden: Eine neue leitende Person sieht nur Antworten, die an sie gegeben wurden.',
    handOverTo: 'Check-in übergeben an',
    handOverHint: 'Jemand kann ihn übernehmen, sobald die Person geantwortet hat.',
    choosePerson: 'Person auswählen',
    handOver: 'Übergeben',
    turnOff: 'Wöchentlichen Check-in ausschalten',
  },
};
