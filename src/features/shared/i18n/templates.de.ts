import type { TemplatesMessages } from './templates.en';

/**
 * The built-in templates' words in German (du-form, as `de.ts`), item for item as the English.
 * Typed as the English ones: a missing or extra template fails `tsc`; the test checks the lists.
 */
export const templatesDe: TemplatesMessages = {
  oneOnOne: {
    name: 'Einzelgespräch',
    purpose:
      'Gegenseitig auf den Stand bringen, Hindernisse aus dem Weg räumen und die nächsten Schritte vereinbaren.',
    outcome: 'Wir gehen beide mit den nächsten Schritten, für die wir verantwortlich sind.',
    agenda: [
      'Wie läuft es?',
      'Fortschritt und Hindernisse',
      'Entwicklung und Feedback, in beide Richtungen',
      'Nächste Schritte',
    ],
    successMetrics: [
      'Jedes angesprochene Hindernis hat eine verantwortliche Person oder einen nächsten Schritt.',
      'Wir hatten beide Zeit für das, was uns wichtig war.',
    ],
  },
  standUp: {
    name: 'Stand-up-Meeting',
    purpose: 'Fortschritt teilen und Hindernisse sichtbar machen, damit niemand feststeckt.',
    outcome: 'Für jedes Hindernis hilft jemand.',
    agenda: ['Seit dem letzten Mal', 'Als Nächstes', 'Hindernisse und wer helfen kann'],
    successMetrics: [
      'Wir sind pünktlich fertig geworden.',
      'Für jedes Hindernis gibt es jemanden, der hilft.',
    ],
  },
  planning: {
    name: 'Planung',
    purpose:
      'Vereinbaren, was wir als Nächstes übernehmen und wer für welchen Teil verantwortlich ist.',
    outcome:
      'Ein verbindlicher Plan mit einer verantwortlichen Person und einem Fälligkeitsdatum für jeden Punkt.',
    agenda: [
      'Ziele für den Zeitraum',
      'Mögliche Aufgaben und Schätzungen',
      'Zusagen und Verantwortliche',
      'Risiken und Abhängigkeiten',
    ],
    successMetrics: [
      'Jeder zugesagte Punkt hat eine verantwortliche Person und ein Fälligkeitsdatum.',
      'Der Plan passt zu unserer Kapazität.',
    ],
  },
  retrospective: {
    name: 'Retrospektive',
    purpose: 'Zurückschauen, wie wir zusammengearbeitet haben, und auswählen, was wir ändern.',
    outcome: 'Eine bis drei Verbesserungen, jede mit einer verantwortlichen Person.',
    agenda: [
      'Was gut lief',
      'Was schwierig war',
      'Ideen zur Verbesserung',
      'Maßnahmen und Verantwortliche festlegen',
    ],
    successMetrics: [
      'Alle hatten die Gelegenheit, zu Wort zu kommen.',
      'Wir haben höchstens drei Maßnahmen gewählt, jede mit einer verantwortlichen Person.',
    ],
  },
  decision: {
    name: 'Entscheidungsbesprechung',
    purpose: 'Gemeinsam mit den vorhandenen Informationen eine Entscheidung treffen.',
    outcome:
      'Eine Entscheidung oder eine klare verantwortliche Person und ein Datum, bis wann sie fällt.',
    agenda: [
      'Die Frage und warum sie jetzt wichtig ist',
      'Optionen und Abwägungen',
      'Bedenken und offene Fragen',
      'Entscheiden und festhalten, wer was tut',
    ],
    successMetrics: [
      'Die Entscheidung und ihre Gründe sind festgehalten.',
      'Alle Betroffenen wissen, wie es weitergeht.',
    ],
  },
};
