import { describe, expect, it } from 'vitest';
import {
  findSections,
  renderInviteSection,
  replaceSection,
  sectionText,
} from '../../src/domain/expectations/invite-section';
import type { Expectations } from '../../src/domain/expectations/schema';
import { createGraphClient } from '../../src/graph/client';
import {
  getEventBody,
  patchEventBody,
  syncInviteSection,
} from '../../src/graph/expectations/invite-writer';
import type { FaultRule } from '../../src/local/tenant/controls/faults';
import { PEOPLE, upnOf } from '../../src/local/tenant/seed/directory';
import type { FaultRuleInput } from '../support/local-tenant';
import { useTestTenant } from '../support/use-test-tenant';

const person = (alias: string) => {
  const p = PEOPLE.find((x) => x.alias === alias);
  if (!p) throw new Error(alias);
  return { id: p.id, upn: upnOf(p), name: `${p.givenName} ${p.surname}` };
};
const ANA = person('ana');
const BEN = person('ben');
const DIVYA = person('divya');
const names = new Map([ANA, BEN, DIVYA].map((p) => [p.id, p.name]));

const t = useTestTenant();

const client = () =>
  createGraphClient({ baseUrl: t.url, getToken: () => t.token(ANA.upn), delaySeconds: 0 });
const noWait = { sleep: () => Promise.resolve() };

const section = (purpose: string, extra: Partial<Expectations> = {}): string =>
  renderInviteSection(
    {
      purpose,
      outcome: 'A launch date everyone can live with.',
      agenda: [{ title: 'Risks <and> mitigations', presenterId: BEN.id, minutes: 10 }],
      roles: [{ kind: 'facilitator', holderId: ANA.id }],
      deliverables: [
        {
          id: 'd1',
          title: 'Draft the plan',
          ownerId: DIVYA.id,
          due: '2026-03-20',
          status: 'notStarted',
        },
      ],
      successMetrics: ['Everyone knows the date.'],
      ...extra,
    },
    (id) => names.get(id),
  );

/** What the organizer wrote, with text that merely looks like the section's boundaries. */
const ORGANIZER_TEXT =
  '<p>Bring your numbers.</p>' +
  '<p>Rapport · meeting expectations</p>' +
  '<h5>— end of Rapport meeting expectations —</h5>' +
  '<p>Dial-in for the room: ask Ana.</p>';

/** An online meeting of Ana's with Ben and Divya, her text in its body; `extra` overrides. */
async function createMeeting(
  subject: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; iCalUId: string }> {
  const created = await t.graph(ANA.upn, 'POST', '/me/events', {
    subject,
    body: { contentType: 'html', content: ORGANIZER_TEXT },
    start: { dateTime: '2026-03-12T09:00:00', timeZone: 'Pacific Standard Time' },
    end: { dateTime: '2026-03-12T09:30:00', timeZone: 'Pacific Standard Time' },
    attendees: [
      { emailAddress: { address: BEN.upn, name: BEN.name }, type: 'required' },
      { emailAddress: { address: DIVYA.upn, name: DIVYA.name }, type: 'required' },
    ],
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    ...extra,
  });
  expect(created.status).toBe(201);
  return { id: created.body.id as string, iCalUId: created.body.iCalUId as string };
}

const updates = async (iCalUId: string) =>
  (await t.outbox(iCalUId)).filter((m) => m.kind === 'update').length;

const patchesTo = async (eventId: string) =>
  (await t.requests()).requests.filter(
    (r) => r.method === 'PATCH' && r.path.startsWith(`/me/events/${eventId}`),
  );

async function bodyOf(user: string, iCalUId: string): Promise<string> {
  const res = await t.graph(
    user,
    'GET',
    `/me/events?$filter=${encodeURIComponent(`iCalUId eq '${iCalUId}'`)}&$select=body`,
  );
  expect(res.status).toBe(200);
  return res.body.value[0].body.content as string;
}

describe('the organizer’s invite section', () => {
  it('lands in the organizer’s body and in an attendee’s copy, keeping everything else byte for byte', async () => {
    const meeting = await createMeeting('Launch review');
    const before = await getEventBody(client(), meeting.id);
    expect(before.html).toContain('Click here to join the meeting');
    expect(before.etag).not.toBe('');

    const wanted = section('Pick a launch date.');
    expect(await syncInviteSection(client(), meeting.id, wanted)).toBe('updated');

    const after = await getEventBody(client(), meeting.id);
    expect(after.etag).not.toBe(before.etag);
    expect(findSections(after.html)).toHaveLength(1);
    expect(sectionText(after.html)).toBe(sectionText(wanted));
    // The section went in whole at the top of the body; everything after it is, byte for byte,
    // what followed <body> before: the organizer's text, the look-alike boundaries in it and the
    // Teams join block. (Exchange's re-serialization only adds a line break after <body>.)
    const [span] = findSections(after.html);
    const bodyStart = before.html.indexOf('<body>') + '<body>'.length;
    expect(after.html.slice(span?.to)).toBe(before.html.slice(bodyStart));
    expect(after.html.slice(0, span?.from)).toBe(`${before.html.slice(0, bodyStart)}\r\n`);
    expect(after.html).toContain('Risks &lt;and&gt; mitigations');

    const bens = await bodyOf(BEN.upn, meeting.iCalUId);
    expect(sectionText(bens)).toBe(sectionText(wanted));
    expect(bens).toContain('Bring your numbers.');
    expect(bens).toContain('Click here to join the meeting');

    expect(await updates(meeting.iCalUId)).toBe(1);
  });

  it('says unchanged, and sends nothing, when the section already reads the same', async () => {
    const meeting = await createMeeting('Weekly sync');
    const wanted = section('Agree the week.');
    expect(await syncInviteSection(client(), meeting.id, wanted)).toBe('updated');
    await t.resetRequests();

    expect(await syncInviteSection(client(), meeting.id, wanted)).toBe('unchanged');
    // Markup-only differences (Exchange re-serializes bodies) do not count as changes either.
    const reformatted = wanted.replaceAll('\r\n', '').replace('<h4>', '<h4 class="x">');
    expect(await syncInviteSection(client(), meeting.id, reformatted)).toBe('unchanged');
    expect(await patchesTo(meeting.id)).toHaveLength(0);
    expect(await updates(meeting.iCalUId)).toBe(1);

    // Status and obstacles are not in the section, so an owner's status change sends nothing.
    const blocked = section('Agree the week.', {
      deliverables: [
        {
          id: 'd1',
          title: 'Draft the plan',
          ownerId: DIVYA.id,
          due: '2026-03-20',
          status: 'blocked',
          obstacle: 'Waiting on legal.',
        },
      ],
    });
    expect(await syncInviteSection(client(), meeting.id, blocked)).toBe('unchanged');
    expect(await updates(meeting.iCalUId)).toBe(1);
  });

  it('replaces its own section on the next change and never eats the organizer’s look-alike text', async () => {
    const meeting = await createMeeting('Planning');
    expect(await syncInviteSection(client(), meeting.id, section('First purpose.'))).toBe(
      'updated',
    );
    expect(await syncInviteSection(client(), meeting.id, section('Second purpose.'))).toBe(
      'updated',
    );
    const html = (await getEventBody(client(), meeting.id)).html;
    expect(findSections(html)).toHaveLength(1);
    expect(sectionText(html)).toContain('Second purpose.');
    expect(html).not.toContain('First purpose.');
    expect(html).toContain('<p>Rapport · meeting expectations</p>');
    expect(html).toContain('<h5>— end of Rapport meeting expectations —</h5>');
    expect(html).toContain('Dial-in for the room: ask Ana.');

    // Removing the section gives the organizer's body back.
    expect(await syncInviteSection(client(), meeting.id, '')).toBe('updated');
    const cleared = (await getEventBody(client(), meeting.id)).html;
    expect(findSections(cleared)).toHaveLength(0);
    expect(cleared).toContain('Bring your numbers.');
    expect(await syncInviteSection(client(), meeting.id, '')).toBe('unchanged');
    expect(await updates(meeting.iCalUId)).toBe(3);
  });

  it('answers a PATCH with a stale ETag with 412 and writes nothing', async () => {
    const meeting = await createMeeting('Stale');
    const read = await getEventBody(client(), meeting.id);
    await t.graph(ANA.upn, 'PATCH', `/me/events/${meeting.id}`, { subject: 'Stale (renamed)' });
    const stale = patchEventBody(
      client(),
      meeting.id,
      replaceSection(read.html, section('Too late.')),
      read.etag,
    );
    await expect(stale).rejects.toMatchObject({ statusCode: 412 });
    expect(sectionText((await getEventBody(client(), meeting.id)).html)).not.toContain('Too late.');
  });
});

describe('series and their occurrences', () => {
  /** A weekly series, Monday mornings from 2 March 2026. */
  const createSeries = (subject: string) =>
    createMeeting(subject, {
      start: { dateTime: '2026-03-02T10:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-03-02T10:30:00', timeZone: 'UTC' },
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'sunday' },
        range: { type: 'noEnd', startDate: '2026-03-02' },
      },
    });

  /** The series' occurrences in one person's mailbox, 2–23 March, with their bodies. */
  async function occurrencesOf(user: string, seriesICalUId: string) {
    const masters = await t.graph(
      user,
      'GET',
      `/me/events?$filter=${encodeURIComponent(`iCalUId eq '${seriesICalUId}'`)}&$select=id`,
    );
    const masterId = masters.body.value[0].id as string;
    const res = await t.graph(
      user,
      'GET',
      `/me/events/${masterId}/instances?startDateTime=2026-03-02T00:00:00Z&endDateTime=2026-03-24T00:00:00Z&$top=10`,
    );
    return res.body.value as { id: string; iCalUId: string; body: { content: string } }[];
  }

  it('writes one occurrence’s invite for that occurrence alone, in every copy', async () => {
    const series = await createSeries('Weekly review');
    const [, second, third] = await occurrencesOf(ANA.upn, series.iCalUId);
    if (!second || !third) throw new Error('no occurrences');
    const wanted = section('This week only.');
    expect(await syncInviteSection(client(), second.id, wanted)).toBe('updated');
    expect(await syncInviteSection(client(), second.id, wanted)).toBe('unchanged');

    for (const user of [ANA.upn, BEN.upn]) {
      const occurrences = await occurrencesOf(user, series.iCalUId);
      const withSection = occurrences.filter((o) => findSections(o.body.content).length > 0);
      expect(withSection.map((o) => o.iCalUId)).toEqual([second.iCalUId]);
      expect(withSection[0]?.body.content).toContain('Click here to join the meeting');
    }
    expect((await t.outbox(second.iCalUId)).map((m) => m.kind)).toEqual(['update']);

    // The series' own section reaches the other occurrences; the one with its own body keeps it.
    expect(await syncInviteSection(client(), series.id, section('Every week.'))).toBe('updated');
    const after = await occurrencesOf(BEN.upn, series.iCalUId);
    expect(
      sectionText(after.find((o) => o.iCalUId === third.iCalUId)?.body.content ?? ''),
    ).toContain('Every week.');
    expect(
      sectionText(after.find((o) => o.iCalUId === second.iCalUId)?.body.content ?? ''),
    ).toContain('This week only.');
  });

  it('answers a stale ETag on an occurrence with 412', async () => {
    const series = await createSeries('Stale series');
    const [first] = await occurrencesOf(ANA.upn, series.iCalUId);
    if (!first) throw new Error('no occurrence');
    const read = await getEventBody(client(), first.id);
    await t.graph(ANA.upn, 'PATCH', `/me/events/${series.id}`, { subject: 'Renamed series' });
    await expect(
      patchEventBody(client(), first.id, replaceSection(read.html, section('Late.')), read.etag),
    ).rejects.toMatchObject({ statusCode: 412 });
  });
});

describe('exactly one update per change, whatever goes wrong', () => {
  const onPatch = (meetingId: string, rule: Partial<FaultRuleInput>): FaultRuleInput =>
    ({
      path: `^/me/events/${meetingId}$`,
      methods: ['PATCH'],
      times: 1,
      ...rule,
    }) as FaultRuleInput;

  const cases: [string, Partial<FaultRuleInput>, number][] = [
    ['429 before the write', { kind: 'status', status: 429, retryAfterSeconds: 0 }, 2],
    ['503 before the write', { kind: 'status', status: 503 }, 2],
    ['503 after the write', { kind: 'status', status: 503, when: 'after' }, 1],
    ['504 after the write', { kind: 'status', status: 504, when: 'after' }, 1],
    ['429 after the write', { kind: 'status', status: 429, when: 'after' }, 1],
    ['a dropped connection before the write', { kind: 'drop' }, 2],
    ['a dropped connection after the write', { kind: 'drop', when: 'after' }, 1],
  ];

  for (const [name, rule, patches] of cases) {
    it(`${name}: ${String(patches)} PATCH(es), one update`, async () => {
      const meeting = await createMeeting(`Faults: ${name}`);
      await t.addFault(onPatch(meeting.id, rule));
      await t.resetRequests();
      const wanted = section(`Survive ${name}.`);
      expect(await syncInviteSection(client(), meeting.id, wanted, noWait)).toBe('updated');
      // The client never re-sends the PATCH itself: a second one only follows a read that showed
      // the first did not land.
      expect(await patchesTo(meeting.id)).toHaveLength(patches);
      expect(await updates(meeting.iCalUId)).toBe(1);
      const html = (await getEventBody(client(), meeting.id)).html;
      expect(findSections(html)).toHaveLength(1);
      expect(sectionText(html)).toBe(sectionText(wanted));
      expect(await syncInviteSection(client(), meeting.id, wanted, noWait)).toBe('unchanged');
      expect(await updates(meeting.iCalUId)).toBe(1);
    });
  }

  it('re-reads after a 412 from a concurrent change and writes on top of it, keeping it', async () => {
    const meeting = await createMeeting('Concurrent');
    // Hold our PATCH long enough for someone else's to land between our read and our write.
    const held = await t.addFault(onPatch(meeting.id, { kind: 'latency', latencyMs: 400 }));
    const sync = syncInviteSection(client(), meeting.id, section('Mine.'), noWait);
    for (let i = 0; i < 100; i++) {
      const rules = (await (await fetch(`${t.url}/_local/faults`)).json()) as FaultRule[];
      if (rules.find((r) => r.id === held.id)?.applied === 1) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const theirs = await t.graph(ANA.upn, 'PATCH', `/me/events/${meeting.id}`, {
      subject: 'Concurrent (renamed)',
    });
    expect(theirs.status).toBe(200);
    expect(await sync).toBe('updated');
    const event = await t.graph(ANA.upn, 'GET', `/me/events/${meeting.id}?$select=subject,body`);
    expect(event.body.subject).toBe('Concurrent (renamed)');
    expect(sectionText(event.body.body.content as string)).toContain('Mine.');
    // Their rename and our section: two updates, one each.
    expect(await updates(meeting.iCalUId)).toBe(2);
  });

  it('gives up with an error, not a loop, when Graph never answers the PATCH', async () => {
    const meeting = await createMeeting('Unreachable');
    await t.addFault({
      path: `^/me/events/${meeting.id}$`,
      methods: ['PATCH'],
      kind: 'status',
      status: 503,
    });
    await t.resetRequests();
    await expect(
      syncInviteSection(client(), meeting.id, section('Never.'), { ...noWait, maxAttempts: 3 }),
    ).rejects.toThrow(/after 3 attempts/);
    expect(await patchesTo(meeting.id)).toHaveLength(3);
    expect(await updates(meeting.iCalUId)).toBe(0);
  });

  it('under random 429/503 and dropped connections, before and after writes, sends one update per change', async () => {
    const meeting = await createMeeting('Storm');
    const path = `^/me/events/${meeting.id}$`;
    await t.addFault({ path, methods: ['PATCH'], kind: 'drop', when: 'after', rate: 0.3 });
    await t.addFault({ path, kind: 'status', status: 429, retryAfterSeconds: 0, rate: 0.15 });
    await t.addFault({
      path,
      kind: 'status',
      status: 503,
      when: 'after',
      retryAfterSeconds: 0,
      rate: 0.15,
    });
    await t.addFault({ path, methods: ['GET'], kind: 'drop', rate: 0.1 });
    const purposes = ['One.', 'Two.', 'Two.', 'Three.', 'Three.', 'Four.', 'One.'];
    const results: string[] = [];
    for (const purpose of purposes) {
      results.push(await syncInviteSection(client(), meeting.id, section(purpose), noWait));
    }
    expect(results).toEqual([
      'updated',
      'updated',
      'unchanged',
      'updated',
      'unchanged',
      'updated',
      'updated',
    ]);
    expect(await updates(meeting.iCalUId)).toBe(5);
    const rules = (await (await fetch(`${t.url}/_local/faults`)).json()) as FaultRule[];
    expect(rules.map((r) => r.applied).every((n) => n > 0)).toBe(true);
    await t.clearFaults();
    const html = (await getEventBody(client(), meeting.id)).html;
    expect(findSections(html)).toHaveLength(1);
    expect(sectionText(html)).toContain('One.');
  });
});
