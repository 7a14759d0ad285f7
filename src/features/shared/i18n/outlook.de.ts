import type { OutlookMessages } from './outlook.en';

/**
 * The Outlook add-in's task pane in German (du-form, the words of `de.ts`). Typed as the English
 * ones: a missing or extra key fails `tsc`.
 */
export const outlookDe: OutlookMessages = {
  title: 'Rapport',
  thisMeeting: 'Diese Besprechung',
  meeting: 'Besprechung',
  when: 'Wann',
  attendees: 'Teilnehmende',
  noSubject: '(noch kein Betreff)',
  noAttendees: 'Noch niemand',
  reading: 'Die Besprechung wird gelesen…',
  notSaved:
    'Rapport speichert Erwartungen zusammen mit der Besprechung, deshalb speichert Outlook sie zuerst als Entwurf in deinem Kalender. Eingeladen wird erst, wenn du sie sendest.',
  saveAndAdd: 'Besprechung speichern und Erwartungen hinzufügen',
  saving: 'Die Besprechung wird gespeichert…',
  saveFailed: 'Outlook konnte die Besprechung nicht speichern.',
  inviteInForm:
    'In die Einladung geschrieben, die du gerade verfasst; dein eigener Text bleibt, wie er ist, und die Teilnehmenden erhalten sie, wenn du die Besprechung sendest.',
  pollNote:
    'Die Teilnehmenden beantworten eine Feedback-Umfrage im Rapport-Tab der Besprechung in Teams; du kannst sie hier hinzufügen, sobald die Besprechung gespeichert ist.',
  notComposing: (reason) =>
    `Öffne Rapport über das Menüband einer Besprechung, die du in Outlook planst. (${reason})`,
};
