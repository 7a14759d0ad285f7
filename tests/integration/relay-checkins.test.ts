import { describe, expect, it } from 'vitest';
import { PEOPLE, SITES, upnOf } from '../../src/local/tenant/seed/directory';
import { useTestRelay } from '../support/use-test-relay';

/**
 * The weekly check-in through the relay over real HTTP: the person who turns it on leads it, each
 * member keeps one answer a week, and only the lead's token gets answers back.
 */
const t = useTestRelay();
const person = (alias: string) => {
  const p = PEOPLE.find((x) => x.alias === alias);
  if (!p) throw new Error(alias);
  return p;
};
const id = (alias: string) => person(alias).id;
const nameOf = (alias: string) => `${person(alias).givenName} ${person(alias).surname}`;
// The tests' "now" is Wednesday 11 March 2026: ISO week 11.
const WEEK = '2026-W11';

const checkInItems = () => {
  const state = t.tenant.tenant.store.state;
  const list = (state.sites[SITES.private.id]?.listIds ?? [])
    .map((listId) => state.lists[listId])
    .find((l) => l?.list.displayName === 'CheckIns');
  return Object.values(list?.items ?? {});
};
const answer = (alias: string, blocked: boolean, note?: string) =>
  t.call(id(alias), 'POST', '/api/checkin/answer', {
    blocked,
    ...(note === undefined ? {} : { note }),
  });

describe('weekly check-in', () => {
  it('is off until someone turns it on; that person leads it, and everyone is told who', async () => {
    expect((await t.call(id('ben'), 'GET', '/api/checkin')).body).toEqual({
      enabled: false,
      week: WEEK,
    });
    expect((await answer('ben', false)).body.error.code).toBe('checkInOff');
    const on = await t.call(id('grace'), 'POST', '/api/checkin', {});
    expect(on.status).toBe(201);
    expect(on.body).toMatchObject({
      enabled: true,
      week: WEEK,
      lead: { id: id('grace'), name: nameOf('grace') },
      isLead: true,
      mine: null,
    });
    // Grace's resend changes nothing; Ben's try is refused and names the lead.
    expect((await t.call(id('grace'), 'POST', '/api/checkin', {})).status).toBe(201);
    const again = await t.call(id('ben'), 'POST', '/api/checkin', {});
    expect([again.status, again.body.error.code]).toEqual([409, 'alreadyOn']);
    expect(again.body.error.message).toContain(nameOf('grace'));
    expect((await t.call(id('ben'), 'GET', '/api/checkin')).body).toMatchObject({
      enabled: true,
      lead: { id: id('grace'), name: nameOf('grace') },
      isLead: false,
      mine: null,
    });
  });

  it('keeps one answer per person and week; a change replaces it', async () => {
    const first = await answer(
      'ben',
      true,
      'Waiting on access to the <script>alert(1)</script> repo',
    );
    expect(first.status).toBe(200);
    expect(first.body.mine).toEqual({
      blocked: true,
      note: 'Waiting on access to the <script>alert(1)</script> repo',
      day: '2026-03-11',
      lead: { id: id('grace'), name: nameOf('grace') },
    });
    const changed = await answer('ben', false, '  Sorted now  ');
    expect(changed.body.mine).toMatchObject({ blocked: false, note: 'Sorted now' });
    expect((await answer('divya', true, 'Need a reviewer')).status).toBe(200);
    expect((await answer('noah', false)).status).toBe(200);
    // Ben's own answer comes back to Ben; Divya's state shows only hers.
    expect((await t.call(id('ben'), 'GET', '/api/checkin')).body.mine).toMatchObject({
      blocked: false,
      note: 'Sorted now',
    });
    expect((await t.call(id('divya'), 'GET', '/api/checkin')).body.mine).toMatchObject({
      blocked: true,
      note: 'Need a reviewer',
    });
    const answers = checkInItems().filter((i) => i.fields.Week === WEEK);
    expect(answers).toHaveLength(3);
  });

  it('refuses bad answers with the field named', async () => {
    const long = await answer('ben', true, 'x'.repeat(1001));
    expect(long.status).toBe(400);
    expect(long.body.error.message).toContain('Keep the note to 1000 characters.');
    const wrong = await t.call(id('ben'), 'POST', '/api/checkin/answer', { blocked: 'yes' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain('blocked must be true or false.');
    expect((await t.call(id('ben'), 'GET', '/api/checkin')).body.mine.note).toBe('Sorted now');
  });

  it('gives answers to the lead only: blocked first, named, notes as sent', async () => {
    const lead = await t.call(id('grace'), 'GET', '/api/checkin/answers');
    expect(lead.status).toBe(200);
    expect(lead.body.week).toBe(WEEK);
    expect(lead.body.answers.map((a: any) => [a.person.name, a.blocked, a.note])).toEqual([
      [nameOf('divya'), true, 'Need a reviewer'],
      [nameOf('ben'), false, 'Sorted now'],
      [nameOf('noah'), false, ''],
    ]);
    expect(lead.body.people.map((p: any) => p.id).sort()).toEqual(
      [id('ben'), id('divya'), id('noah')].sort(),
    );
    for (const alias of ['ben', 'divya', 'ana', 'olivia']) {
      const other = await t.call(id(alias), 'GET', '/api/checkin/answers');
      expect([other.status, other.body.error.code]).toEqual([403, 'notLead']);
      expect(JSON.stringify(other.body)).not.toContain('reviewer');
    }
    const earlier = await t.call(id('grace'), 'GET', '/api/checkin/answers?week=2026-W10');
    expect(earlier.body).toEqual({ week: '2026-W10', answers: [], people: expect.any(Array) });
    const bad = await t.call(id('grace'), 'GET', '/api/checkin/answers?week=2026-W54');
    expect(bad.status).toBe(400);
    const unsigned = await t.call({ token: 'not-a-token' }, 'GET', '/api/checkin/answers');
    expect(unsigned.status).toBe(401);
  });

  it('lets only the lead turn it off or hand it over, and only to someone who answered', async () => {
    for (const body of [{ enabled: false }, { leadId: id('ben') }]) {
      const res = await t.call(id('ben'), 'PATCH', '/api/checkin', body);
      expect([res.status, res.body.error.code]).toEqual([403, 'notLead']);
    }
    const stranger = await t.call(id('grace'), 'PATCH', '/api/checkin', { leadId: id('kemi') });
    expect(stranger.status).toBe(400);
    const handed = await t.call(id('grace'), 'PATCH', '/api/checkin', { leadId: id('divya') });
    expect(handed.status).toBe(200);
    expect(handed.body).toMatchObject({ lead: { id: id('divya') }, isLead: false });
    // Answers stay with the lead they were given to: Divya starts with none, Grace reads none.
    expect((await t.call(id('grace'), 'GET', '/api/checkin/answers')).status).toBe(403);
    expect((await t.call(id('divya'), 'GET', '/api/checkin/answers')).body.answers).toEqual([]);
    // Ben still sees the answer he gave, and to whom; a new one goes to Divya, in place.
    expect((await t.call(id('ben'), 'GET', '/api/checkin')).body.mine.lead.id).toBe(id('grace'));
    expect((await answer('ben', true, 'Blocked again')).body.mine.lead.id).toBe(id('divya'));
    expect(checkInItems().filter((i) => i.fields.Week === WEEK)).toHaveLength(3);
    expect(
      (await t.call(id('divya'), 'GET', '/api/checkin/answers')).body.answers.map(
        (a: any) => a.person.id,
      ),
    ).toEqual([id('ben')]);
    const off = await t.call(id('divya'), 'PATCH', '/api/checkin', { enabled: false });
    expect(off.body).toEqual({ enabled: false, week: WEEK });
    expect((await t.call(id('divya'), 'GET', '/api/checkin/answers')).status).toBe(409);
  });

  it('keeps the list out of reach of person tokens, and stores no time finer than the day', async () => {
    for (const alias of ['grace', 'ben', 'ana']) {
      const direct = await t.tenant.graph(
        upnOf(person(alias)),
        'GET',
        `/sites/${SITES.private.id}/lists/CheckIns/items?$expand=fields`,
      );
      expect(direct.status).toBe(403);
    }
    // The relay's log names routes and statuses, never a person or an answer.
    const logged = JSON.stringify(t.logs);
    expect(t.logs.some((l) => l.route === '/api/checkin/answer')).toBe(true);
    for (const p of PEOPLE) expect(logged).not.toContain(p.id);
    expect(logged).not.toContain('reviewer');
    const items = checkInItems();
    expect(items.length).toBeGreaterThanOrEqual(4);
    for (const item of items) {
      const text = JSON.stringify(item.fields);
      expect(text).not.toMatch(/T\d\d:\d\d/);
      const payload = JSON.parse(String(item.fields.Payload));
      expect(payload.day).toBe('2026-03-11');
      // The key is a keyed hash, never the person's id.
      for (const p of PEOPLE) expect(String(item.fields.Key)).not.toContain(p.id);
    }
  });

  it('writes once when Graph throttles or drops the reply', async () => {
    await t.call(id('ana'), 'POST', '/api/checkin', {});
    await t.tenant.resetRequests();
    const path = '/lists/CheckIns/items';
    await t.tenant.addFault({
      kind: 'status',
      status: 429,
      retryAfterSeconds: 0,
      times: 2,
      path,
      methods: ['POST', 'PATCH'],
      when: 'after',
    });
    expect((await answer('jonas', true, 'First')).status).toBe(200);
    await t.tenant.addFault({ kind: 'drop', times: 1, path, methods: ['PATCH'], when: 'after' });
    expect((await answer('jonas', false, 'Second')).status).toBe(200);
    const { requests } = await t.tenant.requests();
    // The faults did happen: two throttled writes that had landed, and one dropped reply.
    expect(requests.filter((r) => r.status === 429)).toHaveLength(2);
    const jonas = checkInItems().filter(
      (i) => i.fields.Week === WEEK && String(i.fields.Payload).includes(id('jonas')),
    );
    expect(jonas).toHaveLength(1);
    expect(JSON.parse(String(jonas[0]?.fields.Payload))).toMatchObject({
      blocked: false,
      note: 'Second',
    });
  }, 60_000);
});
