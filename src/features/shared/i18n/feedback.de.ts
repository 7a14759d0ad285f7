import type { FeedbackMessages } from './feedback.en';
import { plural, type PluralForms } from './plural';

const n = (count: number, forms: PluralForms) => plural('de', count, forms);

/**
 * The feedback feature's UI strings in German (du-form, as `de.ts`). Typed as the English ones:
 * a missing or extra key fails `tsc`.
 */
export const feedbackDe: FeedbackMessages = {
  answered: (responses) =>
    n(responses, {
      one: '1 Person hat geantwortet',
      other: `${String(responses)} Personen haben geantwortet`,
    }),
  thanks: (anonymous) =>
    anonymous
      ? 'Danke – deine Antwort ist anonym.'
      : 'Danke – deine Antwort ist mit deinem Namen gespeichert, wie die Umfrage angekündigt hat.',
  moreResponses: (needed) =>
    n(needed, {
      one: 'Ergebnisse erscheinen nach 1 weiteren Antwort.',
      other: `Ergebnisse erscheinen nach ${String(needed)} weiteren Antworten.`,
    }),
  pollClosed: 'Diese Umfrage ist geschlossen.',
  section: {
    title: 'Feedback zur Besprechung',
    loading: 'Feedbackumfragen werden geladen…',
    loadFailed: 'Die Feedbackumfragen konnten nicht geladen werden.',
    reload: 'Feedback neu laden',
    noPollYet: 'Für diese Besprechung gibt es noch keine Feedbackumfrage.',
    addPoll: 'Feedbackumfrage hinzufügen',
    cannotShare: 'Diese Besprechung lässt Rapport nicht auf der Bühne teilen.',
    pollHeading: (open) => `Feedbackumfrage · ${open ? 'offen' : 'geschlossen'}`,
    anonymous: 'Anonym.',
    named: 'Mit Namen.',
    questions: 'Fragen dieser Umfrage',
    sharedToStage: 'Auf der Besprechungsbühne geteilt.',
    changesSaved: 'Änderungen gespeichert.',
    shareToStage: 'Umfrage auf der Bühne teilen',
    editPoll: 'Umfrage bearbeiten',
    reloadPoll: 'Umfrage neu laden',
    closePoll: 'Umfrage schließen',
    shareFailed: 'Teilen auf der Bühne nicht möglich.',
    notClosed: 'Die Umfrage wurde nicht geschlossen.',
  },
  editor: {
    kinds: { rating: 'Bewertung (1 bis 5)', choice: 'Einfachauswahl', text: 'Freitext' },
    anonymousStatement: (k, commentK) =>
      `Anonym: Antworten werden ohne Namen und ohne genauere Zeit als den Tag gespeichert. Niemand, auch du nicht, kann sehen, wer was geantwortet hat. Ergebnisse erscheinen nur als Summen, sobald mindestens ${String(k)} Personen geantwortet haben, und Kommentare ab ${String(commentK)}.`,
    namedStatement:
      'Mit Namen: Du siehst, wer welche Antwort gegeben hat. Die Teilnehmenden erfahren das, bevor sie antworten.',
    editTitle: 'Feedbackumfrage bearbeiten',
    newTitle: 'Neue Feedbackumfrage',
    question: (i) => `Frage ${String(i)}`,
    removeQuestion: (i) => `Frage ${String(i)} entfernen`,
    newKind: 'Art der neuen Frage',
    addQuestion: 'Frage hinzufügen',
    questionsFull: (max) => `Eine Umfrage kann höchstens ${String(max)} Fragen haben.`,
    anonymous: 'Anonym',
    shareResults: 'Ergebnisse mit den Teilnehmenden teilen',
    whoCanAnswer: (count) => `Wer antworten kann (${String(count)})`,
    cannotVote: (name) => `${name} – kann nicht abstimmen (kein Konto in deiner Organisation)`,
    fixBeforeSaving:
      'Einige Felder müssen noch angepasst werden, bevor die Änderungen gespeichert werden können.',
    fixBeforeAdding:
      'Einige Felder müssen noch angepasst werden, bevor die Umfrage hinzugefügt werden kann.',
    notAdded: 'Die Umfrage wurde nicht hinzugefügt.',
    notChanged: 'Die Umfrage wurde nicht geändert.',
    savingChanges: 'Änderungen werden gespeichert…',
    saveChanges: 'Änderungen speichern',
    adding: 'Umfrage wird hinzugefügt…',
    addPoll: 'Umfrage hinzufügen',
    cancel: 'Abbrechen',
    backToPoll: 'Zurück zur Umfrage',
    kindOf: (i) => `Art von Frage ${String(i)}`,
    option: (option, question) => `Option ${String(option)} von Frage ${String(question)}`,
    removeOption: (option, question) =>
      `Option ${String(option)} von Frage ${String(question)} entfernen`,
    addOption: (question) => `Option zu Frage ${String(question)} hinzufügen`,
  },
  form: {
    unreachable: (voters, k, series) =>
      `Ergebnisse werden nie angezeigt: ${series ? 'Diese Serie' : 'Diese Besprechung'} hat ${n(
        voters,
        {
          one: '1 Person, die antworten kann',
          other: `${String(voters)} Personen, die antworten können`,
        },
      )}, weniger als die nötigen ${String(k)}${
        series ? ', und das Zusammenfassen ihrer Besprechungen ändert daran nichts' : ''
      }. Die Antworten bleiben so oder so privat.`,
    questionEmpty: 'Eine Frage darf nicht leer sein.',
    questionTooLong: (max, length) =>
      `Eine Frage darf höchstens ${String(max)} Zeichen haben (diese hat ${String(length)}).`,
    optionEmpty: 'Eine Option darf nicht leer sein.',
    optionTooLong: (max, length) =>
      `Eine Option darf höchstens ${String(max)} Zeichen haben (diese hat ${String(length)}).`,
    needsQuestion: 'Eine Umfrage braucht mindestens eine Frage.',
    choiceOptions: (min, max) =>
      `Eine Auswahlfrage braucht ${String(min)} bis ${String(max)} Optionen.`,
    nobodyCanAnswer:
      'Niemand in dieser Besprechung hat ein Konto, das Rapport auflisten kann, daher könnte niemand antworten.',
    closedLock: 'Diese Umfrage ist geschlossen und kann nicht mehr geändert werden.',
    answeredLock:
      'Jemand hat bereits geantwortet, daher kann diese Umfrage nicht mehr geändert werden. Deine Änderungen stehen unten noch da, wurden aber nicht gespeichert.',
  },
  answer: {
    ratingLowest: '1 – überhaupt nicht',
    ratingHighest: '5 – sehr',
    yourFeedback: (title) => `Dein Feedback zu „${title}“`,
    anonymousNote:
      'Diese Umfrage ist anonym: Deine Antwort wird ohne deinen Namen gespeichert, und Ergebnisse erscheinen nur als Summen über mehrere Personen.',
    namedNote:
      'Diese Umfrage ist namentlich: Die organisierende Person sieht deinen Namen neben deinen Antworten.',
    optional: (counter) => `Keine Pflichtangabe. ${counter}`,
    needsAnswer: (question) => `„${question}“ braucht eine Antwort.`,
    fixBeforeSending: 'Einige Fragen brauchen eine Antwort, bevor du sendest.',
    notSent: 'Deine Antwort wurde nicht gesendet.',
    sending: 'Wird gesendet…',
    send: 'Antwort senden',
    alreadyAnswered:
      'Du hast diese Umfrage bereits beantwortet. Deine erste Antwort gilt; eine Umfrage nimmt eine Antwort pro Person an.',
    closed: 'Diese Umfrage ist geschlossen und nimmt keine Antworten mehr an.',
  },
  waiting: {
    title: 'Ausstehendes Feedback',
    answerFor: (subject) => `Feedback zu ${subject} geben`,
    dialogTitle: (subject) => `Feedback zu ${subject}`,
    checking: 'Die Umfrage wird geprüft…',
    checkFailed:
      'Rapport konnte nicht prüfen, wer diese Umfrage erstellt hat. Versuche es später erneut.',
    notOrganizers:
      'Diese Umfrage wurde nicht von der organisierenden Person der Besprechung erstellt, daher zeigt Rapport sie nicht an.',
    close: 'Schließen',
  },
  results: {
    loading: 'Die Ergebnisse werden geladen',
    loadFailed: 'Die Ergebnisse konnten nicht geladen werden.',
    title: 'Ergebnisse',
    soFar: (responses) => `Bisher ${String(responses)} beantwortet.`,
    respondents: (respondents, publishedAt) =>
      `${n(respondents, { one: '1 Person hat', other: `${String(respondents)} Personen haben` })} geantwortet (Ergebnisse vom ${publishedAt}).`,
    unpublished: (unpublished, threshold) =>
      `${String(unpublished)} neuere Antworten kommen hinzu, sobald ${String(threshold)} weitere eingegangen sind, damit keine einzelne Antwort erkennbar ist.`,
    trendCaption: 'Verlauf über die Serie (durchschnittliche Bewertung von 5 je Zeitraum)',
    period: 'Zeitraum',
    people: 'Personen',
    answer: 'Antwort',
    share: 'Anteil',
    commentsAt: (k) =>
      `Kommentare erscheinen, sobald mindestens ${String(k)} Personen geantwortet haben.`,
    noComments: 'Keine Kommentare.',
    mean: (mean) => ` – Durchschnitt ${mean} von 5`,
    percent: (share) => `${String(share)} %`,
  },
  stage: {
    loading: 'Die Umfrage wird geladen…',
    loadFailed: 'Die Umfrage konnte nicht geladen werden.',
    heading: (title) => `Feedback zu „${title}“`,
    answerInPanel:
      'Antworte in Rapport in deinem eigenen Besprechungsbereich. Deine Antwort wird hier nie angezeigt.',
  },
  chat: {
    posted: 'Im Besprechungschat gepostet',
    post: 'Link im Besprechungschat posten',
    posting: 'Wird gepostet…',
    lookFailed: 'Im Besprechungschat konnte nicht nachgesehen werden.',
    postFailed: 'Der Link wurde nicht im Besprechungschat gepostet.',
    thisMeeting: 'dieser Besprechung',
    linkLabel: 'Feedbackumfrage',
    message: (subject, closes) => `Feedbackumfrage zu ${subject}: Bitte antworte bis ${closes}.`,
    answerInRapport: 'In Rapport antworten',
  },
};
