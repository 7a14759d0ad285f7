import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PollDraft } from '../../../src/domain/feedback/schema';
import { FeedbackError, type PollView } from '../../../src/domain/ports/feedback';
import { relayFeedback } from '../../../src/relay-client/relay-feedback';
import { retryDelayMs } from '../../../src/relay-client/relay-http';

/**
 * The relay client against a tiny real HTTP server on loopback (no fetch mock): what goes on the
 * wire, how answers are read, and how retries behave without ever duplicating a write.
 */

interface Seen {
  method: string;
  url: string;
  auth: string | undefined;
  ifMatch: string | undefined;
  body: any;
}

type Handler = (req: Seen, res: ServerResponse) => void;

let server: ReturnType<typeof createServer>;
let baseUrl: string;
let seen: Seen[] = [];
let script: Handler[] = [];

const json = (res: ServerResponse, status: number, body: unknown, headers = {}) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      resolve(text);
    });
  });

beforeAll(async () => {
  server = createServer((req, res) => {
    void readBody(req).then((text) => {
      const s: Seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        auth: req.headers.authorization,
        ifMatch: req.headers['if-match'],
        body: text ? JSON.parse(text) : undefined,
      };
      seen.push(s);
      const next = script.shift();
      if (next) next(s, res);
      else json(res, 500, { error: { code: 'unscripted', message: 'no handler' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/relay/`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
  script = [];
});

const waits: number[] = [];
const client = (extra: Partial<Parameters<typeof relayFeedback>[0]> = {}) =>
  relayFeedback({
    baseUrl,
    getToken: () => Promise.resolve('token-for-relay'),
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
    ...extra,
  });

const POLL_ID = '3b0f3f0e-8a2d-4c1b-9f6e-2d7c5a1b0e42';
const view = (over: Partial<PollView> = {}): PollView => ({
  id: POLL_ID,
  meetingKey: 'ical-1',
  meetingTitle: 'Sprint planning',
  creatorId: 'grace-id',
  anonymous: true,
  shareResults: false,
  threshold: 5,
  questions: [{ id: 'valuable', kind: 'rating', text: 'How valuable was this meeting?' }],
  status: 'open',
  closesAt: '2026-03-20T11:00:00.000Z',
  responses: 0,
  answered: false,
  mayAnswer: true,
  isCreator: false,
  etag: '"1"',
  ...over,
});

const draft: PollDraft = {
  id: POLL_ID,
  meetingKey: 'ical-1',
  meetingTitle: 'Sprint planning',
  meetingEnd: '2026-03-13T11:00:00.000Z',
  anonymous: true,
  shareResults: false,
  questions: [{ id: 'valuable', kind: 'rating', text: 'How valuable was this meeting?' }],
  attendeeIds: ['a', 'b'],
};

const SUBMISSION = '0a9e5e8c-52a4-4f55-9d37-7a3c2f0b1d11';

const failure = async (p: Promise<unknown>): Promise<FeedbackError> => {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(FeedbackError);
    return err as FeedbackError;
  }
  throw new Error('expected a failure');
};

describe('relay client', () => {
  it('sends a bearer token and JSON, and reads the poll it gets back', async () => {
    script.push((_, res) => {
      json(res, 201, { ...view({ isCreator: true }), somethingNew: 1 });
    });
    const poll = await client().create(draft);
    expect(poll.isCreator).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: '/relay/api/polls',
      auth: 'Bearer token-for-relay',
      body: draft,
    });
  });

  it('retries a 429 and a 503 after Retry-After, sending the same poll id each time', async () => {
    waits.length = 0;
    script.push((_, res) => {
      json(res, 429, { error: { code: 'busy', message: 'slow down' } }, { 'Retry-After': '2' });
    });
    script.push((_, res) => {
      json(res, 503, { error: { code: 'busy', message: 'later' } }, { 'Retry-After': '1' });
    });
    script.push((_, res) => {
      json(res, 200, view({ isCreator: true }));
    });
    await client().create(draft);
    expect(seen.map((s) => s.body.id)).toEqual([POLL_ID, POLL_ID, POLL_ID]);
    expect(waits).toEqual([2000, 1000]);
  });

  it('retries a dropped connection and keeps the submission id', async () => {
    script.push((_, res) => {
      res.socket?.destroy();
    });
    script.push((_, res) => {
      json(res, 201, { responses: 3 });
    });
    const receipt = await client().answer(POLL_ID, SUBMISSION, { valuable: 4 });
    expect(receipt.responses).toBe(3);
    expect(seen.map((s) => s.body.submissionId)).toEqual([SUBMISSION, SUBMISSION]);
  });

  it('says "already answered" even when it came to a resend', async () => {
    // The relay takes a resend of the same submission (201), so a refusal after a busy answer is
    // another submission's vote: a second answer from another tab must not read as accepted.
    script.push((_, res) => {
      json(res, 503, { error: { code: 'unavailable', message: 'x' } });
    });
    script.push((_, res) => {
      json(res, 409, { error: { code: 'alreadyAnswered', message: 'You already answered.' } });
    });
    const err = await failure(client().answer(POLL_ID, SUBMISSION, { valuable: 4 }));
    expect(err.kind).toBe('alreadyAnswered');
    expect(seen.map((s) => s.body.submissionId)).toEqual([SUBMISSION, SUBMISSION]);
  });

  it('refuses a second answer with a clear message', async () => {
    script.push((_, res) => {
      json(res, 409, { error: { code: 'alreadyAnswered', message: 'You already answered.' } });
    });
    const err = await failure(client().answer(POLL_ID, SUBMISSION, { valuable: 4 }));
    expect(err.kind).toBe('alreadyAnswered');
    expect(err.message).toMatch(/already answered this poll/);
  });

  it('gives up after a bounded number of attempts and caps long waits', async () => {
    waits.length = 0;
    for (let i = 0; i < 3; i++) {
      script.push((_, res) => {
        json(res, 429, { error: { code: 'busy', message: 'x' } }, { 'Retry-After': '3600' });
      });
    }
    const err = await failure(client({ maxAttempts: 3 }).poll(POLL_ID));
    expect(err.kind).toBe('unavailable');
    expect(seen).toHaveLength(3);
    expect(waits).toEqual([5000, 5000]);
  });

  it.each([
    [401, 'x', /Sign in again/, 'signIn'],
    [403, 'x', /not on this poll’s list/, 'forbidden'],
    [409, 'pollClosed', /closed/, 'closed'],
    [400, 'invalid', /questions\.0\.text is too long/, 'invalid'],
    [404, 'notFound', /no longer exists/, 'notFound'],
  ] as const)('maps %i %s to a readable message', async (status, code, message, kind) => {
    script.push((_, res) => {
      json(res, status, { error: { code, message: 'questions.0.text is too long' } });
    });
    const err = await failure(client().poll(POLL_ID));
    expect(err.kind).toBe(kind);
    expect(err.message).toMatch(message);
    expect(seen).toHaveLength(1);
  });

  it('refuses an answer that does not follow the contract', async () => {
    script.push((_, res) => {
      json(res, 200, { ...view(), responses: 'many' });
    });
    expect((await failure(client().poll(POLL_ID))).kind).toBe('protocol');
  });

  it('closes with If-Match, and a resend that meets a 412 reads the closed poll', async () => {
    script.push((_, res) => {
      res.socket?.destroy();
    });
    script.push((_, res) => {
      json(res, 412, { error: { code: 'stale', message: 'stale' } });
    });
    script.push((_, res) => {
      json(res, 200, view({ status: 'closed', isCreator: true, etag: '"2"' }));
    });
    const closed = await client().close(view({ isCreator: true }));
    expect(closed.status).toBe('closed');
    expect(seen.slice(0, 2).map((s) => [s.method, s.ifMatch, s.body])).toEqual([
      ['PATCH', '"1"', { status: 'closed' }],
      ['PATCH', '"1"', { status: 'closed' }],
    ]);
  });

  const edited = [
    { id: 'valuable', kind: 'rating' as const, text: 'How valuable was this meeting?' },
    { id: 'custom-2', kind: 'text' as const, text: 'What should we keep doing?' },
  ];

  it('edits with one PATCH carrying If-Match and only the changes, and reads the poll back', async () => {
    script.push((_, res) => {
      json(res, 200, view({ isCreator: true, questions: edited, etag: '"2"' }));
    });
    const poll = await client().update(view({ isCreator: true }), {
      questions: edited,
      attendeeIds: ['a', 'b'],
    });
    expect(poll).toMatchObject({ questions: edited, etag: '"2"' });
    expect(seen.map((s) => [s.method, s.url, s.ifMatch, s.body])).toEqual([
      [
        'PATCH',
        `/relay/api/polls/${POLL_ID}`,
        '"1"',
        { questions: edited, attendeeIds: ['a', 'b'] },
      ],
    ]);
  });

  it('says plainly that a poll someone answered can no longer change', async () => {
    script.push((_, res) => {
      json(res, 409, {
        error: { code: 'answersExist', message: 'Questions cannot change once anyone answered.' },
      });
    });
    const err = await failure(client().update(view({ isCreator: true }), { questions: edited }));
    expect(err).toMatchObject({ kind: 'answersExist', status: 409 });
    expect(err.message).toMatch(/^Someone has already answered, so this poll can no longer change/);
    expect(seen).toHaveLength(1);
  });

  it('takes a 412 on an edit’s resend as its own change when the poll shows it', async () => {
    script.push((_, res) => {
      res.socket?.destroy();
    });
    script.push((_, res) => {
      json(res, 412, { error: { code: 'stale', message: 'stale' } });
    });
    script.push((_, res) => {
      json(res, 200, view({ isCreator: true, questions: edited, anonymous: false, etag: '"2"' }));
    });
    const poll = await client().update(view({ isCreator: true }), {
      questions: edited,
      anonymous: false,
    });
    expect(poll.etag).toBe('"2"');
    expect(seen.map((s) => [s.method, s.ifMatch])).toEqual([
      ['PATCH', '"1"'],
      ['PATCH', '"1"'],
      ['GET', undefined],
    ]);
  });

  it('reports a 412 as a conflict when someone else changed the poll', async () => {
    script.push((_, res) => {
      json(res, 412, { error: { code: 'stale', message: 'stale' } });
    });
    script.push((_, res) => {
      json(res, 200, view({ isCreator: true, etag: '"3"' }));
    });
    const err = await failure(client().update(view({ isCreator: true }), { questions: edited }));
    expect(err).toMatchObject({ kind: 'conflict', status: 412 });
    expect(err.message).toMatch(/changed the poll meanwhile/);
  });

  it('reads results below the threshold as a count only', async () => {
    script.push((_, res) => {
      json(res, 200, { state: 'waiting', responses: 4, needed: 1 });
    });
    expect(await client().results(POLL_ID)).toEqual({ state: 'waiting', responses: 4, needed: 1 });
    expect(seen[0]?.url).toBe(`/relay/api/polls/${POLL_ID}/results`);
  });

  it('reads a series’ trend below the threshold too', async () => {
    const periods = [
      { from: '2026-03-02', to: '2026-03-04', respondents: 6, means: { valuable: 4.17 } },
    ];
    script.push((_, res) => {
      json(res, 200, { state: 'waiting', responses: 2, needed: 3, periods });
    });
    expect(await client().results(POLL_ID)).toEqual({
      state: 'waiting',
      responses: 2,
      needed: 3,
      periods,
    });
  });

  it('lists waiting polls among the recent meetings Home read, in one relay query', async () => {
    script.push((req, res) => {
      json(res, 200, {
        polls: [
          view({ meetingKey: req.body.meetingKeys[0] }),
          view({ id: 'other', meetingKey: 'ical-2', mayAnswer: false, answered: true }),
        ],
      });
    });
    const organizer = { address: 'grace@x', isMe: false };
    const waiting = await client({
      idOfPerson: () => Promise.resolve('grace-id'),
    }).waiting([
      { meetingKey: 'ical-1', subject: 'Retro', end: 1 as never, organizer },
      { meetingKey: 'ical-2', subject: 'Other', end: 2 as never, organizer },
    ]);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.body).toEqual({ meetingKeys: ['ical-1', 'ical-2'] });
    expect(waiting.map((w) => w.meetingSubject)).toEqual(['Retro']);
  });

  it('asks the relay nothing when no meeting ended recently', async () => {
    expect(await client().waiting([])).toEqual([]);
    expect(seen).toHaveLength(0);
  });
});

describe('retryDelayMs', () => {
  it('reads seconds, HTTP dates and falls back to a capped backoff', () => {
    expect(retryDelayMs('2', 0, 0, 5000)).toBe(2000);
    expect(retryDelayMs(new Date(3000).toUTCString(), 0, 0, 5000)).toBe(3000);
    expect(retryDelayMs(null, 2, 0, 5000)).toBe(1000);
    expect(retryDelayMs('120', 0, 0, 5000)).toBe(5000);
  });
});
