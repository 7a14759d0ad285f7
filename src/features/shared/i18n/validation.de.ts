import type { ValidationMessages } from './validation.en';

/**
 * What a form says is wrong, in German (du-form, as `de.ts`). Typed as the English messages: a
 * missing or extra key fails `tsc`. A `field` is a name with its article ("Der Zweck"), so the
 * sentences around it avoid anything that would have to agree with its gender.
 */
export const validationDe: ValidationMessages = {
  notText: (field) => `${field} muss Text sein.`,
  tooLong: (field, max, length) =>
    `${field} darf höchstens ${String(max)} Zeichen lang sein${
      length === undefined ? '' : ` (jetzt: ${String(length)})`
    }.`,
  controlCharacters: (field) =>
    `${field} darf keine Zeilenumbrüche, Tabulatoren oder anderen Steuerzeichen enthalten.`,
  missing: (field) => `${field} fehlt.`,
  unknown: (_english) => 'Dieser Wert ist ungültig.',
  expectations: {
    fields: {
      purpose: 'Der Zweck',
      outcome: 'Das Ergebnis',
      agendaItem: 'Ein Agendapunkt',
      customRole: 'Eine eigene Rolle',
      deliverable: 'Ein Ergebnis',
      obstacle: 'Das Hindernis',
      successMetric: 'Ein Erfolgskriterium',
      attendee: 'Die teilnehmende Person',
      meetingKey: 'Der Besprechungsschlüssel',
      deliverableId: 'Die ID des Ergebnisses',
    },
    purposeRequired:
      'Sag in ein, zwei Sätzen, wozu diese Besprechung stattfindet; der Zweck darf nicht leer sein.',
    purposeSentences: (max) =>
      `Fasse den Zweck in höchstens ${String(max)} Sätzen; Details gehören in die Agenda.`,
    agendaTitleRequired: 'Gib jedem Agendapunkt einen Titel.',
    minutesNotNumber: 'Die Minuten eines Agendapunkts müssen eine Zahl sein.',
    minutesNotWhole: 'Die Minuten eines Agendapunkts müssen ganze Minuten sein.',
    minutesMin: (min) =>
      `Ein Agendapunkt dauert mindestens ${String(min)} Minute; lass das Feld leer, wenn er keine feste Zeit hat.`,
    minutesMax: (max) => `Ein Agendapunkt darf höchstens ${String(max)} Minuten dauern.`,
    agendaMax: (max) => `Eine Agenda kann höchstens ${String(max)} Punkte haben.`,
    pickRole: 'Wähle eine Rolle aus der Liste oder füge eine eigene hinzu.',
    customRoleRequired: 'Gib der eigenen Rolle einen Namen.',
    rolesMax: (max) => `Eine Besprechung kann höchstens ${String(max)} Rollen haben.`,
    duplicateRole: 'Diese Person hat diese Rolle schon.',
    dueDateMissing: 'Wähle ein Fälligkeitsdatum.',
    dueDateFormat: 'Ein Fälligkeitsdatum sieht so aus: 2026-03-20 (Jahr-Monat-Tag).',
    dueDateNotADay: 'Dieses Fälligkeitsdatum gibt es im Kalender nicht.',
    deliverableTitleRequired: 'Gib jedem Ergebnis einen Titel.',
    status: 'Der Status ist einer von: nicht begonnen, im Plan, gefährdet, blockiert, erledigt.',
    obstacleNeeded:
      'Sag, was im Weg steht: Ein gefährdetes oder blockiertes Ergebnis braucht sein Hindernis.',
    deliverablesMax: (max) => `Eine Besprechung kann höchstens ${String(max)} Ergebnisse haben.`,
    duplicateDeliverableId: 'Zwei Ergebnisse haben dieselbe ID.',
    successMetricRequired: 'Ein Erfolgskriterium darf nicht leer sein.',
    successMetricsMax: (max) =>
      `Eine Besprechung kann höchstens ${String(max)} Erfolgskriterien haben.`,
    version: (version) =>
      `Unbekannte Version der Erwartungen (diese App liest Version ${String(version)}).`,
  },
  template: {
    name: 'Der Name der Vorlage',
    nameRequired: 'Gib der Vorlage einen Namen.',
    builtInName: 'Eine integrierte Vorlage heißt schon so; wähle einen anderen Namen.',
    idInvalid: 'Die ID der Vorlage ist ungültig.',
  },
  program: {
    name: 'Der Name des Programms',
    subTeam: 'Das Unterteam',
    nameRequired: 'Gib dem Programm einen Namen.',
    idInvalid: 'Die ID des Programms ist ungültig.',
    cadence: 'Wähle wöchentlich, alle zwei Wochen oder monatlich.',
    groupSize: (min, max) => `Gruppen haben ${String(min)} bis ${String(max)} Personen.`,
    length: 'Treffen dauern 15, 20 oder 30 Minuten.',
    membersMax: (max) => `Ein Programm kann höchstens ${String(max)} Mitglieder haben.`,
  },
  resources: {
    fields: {
      id: 'Eine ID',
      resourceTitle: 'Der Titel einer Ressource',
      resourceLink: 'Der Link einer Ressource',
      resourceNote: 'Die Notiz zu einer Ressource',
      topic: 'Ein Thema',
      mentorName: 'Der Name der Mentorin oder des Mentors',
      mentorUpn: 'Die Anmeldeadresse der Mentorin oder des Mentors',
      responseTime: 'Die Antwortzeit',
      channelName: 'Der Name des Hilfekanals',
      channelLink: 'Der Link des Hilfekanals',
    },
    kind: 'Eine Ressource ist ein Link, ein Dokument oder eine Anleitung.',
    resourceTitleRequired: 'Gib jeder Ressource einen Titel.',
    unsafeLink:
      'Links müssen mit https:// oder msteams: beginnen (andere Adressen werden aus Teams nicht geöffnet).',
    topicRequired: 'Sag, wobei die Mentorin oder der Mentor hilft.',
    mentorNameRequired: 'Nenne die Mentorin, den Mentor oder die Fachperson.',
    mentorUpnRequired: 'Gib die Anmeldeadresse der Mentorin oder des Mentors an (name@firma.com).',
    mentorUpnShape:
      'Die Anmeldeadresse der Mentorin oder des Mentors sieht so aus: name@firma.com.',
    channelNameRequired: 'Gib den Namen des Hilfekanals an.',
    resourcesMax: (max) => `Ein Team kann höchstens ${String(max)} Ressourcen speichern.`,
    routesMax: (max) => `Ein Team kann höchstens ${String(max)} Hilfewege angeben.`,
    version: (version) =>
      `Unbekannte Version der Ressourcen (diese App liest Version ${String(version)}).`,
  },
  poll: {
    question: 'Eine Frage',
    option: 'Eine Antwortoption',
    meetingTitle: 'Der Titel der Besprechung',
    questionRequired: 'Der Text einer Frage darf nicht leer sein.',
    optionRequired: 'Eine Antwortoption darf nicht leer sein.',
  },
  where: {
    item: {
      agenda: (n) => `Agendapunkt ${String(n)}`,
      roles: (n) => `Rolle ${String(n)}`,
      deliverables: (n) => `Ergebnis ${String(n)}`,
      successMetrics: (n) => `Erfolgskriterium ${String(n)}`,
    },
    field: {
      purpose: 'Zweck',
      outcome: 'Ergebnis oder Entscheidung',
      agenda: 'Agenda',
      roles: 'Rollen',
      deliverables: 'Ergebnisse',
      successMetrics: 'Erfolgskriterien',
    },
    elsewhere: 'Erwartungen',
  },
};
