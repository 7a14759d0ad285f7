import { describe, expect, it } from 'vitest';
import { answersOf } from '../../../../src/features/feedback/answer-draft';
import { pollChatPost } from '../../../../src/features/feedback/poll-chat-post';
import {
  editLockedText,
  unreachableThreshold,
  validateForm,
} from '../../../../src/features/feedback/poll-form';
import {
  answeredText,
  moreResponsesText,
  thanksText,
} from '../../../../src/features/feedback/poll-text';
import { de } from '../../../../src/features/shared/i18n/de';
import { en } from '../../../../src/features/shared/i18n/en';
import type { Question } from '../../../../src/domain/feedback/schema';

/** The feedback and coffee-program strings: English as it was, German in its own words. */

describe('the feedback catalog', () => {
  it('keeps the English counts and plurals', () => {
    expect(answeredText(1)).toBe('1 person has answered');
    expect(answeredText(0)).toBe('0 people have answered');
    expect(moreResponsesText(1)).toBe('Results appear after 1 more response.');
    expect(thanksText(true)).toBe('Thanks — your answer is anonymous.');
    expect(en.feedback.results.percent(40)).toBe('40%');
  });

  it('says counts in German by its plural rules', () => {
    expect(answeredText(1, de)).toBe('1 Person hat geantwortet');
    expect(answeredText(4, de)).toBe('4 Personen haben geantwortet');
    expect(moreResponsesText(1, de)).toBe('Ergebnisse erscheinen nach 1 weiteren Antwort.');
    expect(moreResponsesText(3, de)).toBe('Ergebnisse erscheinen nach 3 weiteren Antworten.');
    expect(unreachableThreshold(1, 5, 'meeting', de)).toBe(
      'Ergebnisse werden nie angezeigt: Diese Besprechung hat 1 Person, die antworten kann, weniger als die nötigen 5. Die Antworten bleiben so oder so privat.',
    );
    expect(unreachableThreshold(3, 5, 'series', de)).toMatch(
      /^Ergebnisse werden nie angezeigt: Diese Serie hat 3 Personen, die antworten können, weniger als die nötigen 5, und/,
    );
  });

  it('checks the poll form in the person’s language', () => {
    const form = {
      questions: [{ id: 'q', kind: 'choice' as const, text: ' ', options: ['a', ''] }],
      anonymous: true,
      shareResults: false,
    };
    expect(validateForm(form)).toEqual({
      'questions.q.text': 'A question can’t be empty.',
      'questions.q.options.1': 'An option can’t be empty.',
    });
    expect(validateForm(form, de)).toEqual({
      'questions.q.text': 'Eine Frage darf nicht leer sein.',
      'questions.q.options.1': 'Eine Option darf nicht leer sein.',
    });
    expect(editLockedText({ status: 'closed', responses: 0 }, de)).toBe(
      'Diese Umfrage ist geschlossen und kann nicht mehr geändert werden.',
    );
  });

  it('says an unanswered question in the person’s language, as the relay says it in English', () => {
    const questions: Question[] = [
      { id: 'valuable', kind: 'rating', text: 'How valuable was this meeting?' },
      { id: 'improve', kind: 'text', text: 'One thing to improve' },
    ];
    const english = answersOf(questions, {});
    const german = answersOf(questions, {}, de);
    expect(english.ok ? undefined : english.errors).toEqual({
      'answers.valuable': ["'How valuable was this meeting?' needs an answer."],
    });
    expect(german.ok ? undefined : german.errors).toEqual({
      'answers.valuable': ['„How valuable was this meeting?“ braucht eine Antwort.'],
    });
  });

  it('posts the chat message in the poster’s language', () => {
    const input = {
      pollId: 'p1',
      meetingSubject: '',
      closesAt: '2026-03-20T16:00:00Z',
      chatId: '19:meeting_x@thread.v2',
      teamsAppId: 'app',
      locale: 'de-DE',
      timeZone: 'UTC',
    };
    expect(pollChatPost({ ...input, t: de }).html).toContain(
      'Feedbackumfrage zu dieser Besprechung: Bitte antworte bis',
    );
    expect(pollChatPost(input).html).toContain('Feedback poll for this meeting: please answer');
  });
});

describe('the coffee programs catalog', () => {
  it('keeps the English description of a program', () => {
    const m = en.programs;
    expect(m.meta.looksAhead(1)).toBe('looks 1 working day ahead');
    expect(m.meta.looksAhead(5)).toBe('looks 5 working days ahead');
    expect(m.recent(6, 1, 2, 0)).toBe('Last 6 weeks: 1 round · 2 groups · 0 booked');
    expect(m.rate.waiting(1)).toBe('Meeting rate shows after 1 more “did you meet?” answer.');
    expect(m.rate.waiting(2)).toBe('Meeting rate shows after 2 more “did you meet?” answers.');
    expect(m.takingPart(3, true)).toBe('3 taking part, some snoozed');
  });

  it('says it in German with German plurals', () => {
    const m = de.programs;
    expect(m.meta.looksAhead(1)).toBe('plant 1 Arbeitstag im Voraus');
    expect(m.recent(6, 1, 2, 0)).toBe('Letzte 6 Wochen: 1 Runde · 2 Gruppen · 0 gebucht');
    expect(m.takingPart(1, false)).toBe('1 nimmt teil');
    expect(m.unreadable(2)).toMatch(/^2 gespeicherte Programme wurden/);
  });
});
