import type { RelayMessages } from './relay.en';

/**
 * What a failed request to Rapport's relay says, in German (du-form, as `de.ts`). Typed as the
 * English messages: a missing or extra key fails `tsc`.
 */
export const relayDe: RelayMessages = {
  unreachable:
    'Der Feedbackdienst von Rapport ist nicht erreichbar. Prüfe deine Verbindung und versuche es erneut.',
  unreadable:
    'Der Feedbackdienst von Rapport hat eine Antwort geschickt, die diese Version der App nicht lesen kann. Lade die App neu; wenn das bleibt, wende dich an deine Administration.',
  busy: 'Der Feedbackdienst von Rapport ist gerade ausgelastet. Versuche es gleich noch einmal.',
  failed: (status) =>
    `Beim Feedbackdienst von Rapport ist ein Fehler aufgetreten (${String(status)}). Versuche es gleich noch einmal.`,
  refused:
    'Der Feedbackdienst hat die gesendeten Angaben abgelehnt. Prüfe die Felder und versuche es erneut.',
  signIn:
    'Der Feedbackdienst von Rapport hat deine Anmeldung nicht akzeptiert. Melde dich erneut an.',
  notFound: 'Diese Umfrage gibt es nicht mehr.',
  alreadyAnswered:
    'Du hast diese Umfrage schon beantwortet. Deine erste Antwort gilt; eine Umfrage nimmt eine Antwort pro Person an.',
  answersExist:
    'Jemand hat schon geantwortet, daher kann diese Umfrage nicht mehr geändert werden. Deine Änderungen wurden nicht gespeichert.',
  closed: 'Diese Umfrage ist geschlossen und nimmt keine Antworten mehr an.',
  changed: 'Die Umfrage wurde inzwischen geändert. Lade sie neu und versuche es erneut.',
  changedMeanwhile:
    'Jemand hat die Umfrage inzwischen geändert. Lade sie neu und versuche es erneut.',
  forbidden: {
    notListed:
      'Du stehst nicht auf der Teilnehmerliste dieser Umfrage, daher kannst du sie weder beantworten noch sehen.',
    notCreator: 'Nur die Person, die diese Umfrage erstellt hat, kann sie ändern oder schließen.',
    notShared: 'Die Ergebnisse dieser Umfrage sieht nur die Person, die sie erstellt hat.',
    cannotAddPoll: 'Du kannst dieser Besprechung keine Umfrage hinzufügen.',
    notGrouped: 'Nur die Personen, die in dieser Runde eingeteilt sind, antworten dafür.',
    membersOnly: 'Nur die Mitglieder und Leitungen des Programms sehen seine Zahlen.',
    notLead: 'Nur die Leitung des Check-ins kann das tun, und nur sie liest die Antworten.',
  },
  coffee: {
    alreadyAnswered: 'Du hast für diese Runde schon geantwortet; deine erste Antwort gilt.',
    notFound: 'Diese Kaffeerunde gibt es nicht mehr.',
  },
  checkIn: {
    notFound:
      'Das Relay von Rapport kennt den wöchentlichen Check-in nicht. Bitte deine Administration, es zu aktualisieren.',
    unavailable:
      'Der Check-in-Dienst von Rapport ist ausgelastet oder nicht erreichbar. Versuche es gleich noch einmal.',
  },
};
