import { describe, expect, it } from 'vitest';
import { ChatPostError } from '../../../../src/domain/ports/meeting-chat';
import { GraphWordsError, type GraphWords } from '../../../../src/domain/ports/graph-words';
import { errorText } from '../../../../src/features/shared/error-text';
import { graphText, wordedErrors, wordedText } from '../../../../src/features/shared/graph-text';
import { de } from '../../../../src/features/shared/i18n/de';
import { en } from '../../../../src/features/shared/i18n/en';
import { inviteMessage } from '../../../../src/features/meeting/messages';
import { PostUnconfirmedError } from '../../../../src/graph/chat/post-once';
import { groupGone } from '../../../../src/graph/social/rounds-repository';

/** Every code, with the adapter's English (as the adapter builds it today) and its German. */
const cases: [GraphWords, string, string][] = [
  [
    { code: 'chatForbidden' },
    'You cannot post to this meeting chat: only people in the chat can, and your organization must let Rapport read and send chat messages for you.',
    'Du kannst in diesem Besprechungschat nicht posten: Das können nur Personen im Chat, und deine Organisation muss Rapport erlauben, Chatnachrichten für dich zu lesen und zu senden.',
  ],
  [
    { code: 'chatNotFound' },
    'This meeting’s chat was not found, or you are not in it.',
    'Der Chat dieser Besprechung wurde nicht gefunden, oder du bist nicht darin.',
  ],
  [
    { code: 'chatRefused', detail: 'Message body too long' },
    'Teams refused the message: Message body too long',
    'Teams hat die Nachricht abgelehnt: Message body too long',
  ],
  [
    { code: 'chatUnavailable' },
    'Teams is busy or could not be reached. Try again in a moment.',
    'Teams ist ausgelastet oder nicht erreichbar. Versuche es gleich noch einmal.',
  ],
  [
    { code: 'chatUnconfirmed', posts: 1 },
    'Teams did not confirm the post (1 try), and the message is not in the chat yet. Try again: Rapport looks in the chat first, so the message is never posted twice.',
    'Teams hat den Beitrag nicht bestätigt (1 Versuch), und die Nachricht ist noch nicht im Chat. Versuche es erneut: Rapport sieht zuerst im Chat nach, daher wird die Nachricht nie doppelt gepostet.',
  ],
  [
    { code: 'chatUnconfirmed', posts: 4 },
    'Teams did not confirm the post (4 tries), and the message is not in the chat yet. Try again: Rapport looks in the chat first, so the message is never posted twice.',
    'Teams hat den Beitrag nicht bestätigt (4 Versuche), und die Nachricht ist noch nicht im Chat. Versuche es erneut: Rapport sieht zuerst im Chat nach, daher wird die Nachricht nie doppelt gepostet.',
  ],
  [
    { code: 'summaryEditForbidden' },
    'You cannot change the summary message: only the person who posted it can, and your organization must let Rapport edit chat messages for you.',
    'Du kannst die Nachricht mit der Zusammenfassung nicht ändern: Das kann nur die Person, die sie gepostet hat, und deine Organisation muss Rapport erlauben, Chatnachrichten für dich zu bearbeiten.',
  ],
  [
    { code: 'summaryEditUnavailable' },
    'Teams is busy or could not be reached, so the message was not updated. The summary is saved; try again in a moment.',
    'Teams ist ausgelastet oder nicht erreichbar, daher wurde die Nachricht nicht aktualisiert. Die Zusammenfassung ist gespeichert; versuche es gleich noch einmal.',
  ],
  [
    { code: 'summaryNotNoted' },
    'The summary is in the meeting chat, but Rapport could not note that in the team site. Try again: it finds the message instead of posting another.',
    'Die Zusammenfassung ist im Besprechungschat, aber Rapport konnte das nicht auf der Website des Teams vermerken. Versuche es erneut: Rapport findet die Nachricht, statt eine weitere zu posten.',
  ],
  [
    { code: 'inviteAttempts', attempts: 3 },
    'The invite could not be updated after 3 attempts; the event kept changing or Graph did not answer.',
    'Die Einladung konnte nach 3 Versuchen nicht aktualisiert werden; der Termin hat sich immer wieder geändert oder Graph hat nicht geantwortet.',
  ],
  [
    { code: 'inviteNotUpdated', detail: 'Access is denied.' },
    'Saved, but the invite could not be updated: Access is denied.',
    'Gespeichert, aber die Einladung konnte nicht aktualisiert werden: Access is denied.',
  ],
  [
    {
      code: 'inviteNotUpdated',
      detail: 'ignored when the reason is known',
      reason: { code: 'inviteAttempts', attempts: 3 },
    },
    'Saved, but the invite could not be updated: The invite could not be updated after 3 attempts; the event kept changing or Graph did not answer.',
    'Gespeichert, aber die Einladung konnte nicht aktualisiert werden: Die Einladung konnte nach 3 Versuchen nicht aktualisiert werden; der Termin hat sich immer wieder geändert oder Graph hat nicht geantwortet.',
  ],
  [
    { code: 'readFailed', what: 'calendar', detail: 'Mailbox is busy', status: 503 },
    'Could not read your calendar: Mailbox is busy (503).',
    'Rapport konnte deinen Kalender nicht lesen: Mailbox is busy (503).',
  ],
  [
    { code: 'readFailed', what: 'profile' },
    'Could not read your profile (no answer).',
    'Rapport konnte dein Profil nicht lesen (keine Antwort).',
  ],
  [
    { code: 'readFailed', what: 'programRounds', status: 500 },
    'Could not read the programs’ rounds (500).',
    'Rapport konnte die Runden der Programme nicht lesen (500).',
  ],
  [
    { code: 'deliverableNotSaved' },
    'The deliverable could not be saved.',
    'Das Ergebnis konnte nicht gespeichert werden.',
  ],
  [
    { code: 'deliverableGone' },
    'This deliverable was removed or damaged meanwhile; reload the tab.',
    'Dieses Ergebnis wurde inzwischen entfernt oder beschädigt; lade den Tab neu.',
  ],
  [
    { code: 'deliverableGoneHome' },
    'This deliverable was removed or changed outside Rapport; reload Home.',
    'Dieses Ergebnis wurde außerhalb von Rapport entfernt oder geändert; lade die Startseite neu.',
  ],
  [
    { code: 'templateNameTaken', name: 'INCIDENT review' },
    'Your team already has a template called “INCIDENT review”.',
    'Dein Team hat schon eine Vorlage namens „INCIDENT review“.',
  ],
  [
    { code: 'templatesFull', max: 50 },
    'Your team has 50 templates, the most it can keep.',
    'Dein Team hat 50 Vorlagen, mehr kann es nicht behalten.',
  ],
  [
    { code: 'storedNotJson' },
    'The stored payload is not valid JSON.',
    'Der gespeicherte Inhalt ist kein gültiges JSON.',
  ],
  [
    { code: 'storedExpectationsChanged' },
    'The stored expectations were changed outside Rapport and no longer read correctly; reload the tab to see them.',
    'Die gespeicherten Erwartungen wurden außerhalb von Rapport geändert und sind nicht mehr richtig lesbar; lade den Tab neu, um sie zu sehen.',
  ],
  [
    { code: 'noMeetingChat' },
    "This chat isn't a meeting chat you are in, so there is no meeting to show.",
    'Dieser Chat ist kein Besprechungschat, in dem du bist, daher gibt es keine Besprechung zum Anzeigen.',
  ],
  [
    { code: 'notInCalendarWindow' },
    "This meeting isn't in your calendar between yesterday and the next two weeks; ask the organizer to invite you.",
    'Diese Besprechung steht zwischen gestern und den nächsten zwei Wochen nicht in deinem Kalender; bitte die organisierende Person, dich einzuladen.',
  ],
  [
    { code: 'noLongerInCalendar' },
    'This meeting is no longer in your calendar.',
    'Diese Besprechung steht nicht mehr in deinem Kalender.',
  ],
  [
    { code: 'siteClosed' },
    'Meeting expectations are kept on your team’s site, which Rapport cannot open for you. Ask your team owner to add you to the team.',
    'Die Erwartungen an Besprechungen liegen auf der Website deines Teams, die Rapport für dich nicht öffnen kann. Bitte die Person, der das Team gehört, dich zum Team hinzuzufügen.',
  ],
  [
    { code: 'groupGone' },
    'That group is not in the round any more.',
    'Diese Gruppe ist nicht mehr in der Runde.',
  ],
  [
    { code: 'roundKeptChanging' },
    'The round kept changing; try again.',
    'Die Runde hat sich immer wieder geändert; versuche es erneut.',
  ],
];

describe('graphText', () => {
  it.each(cases)('%j in English and German', (words, english, german) => {
    expect(graphText(words)).toBe(english);
    expect(graphText(words, en)).toBe(english);
    expect(graphText(words, de)).toBe(german);
  });

  it('has a case for every code', () => {
    const codes = new Set(cases.map(([words]) => words.code));
    expect(codes.size).toBe(24);
  });

  it('names every read target in both languages', () => {
    for (const what of Object.keys(en.graphErrors.readTargets)) {
      const words = { code: 'readFailed', what } as GraphWords;
      expect(graphText(words, en)).toMatch(/^Could not read /);
      expect(graphText(words, de)).toMatch(/^Rapport konnte .+ nicht lesen \(keine Antwort\)\.$/);
    }
  });
});

describe('errorText for Graph failures', () => {
  it('gives the adapters’ own English', () => {
    const gone = groupGone();
    expect(errorText(gone)).toBe(gone.message);
    const unconfirmed = new PostUnconfirmedError(2, undefined);
    expect(graphText({ code: 'chatUnconfirmed', posts: 2 })).toBe(
      `${unconfirmed.message} Try again: Rapport looks in the chat first, so the message is never posted twice.`,
    );
  });

  it('puts a worded error in the reader’s language and keeps the English message', () => {
    const error = new GraphWordsError(
      { code: 'groupGone' },
      'That group is not in the round any more.',
    );
    expect(errorText(error)).toBe('That group is not in the round any more.');
    expect(errorText(error, de)).toBe('Diese Gruppe ist nicht mehr in der Runde.');
    expect(String(error)).toBe('Error: That group is not in the round any more.');
  });

  it('reads a chat failure’s words', () => {
    const error = new ChatPostError('unavailable', 'English as sent', 503, {
      words: { code: 'chatUnavailable' },
    });
    expect(error.message).toBe('English as sent');
    expect(errorText(error, de)).toBe(
      'Teams ist ausgelastet oder nicht erreichbar. Versuche es gleich noch einmal.',
    );
  });

  it('keeps the message of a chat failure without words', () => {
    expect(errorText(new ChatPostError('invalid', 'As it came'), de)).toBe('As it came');
  });
});

describe('worded outcomes', () => {
  it('says an invite failure in the reader’s language', () => {
    const failed = {
      failed: 'Saved, but the invite could not be updated: Access is denied.',
      words: { code: 'inviteNotUpdated', detail: 'Access is denied.' } as const,
    };
    expect(inviteMessage(failed)).toEqual({ intent: 'warning', text: failed.failed });
    expect(inviteMessage(failed, de).text).toBe(
      'Gespeichert, aber die Einladung konnte nicht aktualisiert werden: Access is denied.',
    );
    expect(inviteMessage({ failed: 'No words.' }, de).text).toBe('No words.');
  });

  it('replaces save-time errors by their words, and leaves others alone', () => {
    const errors = { '': ['The deliverable could not be saved.'] };
    expect(wordedErrors({ errors, words: { code: 'deliverableNotSaved' } })).toEqual(errors);
    expect(wordedErrors({ errors, words: { code: 'deliverableNotSaved' } }, de)).toEqual({
      '': ['Das Ergebnis konnte nicht gespeichert werden.'],
    });
    const taken = {
      errors: { name: ['Your team already has a template called “Retro”.'] },
      words: { code: 'templateNameTaken', name: 'Retro' } as const,
    };
    expect(wordedErrors(taken)).toEqual(taken.errors);
    expect(wordedErrors(taken, de)).toEqual({
      name: ['Dein Team hat schon eine Vorlage namens „Retro“.'],
    });
    const fields = { purpose: ['Too long.'] };
    expect(wordedErrors({ errors: fields }, de)).toBe(fields);
  });

  it('says a not-found meeting in the reader’s language', () => {
    const notFound = {
      message: 'This meeting is no longer in your calendar.',
      words: { code: 'noLongerInCalendar' } as const,
    };
    expect(wordedText(notFound)).toBe(notFound.message);
    expect(wordedText(notFound, de)).toBe('Diese Besprechung steht nicht mehr in deinem Kalender.');
    expect(wordedText({ message: 'As it came' }, de)).toBe('As it came');
  });
});
