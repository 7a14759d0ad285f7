import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type TestTenant } from '../support/local-tenant';

const ana = 'ana@rapportdemo.onmicrosoft.com';
const ben = 'ben@rapportdemo.onmicrosoft.com';
const divya = 'divya@rapportdemo.onmicrosoft.com';
const olivia = 'olivia@rapportdemo.onmicrosoft.com';

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant();
});
afterAll(async () => {
  await t.stop();
});

/** The seed's "now" is Wednesday 2026-03-11; its weeks run Monday 2026-03-02 to Sunday 2026-03-22. */
const view = (user: string, query: string, headers?: Record<string, string>) =>
  t.graph(user, 'GET', `/me/calendarView?${query}`, undefined, headers);

async function all(user: string, first: string): Promise<any[]> {
  const out: any[] = [];
  let res = await t.graph(user, 'GET', first);
  for (;;) {
    expect(res.status).toBe(200);
    out.push(...(res.body.value as unknown[]));
    const next = res.body['@odata.nextLink'] as string | undefined;
    if (!next) return out;
    res = await t.graph(user, 'GET', next.slice(next.indexOf('/v1.0') + 5));
  }
}

describe('calendarView', () => {
  it('needs a window', async () => {
    const res = await t.graph(ana, 'GET', '/me/calendarView');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('ErrorInvalidParameter');
  });

  it('expands the weekly stand-up, without the cancelled Friday and with Wednesday moved', async () => {
    const items = await all(
      ben,
      '/me/calendar/calendarView?startDateTime=2026-03-02T00:00:00Z&endDateTime=2026-03-23T00:00:00Z&$top=4',
    );
    const standups = items.filter((e) => e.subject === 'Platform stand-up');
    const starts = standups.map((e) => e.start.dateTime as string);
    // 08:00 in Los Angeles: 16:00Z before the 8 March DST change, 15:00Z after it.
    expect(starts).toContain('2026-03-02T16:00:00.0000000');
    expect(starts).toContain('2026-03-09T15:00:00.0000000');
    expect(starts).not.toContain('2026-03-13T15:00:00.0000000'); // cancelled Friday
    expect(starts).not.toContain('2026-03-18T15:00:00.0000000'); // moved ...
    expect(starts).toContain('2026-03-18T16:00:00.0000000'); // ... an hour later
    expect(standups).toHaveLength(8);
    const moved = standups.find((e) => e.start.dateTime === '2026-03-18T16:00:00.0000000');
    expect(moved.type).toBe('exception');
    expect(standups.every((e) => e.seriesMasterId && e.type !== 'seriesMaster')).toBe(true);
    // Every occurrence has its own iCalUId, the same for Ana as for Ben.
    expect(new Set(standups.map((e) => e.iCalUId)).size).toBe(8);
    const anas = await all(
      ana,
      '/me/calendarView?startDateTime=2026-03-02T00:00:00Z&endDateTime=2026-03-23T00:00:00Z&$top=50',
    );
    const anaIds = new Set(
      anas.filter((e) => e.subject === 'Platform stand-up').map((e) => e.iCalUId),
    );
    expect(standups.every((e) => anaIds.has(e.iCalUId))).toBe(true);
  });

  it('pages with @odata.nextLink and honours $select and Prefer: outlook.timezone', async () => {
    const first = await view(
      ana,
      'startDateTime=2026-03-09T00:00:00Z&endDateTime=2026-03-16T00:00:00Z&$top=2&$select=subject,start,end',
      {
        Prefer: 'outlook.timezone="Pacific Standard Time"',
      },
    );
    expect(first.status).toBe(200);
    expect(first.headers.get('preference-applied')).toBe(
      'outlook.timezone="Pacific Standard Time"',
    );
    expect(first.body.value).toHaveLength(2);
    expect(first.body['@odata.nextLink']).toMatch(/\$skip=2/);
    const e = first.body.value[0];
    expect(Object.keys(e).sort()).toEqual(['@odata.etag', 'end', 'id', 'start', 'subject'].sort());
    expect(e.start.timeZone).toBe('Pacific Standard Time');
    expect(e.start.dateTime).toMatch(/T08:00:00\.0000000$/);
  });

  it('answers an unknown time zone in Prefer with 400', async () => {
    const res = await view(
      ana,
      'startDateTime=2026-03-09T00:00:00Z&endDateTime=2026-03-10T00:00:00Z',
      { Prefer: 'outlook.timezone="Mars Standard Time"' },
    );
    expect(res.status).toBe(400);
  });
});

describe('events', () => {
  const meeting = (extra: Record<string, unknown> = {}) => ({
    subject: 'Roadmap sync',
    body: { contentType: 'html', content: '<p data-x="1">Agenda <!-- hidden -->soon</p>' },
    start: { dateTime: '2026-03-12T09:00:00', timeZone: 'Pacific Standard Time' },
    end: { dateTime: '2026-03-12T09:30:00', timeZone: 'Pacific Standard Time' },
    attendees: [
      { emailAddress: { address: ben, name: 'Ben' }, type: 'required' },
      { emailAddress: { address: 'guest@example.com', name: 'Guest' }, type: 'optional' },
    ],
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    ...extra,
  });

  it('creates the organizer item and attendee copies sharing an iCalUId, with a meeting chat', async () => {
    const created = await t.graph(ana, 'POST', '/me/events', meeting());
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toContain(created.body.id);
    expect(created.body.start).toEqual({
      dateTime: '2026-03-12T16:00:00.0000000',
      timeZone: 'UTC',
    });
    expect(created.body.body.content).not.toContain('hidden');
    expect(created.body.body.content).not.toContain('data-x');
    expect(created.body.body.content).toContain('Agenda');
    expect(created.body.onlineMeeting.joinUrl).toMatch(
      /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//,
    );

    const bens = await t.graph(
      ben,
      'GET',
      `/me/events?$filter=${encodeURIComponent(`iCalUId eq '${created.body.iCalUId as string}'`)}`,
    );
    expect(bens.body.value).toHaveLength(1);
    const copy = bens.body.value[0];
    expect(copy.id).not.toBe(created.body.id);
    expect(copy.isOrganizer).toBe(false);
    expect(copy.responseStatus.response).toBe('notResponded');

    const chatId = decodeURIComponent(
      (created.body.onlineMeeting.joinUrl as string).split('/')[5] ?? '',
    );
    const chat = await t.graph(ben, 'GET', `/chats/${encodeURIComponent(chatId)}`);
    expect(chat.status).toBe(200);
    expect(chat.body.chatType).toBe('meeting');
    expect(chat.body.onlineMeetingInfo.joinWebUrl).toBe(copy.onlineMeeting.joinUrl);
    expect(chat.body.onlineMeetingInfo.calendarEventId).toBe(created.body.id);
    const outsider = await t.graph(olivia, 'GET', `/chats/${encodeURIComponent(chatId)}`);
    expect(outsider.status).toBe(403);
  });

  it('carries organizer changes to attendee copies, keeps the join block, and changes the etag each write', async () => {
    const created = await t.graph(ana, 'POST', '/me/events', meeting({ subject: 'Propagation' }));
    const firstTag = created.body['@odata.etag'] as string;
    const patched = await t.graph(ana, 'PATCH', `/me/events/${created.body.id as string}`, {
      subject: 'Propagation (moved)',
      start: { dateTime: '2026-03-12T10:00:00', timeZone: 'Pacific Standard Time' },
      end: { dateTime: '2026-03-12T10:30:00', timeZone: 'Pacific Standard Time' },
      body: {
        contentType: 'html',
        content: '<h3>Rapport expectations</h3><p>Purpose &amp; plan</p>',
      },
      attendees: [
        { emailAddress: { address: ben }, type: 'required' },
        { emailAddress: { address: divya }, type: 'required' },
      ],
    });
    expect(patched.status).toBe(200);
    expect(patched.body['@odata.etag']).not.toBe(firstTag);
    expect(patched.body.body.content).toContain('<h3>Rapport expectations</h3>');
    expect(patched.body.body.content).toContain('Click here to join the meeting');

    const q = `/me/events?$filter=${encodeURIComponent(`iCalUId eq '${created.body.iCalUId as string}'`)}`;
    const bens = (await t.graph(ben, 'GET', q)).body.value[0];
    expect(bens.subject).toBe('Propagation (moved)');
    expect(bens.start.dateTime).toBe('2026-03-12T17:00:00.0000000');
    expect(bens.body.content).toContain('Purpose &amp; plan');
    const divyas = (await t.graph(divya, 'GET', q)).body.value;
    expect(divyas).toHaveLength(1);

    // Taking Divya off the invite cancels her copy; deleting the meeting cancels Ben's.
    await t.graph(ana, 'PATCH', `/me/events/${created.body.id as string}`, {
      attendees: [{ emailAddress: { address: ben }, type: 'required' }],
    });
    expect((await t.graph(divya, 'GET', q)).body.value[0].isCancelled).toBe(true);
    const deleted = await t.graph(ana, 'DELETE', `/me/events/${created.body.id as string}`);
    expect(deleted.status).toBe(204);
    const cancelled = (await t.graph(ben, 'GET', q)).body.value[0];
    expect(cancelled.isCancelled).toBe(true);
    expect(cancelled.subject).toMatch(/^Canceled: /);
    expect((await t.graph(ana, 'GET', `/me/events/${created.body.id as string}`)).status).toBe(404);
  });

  it('refuses a PATCH with a stale If-Match and changes nothing', async () => {
    const created = await t.graph(ana, 'POST', '/me/events', meeting({ subject: 'Concurrency' }));
    const stale = created.body['@odata.etag'] as string;
    const id = created.body.id as string;
    expect(
      (
        await t.graph(
          ana,
          'PATCH',
          `/me/events/${id}`,
          { subject: 'First writer' },
          { 'If-Match': stale },
        )
      ).status,
    ).toBe(200);
    const second = await t.graph(
      ana,
      'PATCH',
      `/me/events/${id}`,
      { subject: 'Second writer' },
      { 'If-Match': stale },
    );
    expect(second.status).toBe(412);
    expect((await t.graph(ana, 'GET', `/me/events/${id}`)).body.subject).toBe('First writer');
  });

  it('returns the first event when a POST is repeated with the same transactionId', async () => {
    const body = meeting({ subject: 'Coffee', transactionId: 'coffee-round-7-group-2' });
    const first = await t.graph(ana, 'POST', '/me/events', body);
    const again = await t.graph(ana, 'POST', '/me/events', body);
    expect(again.body.id).toBe(first.body.id);
    const bens = await t.graph(
      ben,
      'GET',
      `/me/events?$filter=${encodeURIComponent(`iCalUId eq '${first.body.iCalUId as string}'`)}`,
    );
    expect(bens.body.value).toHaveLength(1);
  });

  it('rejects bad event bodies with clear messages', async () => {
    const unknownProperty = await t.graph(ana, 'POST', '/me/events', {
      ...meeting(),
      colour: 'red',
    });
    expect(unknownProperty.status).toBe(400);
    expect(unknownProperty.body.error.message).toContain("'colour'");
    const backwards = await t.graph(
      ana,
      'POST',
      '/me/events',
      meeting({ end: { dateTime: '2026-03-12T08:00:00', timeZone: 'Pacific Standard Time' } }),
    );
    expect(backwards.status).toBe(400);
    const badZone = await t.graph(
      ana,
      'POST',
      '/me/events',
      meeting({ start: { dateTime: '2026-03-12T08:00:00', timeZone: 'Nowhere/Atlantis' } }),
    );
    expect(badZone.status).toBe(400);
    expect(badZone.body.error.code).toBe('TimeZoneNotSupportedException');
    const longSubject = await t.graph(
      ana,
      'POST',
      '/me/events',
      meeting({ subject: 'x'.repeat(256) }),
    );
    expect(longSubject.status).toBe(400);
  });

  it('lets an attendee answer, and shows the answer on the organizer’s item', async () => {
    const created = await t.graph(ana, 'POST', '/me/events', meeting({ subject: 'RSVP' }));
    const q = `/me/events?$filter=${encodeURIComponent(`iCalUId eq '${created.body.iCalUId as string}'`)}`;
    const copy = (await t.graph(ben, 'GET', q)).body.value[0];
    expect(
      (
        await t.graph(ben, 'POST', `/me/events/${copy.id as string}/tentativelyAccept`, {
          sendResponse: true,
        })
      ).status,
    ).toBe(202);
    const org = await t.graph(ana, 'GET', `/me/events/${created.body.id as string}`);
    const benAttendee = (org.body.attendees as any[]).find((a) => a.emailAddress.address === ben);
    expect(benAttendee.status.response).toBe('tentativelyAccepted');
  });
});

describe('getSchedule', () => {
  const window = {
    startTime: { dateTime: '2026-03-12T08:00:00', timeZone: 'Pacific Standard Time' },
    endTime: { dateTime: '2026-03-12T12:00:00', timeZone: 'Pacific Standard Time' },
  };

  it('reports availability, working hours and an error for an unknown mailbox', async () => {
    const res = await t.graph(
      ana,
      'POST',
      '/me/calendar/getSchedule',
      {
        schedules: [ben, 'nobody@example.com', 'liam@rapportdemo.onmicrosoft.com'],
        ...window,
        availabilityViewInterval: 60,
      },
      { Prefer: 'outlook.timezone="Pacific Standard Time"' },
    );
    expect(res.status).toBe(200);
    const [benInfo, nobody, liam] = res.body.value;
    expect(benInfo.availabilityView).toMatch(/^[0-4]{4}$/);
    expect(benInfo.workingHours.timeZone.name).toBe('Europe/London');
    expect(nobody.error.responseCode).toBe('ErrorMailRecipientNotFound');
    // Liam's tentative customer call, 10:00–11:00 Chicago on Tuesday, is not on Thursday.
    expect(liam.availabilityView).toHaveLength(4);
    // Coworkers see busy times but not subjects.
    expect(benInfo.scheduleItems.every((i: any) => i.subject === undefined)).toBe(true);
  });

  it('enforces Graph’s limits', async () => {
    const many = Array.from({ length: 21 }, (_, i) => `p${String(i)}@example.com`);
    expect(
      (await t.graph(ana, 'POST', '/me/calendar/getSchedule', { schedules: many, ...window }))
        .status,
    ).toBe(400);
    expect(
      (
        await t.graph(ana, 'POST', '/me/calendar/getSchedule', {
          schedules: [ben],
          ...window,
          availabilityViewInterval: 4,
        })
      ).status,
    ).toBe(400);
    const long = {
      startTime: { dateTime: '2026-03-01T00:00:00', timeZone: 'UTC' },
      endTime: { dateTime: '2026-05-02T00:00:00', timeZone: 'UTC' },
    };
    expect(
      (await t.graph(ana, 'POST', '/me/calendar/getSchedule', { schedules: [ben], ...long }))
        .status,
    ).toBe(400);
  });
});
