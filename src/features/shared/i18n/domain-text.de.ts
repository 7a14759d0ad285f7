import type { DueDateWords } from '../../../domain/expectations/invite-section';
import type { DomainTextMessages } from './domain-text.en';
import { statusDe } from './status.de';

/** "Fr., 20. März 2026", as German writes a date with its weekday. */
const dueDate: DueDateWords = {
  weekdays: ['Mo.', 'Di.', 'Mi.', 'Do.', 'Fr.', 'Sa.', 'So.'],
  months: [
    'Jan.',
    'Feb.',
    'März',
    'Apr.',
    'Mai',
    'Juni',
    'Juli',
    'Aug.',
    'Sept.',
    'Okt.',
    'Nov.',
    'Dez.',
  ],
  date: (weekday, day, month, year) => `${weekday}, ${String(day)}. ${month} ${String(year)}`,
};

/**
 * Words the domain decides on and the UI shows, in German (du-form, as `de.ts`). Typed as the
 * English ones: a missing or extra key fails `tsc`.
 */
export const domainTextDe: DomainTextMessages = {
  conflict: {
    fields: {
      purpose: 'Zweck',
      outcome: 'Ergebnis',
      agenda: 'Agenda',
      roles: 'Rollen',
      successMetrics: 'Erfolgskriterien',
    },
    parts: {
      title: 'Titel',
      ownerId: 'Verantwortlich',
      due: 'Fälligkeitsdatum',
      status: 'Status',
      whole: 'auf einer Seite entfernt, auf der anderen geändert',
    },
    deliverable: (title, part) => `Ergebnis „${title}“: ${part}`,
  },
  leftOut: {
    snoozed: 'Du hast das Programm pausiert und bist in dieser Runde nicht dabei.',
    noWorkingHoursOverlap:
      'Die Arbeitszeiten der anderen überschneiden sich in dieser Runde nicht genug mit deinen; Rapport bucht nie außerhalb davon.',
    noFreeTime:
      'Dein Kalender hat an den Tagen dieser Runde keine freie Zeit in deinen Arbeitszeiten.',
    noPartner:
      'Keine Gruppe konnte dich in dieser Runde aufnehmen, ohne eine kürzliche Paarung zu wiederholen oder einen Konflikt zu verursachen.',
    invalidTimeZone:
      'Die Zeitzone deines Postfachs konnte nicht gelesen werden; prüfe sie in den Einstellungen von Outlook.',
    scheduleUnavailable: 'Dein Kalender konnte für diese Runde nicht gelesen werden.',
  },
  iceBreakers: [
    'Was hast du vor Kurzem gelernt, das dich überrascht hat?',
    'Wie sieht für dich ein guter Arbeitstag aus?',
    'Ohne welches Tool oder welchen Shortcut könntest du nicht arbeiten?',
    'Was siehst du gerade, wenn du von deinem Arbeitsplatz aufschaust?',
    'Welche Kleinigkeit hat deine Woche besser gemacht?',
    'Mit wem im Team würdest du gern für einen Tag den Job tauschen?',
    'Welche Fähigkeit möchtest du dieses Jahr lernen?',
    'Was ist der beste Rat, den du bei der Arbeit bekommen hast?',
    'Worauf freust du dich diesen Monat?',
    'Welches Buch, welchen Podcast oder welche Serie kannst du empfehlen?',
    'Was war dein erster Job, und was hast du dabei gelernt?',
    'Was übersehen Besucher in deiner Stadt immer?',
  ],
  dueDate,
  help: {
    askPerson: (name) => `Hallo ${name}, kannst du mir bei einem Ergebnis helfen?`,
    askAnyone: 'Kann mir jemand bei einem Ergebnis helfen?',
    deliverable: (title, due, meetingSubject) =>
      `„${title}“, fällig am ${due}${meetingSubject ? ` (aus ${meetingSubject})` : ''}.`,
    obstacle: (text) => `Was im Weg steht: ${text}`,
    dueDate,
  },
  invite: {
    unknownPerson: 'Unbekannte teilnehmende Person',
    roles: {
      facilitator: 'Moderation',
      noteTaker: 'Protokoll',
      decisionMaker: 'Entscheidung',
      coOrganizer: 'Mitorganisation',
    },
    headings: {
      purpose: 'Zweck',
      outcome: 'Entscheidung oder Ergebnis',
      agenda: 'Agenda',
      roles: 'Rollen',
      deliverables: 'Ergebnisse',
      successMetrics: 'Erfolgskriterien',
    },
    minutes: (minutes) => `${String(minutes)} Min.`,
    ownerDue: (owner, due) => `${owner}, fällig am ${due}`,
    keptByRapport:
      'Von Rapport gepflegt: Öffne den Rapport-Tab der Besprechung, um den Status der Ergebnisse zu sehen oder dies zu ändern. Änderungen hier in der Einladung werden beim nächsten Speichern dort ersetzt.',
    dueDate,
  },
  summary: {
    status: statusDe,
    headings: {
      purpose: 'Zweck',
      decisions: 'Entscheidungen',
      nextSteps: 'Nächste Schritte',
      deliverables: 'Ergebnisse',
      successMetrics: 'Erfolgskriterien',
    },
    title: (subject) => `Besprechungszusammenfassung: ${subject}`,
    noOwner: 'niemand verantwortlich',
    deliverable: (title, owner, due, status) => `${title}: ${owner}, fällig ${due}, ${status}`,
    nothingToSummarize:
      'Füge eine Entscheidung oder einen nächsten Schritt hinzu: Es gibt noch nichts zusammenzufassen.',
  },
};
