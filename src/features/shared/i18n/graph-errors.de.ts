import type { GraphErrorMessages } from './graph-errors.en';

/**
 * What a failed Microsoft Graph call says, in German (du-form, as `de.ts`). Typed as the English
 * messages: a missing or extra key fails `tsc`. Graph's own words stay as Graph sent them.
 */
export const graphErrorsDe: GraphErrorMessages = {
  chat: {
    forbidden:
      'Du kannst in diesem Besprechungschat nicht posten: Das können nur Personen im Chat, und deine Organisation muss Rapport erlauben, Chatnachrichten für dich zu lesen und zu senden.',
    notFound: 'Der Chat dieser Besprechung wurde nicht gefunden, oder du bist nicht darin.',
    refused: (detail) => `Teams hat die Nachricht abgelehnt: ${detail}`,
    unavailable: 'Teams ist ausgelastet oder nicht erreichbar. Versuche es gleich noch einmal.',
    unconfirmed: (posts) =>
      `Teams hat den Beitrag nicht bestätigt (${String(posts)} ${posts === 1 ? 'Versuch' : 'Versuche'}), und die Nachricht ist noch nicht im Chat. Versuche es erneut: Rapport sieht zuerst im Chat nach, daher wird die Nachricht nie doppelt gepostet.`,
  },
  summary: {
    editForbidden:
      'Du kannst die Nachricht mit der Zusammenfassung nicht ändern: Das kann nur die Person, die sie gepostet hat, und deine Organisation muss Rapport erlauben, Chatnachrichten für dich zu bearbeiten.',
    editUnavailable:
      'Teams ist ausgelastet oder nicht erreichbar, daher wurde die Nachricht nicht aktualisiert. Die Zusammenfassung ist gespeichert; versuche es gleich noch einmal.',
    notNoted:
      'Die Zusammenfassung ist im Besprechungschat, aber Rapport konnte das nicht auf der Website des Teams vermerken. Versuche es erneut: Rapport findet die Nachricht, statt eine weitere zu posten.',
  },
  invite: {
    attempts: (attempts) =>
      `Die Einladung konnte nach ${String(attempts)} Versuchen nicht aktualisiert werden; der Termin hat sich immer wieder geändert oder Graph hat nicht geantwortet.`,
    notUpdated: (why) => `Gespeichert, aber die Einladung konnte nicht aktualisiert werden: ${why}`,
  },
  readFailed: (what, detail, status) =>
    `Rapport konnte ${what} nicht lesen${detail ? `: ${detail}` : ''} (${status === undefined ? 'keine Antwort' : String(status)}).`,
  /** In the accusative: what Rapport could not read. */
  readTargets: {
    profile: 'dein Profil',
    mailboxSettings: 'deine Postfacheinstellungen',
    calendar: 'deinen Kalender',
    recurringMeetings: 'deine Serienbesprechungen',
    meetingExpectations: 'die Erwartungen an Besprechungen',
    coffeePrograms: 'die Kaffeeprogramme',
    seriesExpectations: 'die Erwartungen an Serien',
    deliverables: 'deine Ergebnisse',
    coffeeRounds: 'die Kaffeerunden',
    programRounds: 'die Runden der Programme',
    recentMeetings: 'deine letzten Besprechungen',
    teamResources: 'die Hilfewege des Teams',
  },
  deliverableNotSaved: 'Das Ergebnis konnte nicht gespeichert werden.',
  deliverableGone: 'Dieses Ergebnis wurde inzwischen entfernt oder beschädigt; lade den Tab neu.',
  deliverableGoneHome:
    'Dieses Ergebnis wurde außerhalb von Rapport entfernt oder geändert; lade die Startseite neu.',
  templateNameTaken: (name) => `Dein Team hat schon eine Vorlage namens „${name}“.`,
  templatesFull: (max) => `Dein Team hat ${String(max)} Vorlagen, mehr kann es nicht behalten.`,
  storedNotJson: 'Der gespeicherte Inhalt ist kein gültiges JSON.',
  storedExpectationsChanged:
    'Die gespeicherten Erwartungen wurden außerhalb von Rapport geändert und sind nicht mehr richtig lesbar; lade den Tab neu, um sie zu sehen.',
  noMeetingChat:
    'Dieser Chat ist kein Besprechungschat, in dem du bist, daher gibt es keine Besprechung zum Anzeigen.',
  notInCalendarWindow:
    'Diese Besprechung steht zwischen gestern und den nächsten zwei Wochen nicht in deinem Kalender; bitte die organisierende Person, dich einzuladen.',
  noLongerInCalendar: 'Diese Besprechung steht nicht mehr in deinem Kalender.',
  siteClosed:
    'Die Erwartungen an Besprechungen liegen auf der Website deines Teams, die Rapport für dich nicht öffnen kann. Bitte die Person, der das Team gehört, dich zum Team hinzuzufügen.',
  groupGone: 'Diese Gruppe ist nicht mehr in der Runde.',
  roundKeptChanging: 'Die Runde hat sich immer wieder geändert; versuche es erneut.',
};
