import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FeedbackError } from '../../src/domain/ports/feedback';
import { PEOPLE, SITES, upnOf } from '../../src/local/tenant/seed/directory';
import { relayFeedback } from '../../src/relay-client/relay-feedback';
import { faultKindsMet, type FaultRuleInput } from '../support/local-tenant';
import { createPoll, defaultAnswers, personId, pollDraft, vote } from '../support/relay-polls';
import { useTestRelay } from '../support/use-test-relay';

const t = useTestRelay();
const outsider = personId(10);

/** The Responses items of one poll, straight from the tenant's store. */
function storedResponses(pollId: string): any[] {
  const state = t.tenant.tenant.store.state;
  const site = state.sites[SITES.private.id];
  const list = (site?.listIds ?? [])
    .map((id) => state.lists[id])
    .find((l) => l?.list.displayName === 'Responses');
  return Object.values(list?.items ?? {}).filter((i: any) => String(i.fields.PollKey) === pollId);
}

describe('relay polls', () => {
  it('creates a poll once; the same id again by its creator answers the stored poll', async () => {
    const draft = pollDraft();
    const first = await t.call(personId(0), 'POST', '/api/polls', draft);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      id: draft.id,
      threshold: 5,
      status: 'open',
      isCreator: true,
      responses: 0,
    });
    expect(first.body.closesAt).toBe('2026-03-18T14:00:00.000Z');
    expect(first.body.attendeeIds).toBeUndefined();
    const again = await t.call(personId(0), 'POST', '/api/polls', draft);
    expect(again.status).toBe(200);
    const stolen = await t.call(personId(1), 'POST', '/api/polls', draft);
    expect(stolen.status).toBe(409);
  });

  it('refuses a threshold below the floor (400)', async () => {
    const res = await t.call(personId(0), 'POST', '/api/polls', pollDraft({ threshold: 2 }));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/threshold.*below 3/);
  });

  it('refuses a malformed draft naming the field', async () => {
    const res = await t.call(personId(0), 'POST', '/api/polls', pollDraft({ questions: [] }));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/questions: A poll needs at least one question/);
  });

  it('shows a poll to its creator and attendees only; only the creator changes it', async () => {
    const { draft, view } = await createPoll(t);
    expect((await t.call(personId(3), 'GET', `/api/polls/${draft.id}`)).body).toMatchObject({
      mayAnswer: true,
      isCreator: false,
    });
    expect((await t.call(outsider, 'GET', `/api/polls/${draft.id}`)).status).toBe(403);
    const patch = await t.call(
      personId(3),
      'PATCH',
      `/api/polls/${draft.id}`,
      { shareResults: true },
      { 'If-Match': view.etag },
    );
    expect(patch.status).toBe(403);
    const stale = await t.call(
      personId(0),
      'PATCH',
      `/api/polls/${draft.id}`,
      { shareResults: true },
      { 'If-Match': '"nope"' },
    );
    expect(stale.status).toBe(412);
    const ok = await t.call(
      personId(0),
      'PATCH',
      `/api/polls/${draft.id}`,
      { shareResults: true },
      { 'If-Match': view.etag },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.shareResults).toBe(true);
    const low = await t.call(
      personId(0),
      'PATCH',
      `/api/polls/${draft.id}`,
      { threshold: 1 },
      { 'If-Match': ok.body.etag },
    );
    expect(low.status).toBe(400);
    const query = await t.call(personId(3), 'POST', '/api/polls/query', {
      meetingKeys: [draft.meetingKey],
    });
    expect(query.body.polls.map((p: any) => p.id)).toEqual([draft.id]);
    const hidden = await t.call(outsider, 'POST', '/api/polls/query', {
      meetingKeys: [draft.meetingKey],
    });
    expect(hidden.body.polls).toEqual([]);
  });

  it('takes answers from listed attendees only, once each', async () => {
    const { draft } = await createPoll(t);
    expect((await vote(t, outsider, draft.id, defaultAnswers(3))).status).toBe(403);
    const first = await vote(t, personId(1), draft.id, defaultAnswers(4));
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ responses: 1 });
    const second = await vote(t, personId(1), draft.id, defaultAnswers(1));
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('alreadyAnswered');
    const view = await t.call(personId(1), 'GET', `/api/polls/${draft.id}`);
    expect(view.body).toMatchObject({ responses: 1, answered: true, mayAnswer: false });
  });

  it('refuses oversized and malformed answers with a clear message', async () => {
    const { draft } = await createPoll(t);
    const long = await vote(t, personId(1), draft.id, defaultAnswers(3, 'x'.repeat(1001)));
    expect(long.status).toBe(400);
    expect(long.body.error.message).toMatch(/answers.improve: .*at most 1000 characters/);
    const range = await vote(t, personId(1), draft.id, { ...defaultAnswers(3), valuable: 9 });
    expect(range.body.error.message).toMatch(/answers.valuable: .*from 1 to 5/);
    const notJson = await t.call(
      personId(1),
      'POST',
      `/api/polls/${draft.id}/answers`,
      '{"submissionId":',
    );
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.message).toMatch(/not valid JSON/);
    const huge = await t.call(personId(1), 'POST', `/api/polls/${draft.id}/answers`, {
      submissionId: randomUUID(),
      answers: { improve: 'y'.repeat(200_000) },
    });
    expect(huge.status).toBe(400);
    const noId = await t.call(personId(1), 'POST', `/api/polls/${draft.id}/answers`, {
      answers: defaultAnswers(3),
    });
    expect(noId.body.error.message).toMatch(/submissionId/);
    // None of these counted, so the person can still answer.
    expect((await vote(t, personId(1), draft.id, defaultAnswers(3))).status).toBe(201);
  });

  it('refuses answers to a closed poll (409), closed by its creator or by time', async () => {
    const { draft, view } = await createPoll(t);
    await t.call(
      personId(0),
      'PATCH',
      `/api/polls/${draft.id}`,
      { status: 'closed' },
      { 'If-Match': view.etag },
    );
    const res = await vote(t, personId(2), draft.id, defaultAnswers(3));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('pollClosed');
    const old = await createPoll(t, { meetingEnd: '2026-03-01T10:00:00Z' });
    expect((await vote(t, personId(2), old.draft.id, defaultAnswers(3))).status).toBe(409);
  });

  it('returns no answers or counts below the threshold, then aggregates; republishes only after k new', async () => {
    const { draft } = await createPoll(t, { threshold: 3, shareResults: true });
    const secret = '<script>alert("x")</script> & <b>bold</b>';
    for (let i = 1; i <= 2; i++)
      await vote(t, personId(i), draft.id, defaultAnswers(i, `${secret} ${String(i)}`));
    for (const who of [personId(0), personId(1)]) {
      const waiting = await t.call(who, 'GET', `/api/polls/${draft.id}/results`);
      expect(waiting.body).toEqual({ state: 'waiting', responses: 2, needed: 1 });
    }
    const view = await t.call(personId(0), 'GET', `/api/polls/${draft.id}`);
    expect(Object.keys(view.body).sort()).not.toContain('questions.counts');
    expect(JSON.stringify(view.body)).not.toContain('alert');
    expect((await t.call(outsider, 'GET', `/api/polls/${draft.id}/results`)).status).toBe(403);

    await vote(t, personId(3), draft.id, defaultAnswers(3, `${secret} 3`));
    const first = await t.call(personId(0), 'GET', `/api/polls/${draft.id}/results`);
    expect(first.body).toMatchObject({
      state: 'published',
      respondents: 3,
      publishedAt: '2026-03-11',
      unpublished: 0,
    });
    expect(first.body.questions[0]).toEqual({
      id: 'valuable',
      kind: 'rating',
      distribution: [1, 1, 1, 0, 0],
      mean: 2,
    });
    expect(first.body.questions[3]).toEqual({ id: 'improve', kind: 'text', comments: null });

    for (let i = 4; i <= 5; i++)
      await vote(t, personId(i), draft.id, defaultAnswers(5, `${secret} ${String(i)}`));
    const held = await t.call(personId(0), 'GET', `/api/polls/${draft.id}/results`);
    expect(held.body).toMatchObject({ respondents: 3, unpublished: 2 });
    await vote(t, personId(6), draft.id, defaultAnswers(5, `${secret} 6`));
    const next = await t.call(personId(0), 'GET', `/api/polls/${draft.id}/results`);
    expect(next.body).toMatchObject({ respondents: 6, unpublished: 0 });
    // Script and HTML come back as the very strings sent: not escaped, stripped or run.
    expect([...next.body.questions[3].comments].sort()).toEqual(
      [1, 2, 3, 4, 5, 6].map((i) => `${secret} ${String(i)}`).sort(),
    );
  });

  it('does not let the creator change questions or anonymity once anyone answered', async () => {
    const { draft, view } = await createPoll(t);
    await vote(t, personId(1), draft.id, defaultAnswers(3));
    const res = await t.call(
      personId(0),
      'PATCH',
      `/api/polls/${draft.id}`,
      { anonymous: false },
      { 'If-Match': view.etag },
    );
    expect(res.status).toBe(409);
  });

  it('stores anonymous answers with no user id, name, mail or time finer than the day', async () => {
    const { draft } = await createPoll(t);
    for (let i = 1; i <= 4; i++)
      expect((await vote(t, personId(i), draft.id, defaultAnswers(4, 'fine'))).status).toBe(201);
    const items = storedResponses(draft.id);
    expect(items).toHaveLength(4);
    const identities = PEOPLE.flatMap((p) => [
      p.id,
      upnOf(p),
      p.givenName,
      p.surname,
      `${p.givenName} ${p.surname}`,
    ]);
    for (const item of items) {
      const text = JSON.stringify(item.fields);
      for (const id of identities) expect(text.toLowerCase()).not.toContain(id.toLowerCase());
      expect(text).not.toMatch(/T\d\d:\d\d/);
      expect(JSON.parse(item.fields.Payload)).toEqual({
        schemaVersion: 1,
        pollId: draft.id,
        day: '2026-03-11',
        answers: defaultAnswers(4, 'fine'),
      });
    }
  });

  it('stores the respondent with the answer in a named poll', async () => {
    const { draft } = await createPoll(t, { anonymous: false });
    await vote(t, personId(2), draft.id, defaultAnswers(2));
    const [item] = storedResponses(draft.id);
    expect(JSON.parse(item.fields.Payload).respondentId).toBe(personId(2));
    const page = await t.tenant.graph(
      personId(0),
      'GET',
      `/sites/${SITES.private.id}/lists/Responses/items`,
    );
    // The person's own Graph token cannot read the private site at all.
    expect(page.status).toBe(403);
  });

  it('pools a series’ closed occurrences into periods of at least k, holding back the rest', async () => {
    const seriesKey = `series-${randomUUID()}`;
    // Three earlier occurrences (ordered by their meeting's end), answered and then closed.
    const ends = ['2026-03-11T12:00:00Z', '2026-03-11T13:00:00Z', '2026-03-11T14:00:00Z'];
    const counts = [2, 2, 1];
    for (const [i, end] of ends.entries()) {
      const { draft, view } = await createPoll(t, {
        seriesKey,
        threshold: 3,
        meetingEnd: end,
      });
      for (let v = 1; v <= (counts[i] ?? 0); v++)
        await vote(t, personId(v), draft.id, defaultAnswers(v));
      const closed = await t.call(
        personId(0),
        'PATCH',
        `/api/polls/${draft.id}`,
        { status: 'closed' },
        { 'If-Match': view.etag },
      );
      expect(closed.status).toBe(200);
    }
    const { draft } = await createPoll(t, { seriesKey, threshold: 3 });
    const period = {
      from: '2026-03-11',
      to: '2026-03-11',
      respondents: 4,
      means: { valuable: 1.5, 'expectations-clear': 1.5, 'speak-up': 1.5 },
    };
    // Before this occurrence reaches k, the trend of the earlier ones is there already.
    const before = await t.call(personId(0), 'GET', `/api/polls/${draft.id}/results`);
    expect(before.body).toEqual({ state: 'waiting', responses: 0, needed: 3, periods: [period] });
    for (let v = 1; v <= 3; v++) await vote(t, personId(v), draft.id, defaultAnswers(5));
    const res = await t.call(personId(0), 'GET', `/api/polls/${draft.id}/results`);
    expect(res.body.state).toBe('published');
    // 2 + 2 make one period of 4; the last closed occurrence (1) is held back; the open poll is not in it.
    expect(res.body.periods).toEqual([period]);
  });

  it('never shows a series with fewer than k attendees, however many times they answered', async () => {
    const seriesKey = `series-${randomUUID()}`;
    // Four people (k is 5), all answering each of three meetings: twelve answers, four people.
    for (const end of ['2026-03-09T14:00:00Z', '2026-03-10T14:00:00Z', '2026-03-11T12:00:00Z']) {
      const { draft, view } = await createPoll(t, { seriesKey, meetingEnd: end }, 4);
      for (let v = 0; v < 4; v++) await vote(t, personId(v), draft.id, defaultAnswers(4));
      await t.call(
        personId(0),
        'PATCH',
        `/api/polls/${draft.id}`,
        { status: 'closed' },
        { 'If-Match': view.etag },
      );
    }
    const { draft } = await createPoll(t, { seriesKey }, 4);
    for (let v = 0; v < 4; v++) await vote(t, personId(v), draft.id, defaultAnswers(4));
    const res = await t.call(personId(0), 'GET', `/api/polls/${draft.id}/results`);
    expect(res.body).toEqual({ state: 'waiting', responses: 4, needed: 1, periods: [] });
  });

  it('logs poll ids and statuses, never a user id', () => {
    const text = JSON.stringify(t.logs);
    expect(t.logs.some((l) => l.route === '/api/polls/:id/answers' && l.status === 201)).toBe(true);
    for (const p of PEOPLE) expect(text).not.toContain(p.id);
  });
});

/** The app's own relay client, as a person's browser runs it (its retries included). */
const clientOf = (id: string) =>
  relayFeedback({
    baseUrl: t.relay.url,
    getToken: () => t.tenant.token(id, undefined, 'relay'),
  });

const appliedFaults = () => faultKindsMet(t.tenant.url);

describe('relay polls with 20% of its storage calls failing', () => {
  // The relay's Graph calls to the private site: about one in five throttled (with Retry-After),
  // unavailable, or dropped, before or after a write took effect. Writes first: the first rule
  // that fires decides how a request fails.
  const FAULTS: FaultRuleInput[] = [
    { kind: 'drop', when: 'after', methods: ['POST', 'PATCH', 'DELETE'], rate: 0.08 },
    { kind: 'status', status: 503, when: 'after', methods: ['POST', 'PATCH'], rate: 0.06 },
    { kind: 'status', status: 429, retryAfterSeconds: 1, rate: 0.08 },
    { kind: 'status', status: 503, rate: 0.04 },
    { kind: 'drop', rate: 0.04 },
  ];

  it('counts every distinct voter exactly once; resends and second votes change nothing', async () => {
    for (const rule of FAULTS) await t.tenant.addFault({ path: '^/sites/', ...rule });
    const voters = PEOPLE.slice(1).map((p) => p.id);
    const draft = pollDraft({}, PEOPLE.length);
    const organizer = clientOf(personId(0));
    expect((await organizer.create(draft)).id).toBe(draft.id);
    // The organizer's resend of the same create (a lost answer) is the same poll, not a second.
    expect((await organizer.create(draft)).id).toBe(draft.id);

    const outcomes = await Promise.all(
      voters.map(async (voter, i) => {
        const client = clientOf(voter);
        const submissionId = randomUUID();
        const rating = (i % 5) + 1;
        await client.answer(draft.id, submissionId, defaultAnswers(rating));
        // The same submission again, as a client sends it when the first answer never came back.
        await client.answer(draft.id, submissionId, defaultAnswers(rating));
        // A second vote (a new submission, another tab) is refused.
        const second = await client.answer(draft.id, randomUUID(), defaultAnswers(1)).then(
          () => 'counted',
          (err: unknown) => err,
        );
        return { rating, second };
      }),
    );
    const applied = await appliedFaults();
    await t.tenant.clearFaults();

    expect(applied).toEqual({
      throttled: true,
      unavailable: true,
      dropped: true,
      afterWrite: true,
    });
    for (const { second } of outcomes) {
      expect(second).toBeInstanceOf(FeedbackError);
      expect((second as FeedbackError).kind).toBe('alreadyAnswered');
    }
    // None lost, none twice: one stored answer per voter, and the counts everyone sees agree.
    expect(storedResponses(draft.id)).toHaveLength(voters.length);
    expect((await organizer.poll(draft.id)).responses).toBe(voters.length);
    const results = await organizer.results(draft.id);
    expect(results).toMatchObject({ state: 'published', respondents: voters.length });
    const expected = [0, 0, 0, 0, 0];
    for (const { rating } of outcomes) expected[rating - 1] = (expected[rating - 1] ?? 0) + 1;
    expect(results.state === 'published' && results.questions[0]).toMatchObject({
      id: 'valuable',
      distribution: expected,
    });
  }, 120_000);

  it('keeps the vote when it cannot tell whether the answer was stored', async () => {
    const { draft } = await createPoll(t);
    // The answer lands, but every answer to its write is lost, and so is every read that would
    // say whether it landed (Retry-After 0 keeps the relay's own retries quick).
    const lost = { kind: 'status', status: 503, retryAfterSeconds: 0, times: 12 } as const;
    await t.tenant.addFault({
      ...lost,
      path: '/lists/Responses/items$',
      methods: ['POST'],
      when: 'after',
    });
    await t.tenant.addFault({ ...lost, path: '/lists/Responses/items$', methods: ['GET'] });
    const submissionId = randomUUID();
    const first = await vote(t, personId(1), draft.id, defaultAnswers(4), submissionId);
    expect(first.status).toBe(503);
    await t.tenant.clearFaults();
    expect(storedResponses(draft.id)).toHaveLength(1);
    // A new submission (the page reloaded) is a second vote; the resend of the first is not.
    const again = await vote(t, personId(1), draft.id, defaultAnswers(1));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('alreadyAnswered');
    const resent = await vote(t, personId(1), draft.id, defaultAnswers(4), submissionId);
    expect(resent.status).toBe(201);
    expect(resent.body).toEqual({ responses: 1 });
    expect(storedResponses(draft.id)).toHaveLength(1);
  }, 60_000);

  it('gives the vote back when the answer was surely not stored', async () => {
    const { draft } = await createPoll(t);
    await t.tenant.addFault({
      path: '/lists/Responses/items$',
      methods: ['POST'],
      kind: 'status',
      status: 503,
      retryAfterSeconds: 0,
      times: 12,
    });
    const first = await vote(t, personId(1), draft.id, defaultAnswers(4));
    expect(first.status).toBe(503);
    await t.tenant.clearFaults();
    expect(storedResponses(draft.id)).toHaveLength(0);
    const again = await vote(t, personId(1), draft.id, defaultAnswers(2));
    expect(again.status).toBe(201);
    expect(storedResponses(draft.id)).toHaveLength(1);
  }, 60_000);
});
