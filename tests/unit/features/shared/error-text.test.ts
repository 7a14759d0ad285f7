import { describe, expect, it } from 'vitest';
import { FeedbackError } from '../../../../src/domain/ports/feedback';
import { relayCheckIn } from '../../../../src/relay-client/relay-checkin';
import { relayCoffeeFeedback } from '../../../../src/relay-client/relay-coffee';
import { failureOf } from '../../../../src/relay-client/relay-http';
import { relayFeedback } from '../../../../src/relay-client/relay-feedback';
import { errorText } from '../../../../src/features/shared/error-text';
import { de } from '../../../../src/features/shared/i18n/de';
import { en } from '../../../../src/features/shared/i18n/en';

const body = (code: string, message = '') => ({ error: { code, message } });

const failures: FeedbackError[] = [
  failureOf(400, undefined, 'notListed'),
  failureOf(401, undefined, 'notListed'),
  failureOf(403, undefined, 'notListed'),
  failureOf(403, undefined, 'notCreator'),
  failureOf(403, undefined, 'notShared'),
  failureOf(403, undefined, 'cannotAddPoll'),
  failureOf(403, undefined, 'notGrouped', 'coffee'),
  failureOf(403, undefined, 'membersOnly', 'coffee'),
  failureOf(403, undefined, 'notLead', 'checkIn'),
  failureOf(404, undefined, 'notListed'),
  failureOf(409, body('alreadyAnswered'), 'notListed'),
  failureOf(409, body('answersExist'), 'notCreator'),
  failureOf(409, body('pollClosed'), 'notListed'),
  failureOf(409, body('other'), 'notCreator'),
  failureOf(412, undefined, 'notCreator'),
  failureOf(429, undefined, 'notListed'),
  failureOf(503, undefined, 'notListed'),
  failureOf(500, undefined, 'notListed'),
];

/** A fetch that always answers `status` with `json`, or fails to connect when status is 0. */
const answering =
  (status: number, json?: unknown): typeof fetch =>
  () =>
    status === 0
      ? Promise.reject(new TypeError('fetch failed'))
      : Promise.resolve(new Response(json === undefined ? '' : JSON.stringify(json), { status }));

const options = (fetch: typeof globalThis.fetch) => ({
  baseUrl: 'https://relay.example',
  getToken: () => Promise.resolve('token'),
  fetch,
  sleep: () => Promise.resolve(),
  maxAttempts: 1,
});

const caught = async (promise: Promise<unknown>): Promise<FeedbackError> => {
  try {
    await promise;
  } catch (err) {
    if (err instanceof FeedbackError) return err;
    throw err;
  }
  throw new Error('expected a failure');
};

describe('errorText for relay failures', () => {
  it('gives the relay client’s own English', () => {
    for (const failure of failures) expect(errorText(failure, en)).toBe(failure.message);
  });

  it('says every one of them in German', () => {
    for (const failure of failures) {
      expect(errorText(failure, de), failure.message).not.toBe(failure.message);
    }
    expect(errorText(failureOf(404, undefined, 'notListed'), de)).toBe(
      'Diese Umfrage gibt es nicht mehr.',
    );
    expect(errorText(failureOf(403, undefined, 'notCreator'), de)).toBe(
      'Nur die Person, die diese Umfrage erstellt hat, kann sie ändern oder schließen.',
    );
  });

  it('passes on the relay’s own words as they are', () => {
    const refused = failureOf(400, body('invalid', 'questions.0.text is too long'), 'notListed');
    expect(errorText(refused, de)).toBe('questions.0.text is too long');
  });

  it('keeps other failures’ own messages', () => {
    expect(errorText(new Error('Graph said no'), de)).toBe('Graph said no');
    expect(errorText('plain', de)).toBe('plain');
  });

  it('words coffee, check-in and connection failures as their clients do', async () => {
    const coffee = relayCoffeeFeedback(options(answering(404)));
    const gone = await caught(coffee.answered('p', 1));
    expect(errorText(gone, en)).toBe(gone.message);
    expect(errorText(gone, de)).toBe('Diese Kaffeerunde gibt es nicht mehr.');

    const checkIn = relayCheckIn(options(answering(503)));
    const busy = await caught(checkIn.state());
    expect(errorText(busy, en)).toBe(busy.message);
    expect(errorText(busy, de)).toBe(
      'Der Check-in-Dienst von Rapport ist ausgelastet oder nicht erreichbar. Versuche es gleich noch einmal.',
    );

    const polls = relayFeedback(options(answering(0)));
    const offline = await caught(polls.poll('p'));
    expect(errorText(offline, en)).toBe(offline.message);
    expect(errorText(offline, de)).toMatch(/^Der Feedbackdienst von Rapport ist nicht erreichbar/);

    const unreadable = await caught(
      relayFeedback(options(answering(200, { nonsense: true }))).poll('p'),
    );
    expect(unreadable.kind).toBe('protocol');
    expect(errorText(unreadable, en)).toBe(unreadable.message);
    expect(errorText(unreadable, de)).toMatch(/^Der Feedbackdienst von Rapport hat eine Antwort/);
  });
});
