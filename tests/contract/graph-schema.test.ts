/**
 * The local tenant's answers, read as seeded people see them, checked against Microsoft Graph
 * v1.0's own schema (its CSDL): every property declared on the type, of the right JSON type, enum
 * values that are members, `@odata.type` where the declared type is abstract or a derived type is
 * meant. Every check uses the default, strict options: undeclared properties are accepted only on
 * property bags such as a list item's `fields`, never on the open types (event, user, identity…)
 * that the CSDL marks open for extensions. Nothing here is loosened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, SITES, TEAM, upnOf } from '../../src/local/tenant/seed/directory';
import { LOCAL_RELAY, provisioningAppToken } from '../../src/local/tenant/seed/provision';
import { startTestTenant, type GraphResult, type TestTenant } from '../support/local-tenant';
import { checkAgainstCsdl, checkCollectionResponse } from './support/csdl';

const person = (alias: string) => {
  const p = PEOPLE.find((x) => x.alias === alias);
  if (!p) throw new Error(`no seed person ${alias}`);
  return p;
};
const ana = upnOf(person('ana'));
const ben = upnOf(person('ben'));

/** The seed's two weeks around TEST_NOW (Wednesday 2026-03-11): Monday 2 March to Monday 23 March. */
const SEED_WINDOW = 'startDateTime=2026-03-02T00:00:00Z&endDateTime=2026-03-23T00:00:00Z';

let t: TestTenant;

/** Calls Graph with chosen delegated scopes (the default token lacks Chat.Read, for instance). */
async function callWith(
  user: string,
  scopes: string[],
  method: string,
  path: string,
  body?: unknown,
): Promise<GraphResult> {
  const res = await fetch(`${t.url}/v1.0${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${await t.token(user, scopes)}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as unknown) : undefined,
    headers: res.headers,
  };
}

/** Every page of a collection, following `@odata.nextLink`. */
async function pages(user: string, first: string): Promise<GraphResult[]> {
  const out: GraphResult[] = [];
  let res = await t.graph(user, 'GET', first);
  for (;;) {
    out.push(res);
    const next =
      res.status === 200 ? (res.body['@odata.nextLink'] as string | undefined) : undefined;
    if (!next) return out;
    res = await t.graph(user, 'GET', next.slice(next.indexOf('/v1.0') + '/v1.0'.length));
  }
}

const itemsOf = (results: GraphResult[]): any[] =>
  results.flatMap((r) => (r.status === 200 ? (r.body.value as any[]) : []));

/** The meeting chat's id, read from a Teams meeting's join URL as a client does. */
function chatIdFromJoinUrl(joinUrl: string): string {
  const m = /\/meetup-join\/([^/]+)\//.exec(joinUrl);
  if (!m?.[1]) throw new Error(`no chat id in ${joinUrl}`);
  return decodeURIComponent(m[1]);
}

let anaPages: GraphResult[] = [];
let benPages: GraphResult[] = [];
let calendarView: any[] = [];
let benView: any[] = [];
let meetingChatId = '';

beforeAll(async () => {
  t = await startTestTenant();
  anaPages = await pages(ana, `/me/calendarView?${SEED_WINDOW}&$top=20`);
  benPages = await pages(ben, `/me/calendarView?${SEED_WINDOW}&$top=20`);
  calendarView = itemsOf(anaPages);
  benView = itemsOf(benPages);
  // Sprint planning is Grace's Teams meeting; Ana and Ben are invited, so all three are in its chat.
  const planning = calendarView.find((e) => e.subject === 'Sprint planning');
  if (planning) meetingChatId = chatIdFromJoinUrl(planning.onlineMeeting.joinUrl);
});
afterAll(async () => {
  await t.stop();
});

describe('event', () => {
  it('GET /me/events/{id} of a seeded Teams meeting', async () => {
    const planning = calendarView.find((e) => e.subject === 'Sprint planning');
    expect(planning.isOnlineMeeting).toBe(true);
    const res = await t.graph(ana, 'GET', `/me/events/${encodeURIComponent(planning.id)}`);
    expect(res.status).toBe(200);
    expect(checkAgainstCsdl('event', res.body)).toEqual([]);
  });

  it('GET /me/events/{id} of the stand-up series master and of one occurrence', async () => {
    const occurrence = calendarView.find(
      (e) => e.subject === 'Platform stand-up' && e.type === 'occurrence',
    );
    for (const id of [occurrence.seriesMasterId as string, occurrence.id as string]) {
      const res = await t.graph(ana, 'GET', `/me/events/${encodeURIComponent(id)}`);
      expect(res.status).toBe(200);
      expect(checkAgainstCsdl('event', res.body)).toEqual([]);
    }
  });

  it('calendarView items, with an occurrence and an exception of the stand-up', () => {
    const standups = calendarView.filter((e) => e.subject === 'Platform stand-up');
    expect(standups.some((e) => e.type === 'occurrence')).toBe(true);
    expect(standups.some((e) => e.type === 'exception')).toBe(true);
    for (const page of anaPages) {
      expect(page.status).toBe(200);
      expect(checkCollectionResponse('event', page.body)).toEqual([]);
    }
  });

  it('an attendee copy', () => {
    const copy = benView.find((e) => e.subject === 'Sprint planning');
    expect(copy.isOrganizer).toBe(false);
    expect(checkAgainstCsdl('event', copy)).toEqual([]);
    for (const page of benPages) {
      expect(page.status).toBe(200);
      expect(checkCollectionResponse('event', page.body)).toEqual([]);
    }
  });

  it('a POST /me/events response', async () => {
    const res = await t.graph(ana, 'POST', '/me/events', {
      subject: 'Schema check',
      body: { contentType: 'text', content: 'Hello' },
      start: { dateTime: '2026-03-16T10:00:00', timeZone: 'Pacific Standard Time' },
      end: { dateTime: '2026-03-16T10:30:00', timeZone: 'Pacific Standard Time' },
      location: { displayName: 'Room 1' },
      attendees: [{ emailAddress: { address: ben }, type: 'required' }],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
        range: { type: 'numbered', startDate: '2026-03-16', numberOfOccurrences: 3 },
      },
    });
    expect(res.status).toBe(201);
    expect(checkAgainstCsdl('event', res.body)).toEqual([]);
  });

  it('a POST /me/events response to a body written as the docs write it (capitalised enums)', async () => {
    const res = await t.graph(
      ana,
      'POST',
      '/me/events',
      {
        subject: 'Plan summer company picnic',
        body: { contentType: 'HTML', content: "Let's kick-start this event planning!" },
        start: { dateTime: '2026-03-17T11:00:00', timeZone: 'Pacific Standard Time' },
        end: { dateTime: '2026-03-17T12:00:00', timeZone: 'Pacific Standard Time' },
        attendees: [{ emailAddress: { address: ben, name: 'Ben Okafor' }, type: 'Required' }],
        location: { displayName: 'Conf Room 3; Home Office', locationType: 'Default' },
        locations: [
          { displayName: 'Conf Room 3' },
          {
            displayName: 'Fourth Coffee',
            address: { street: '4567 Main St', city: 'Redmond', countryOrRegion: 'US' },
            coordinates: { latitude: 47.672, longitude: -102.103 },
          },
        ],
        showAs: 'Busy',
        importance: 'High',
        sensitivity: 'Normal',
        recurrence: {
          pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Tuesday'] },
          range: { type: 'EndDate', startDate: '2026-03-17', endDate: '2026-04-30' },
        },
      },
      { Prefer: 'outlook.timezone="Pacific Standard Time"' },
    );
    expect(res.status).toBe(201);
    expect(checkAgainstCsdl('event', res.body)).toEqual([]);
  });

  it('a PATCH /me/events/{id} response that puts the event online', async () => {
    const created = await t.graph(ana, 'POST', '/me/events', {
      subject: 'Goes online',
      start: { dateTime: '2026-03-18T10:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-03-18T10:30:00', timeZone: 'UTC' },
      attendees: [{ emailAddress: { address: ben } }],
    });
    expect(created.status).toBe(201);
    const res = await t.graph(ana, 'PATCH', `/me/events/${encodeURIComponent(created.body.id)}`, {
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      categories: ['Red category'],
    });
    expect(res.status).toBe(200);
    expect(res.body.onlineMeeting.joinUrl).toEqual(expect.any(String));
    expect(checkAgainstCsdl('event', res.body)).toEqual([]);
    const chat = await t.graph(
      ben,
      'GET',
      `/chats/${encodeURIComponent(chatIdFromJoinUrl(res.body.onlineMeeting.joinUrl))}`,
    );
    expect(chat.status).toBe(200);
    expect(checkAgainstCsdl('chat', chat.body)).toEqual([]);
  });
});

describe('scheduleInformation', () => {
  it('items of POST /me/calendar/getSchedule', async () => {
    const res = await t.graph(ana, 'POST', '/me/calendar/getSchedule', {
      schedules: [ana, ben, upnOf(person('divya')), 'nobody@rapportdemo.onmicrosoft.com'],
      startTime: { dateTime: '2026-03-09T00:00:00', timeZone: 'UTC' },
      endTime: { dateTime: '2026-03-14T00:00:00', timeZone: 'UTC' },
      availabilityViewInterval: 60,
    });
    expect(res.status).toBe(200);
    expect(checkCollectionResponse('scheduleInformation', res.body)).toEqual([]);
  });
});

describe('mailboxSettings', () => {
  it('GET /me/mailboxSettings', async () => {
    const res = await t.graph(ana, 'GET', '/me/mailboxSettings');
    expect(res.status).toBe(200);
    expect(checkAgainstCsdl('mailboxSettings', res.body)).toEqual([]);
  });
});

describe('mailboxSettings parts', () => {
  it('GET /me/mailboxSettings/workingHours', async () => {
    const res = await t.graph(ana, 'GET', '/me/mailboxSettings/workingHours');
    expect(res.status).toBe(200);
    expect(checkAgainstCsdl('workingHours', res.body)).toEqual([]);
  });
});

describe('chats', () => {
  const chatPath = () => `/chats/${encodeURIComponent(meetingChatId)}`;

  it('GET /chats/{id} of a meeting chat', async () => {
    const res = await t.graph(ana, 'GET', chatPath());
    expect(res.status).toBe(200);
    expect(res.body.chatType).toBe('meeting');
    expect(checkAgainstCsdl('chat', res.body)).toEqual([]);
  });

  it('POST /chats/{id}/messages and the GET list', async () => {
    const sent = await t.graph(ana, 'POST', `${chatPath()}/messages`, {
      body: { content: 'Hello world' },
    });
    expect(sent.status).toBe(201);
    expect(checkAgainstCsdl('chatMessage', sent.body)).toEqual([]);
    const list = await callWith(ana, ['Chat.Read'], 'GET', `${chatPath()}/messages`);
    expect(list.status).toBe(200);
    expect(list.body.value.length).toBeGreaterThan(0);
    expect(checkCollectionResponse('chatMessage', list.body)).toEqual([]);
  });

  it('GET /chats/{id}/members', async () => {
    const res = await t.graph(ana, 'GET', `${chatPath()}/members`);
    expect(res.status).toBe(200);
    expect(checkCollectionResponse('conversationMember', res.body)).toEqual([]);
  });
});

describe('directory', () => {
  it('GET /me', async () => {
    const res = await t.graph(ana, 'GET', '/me');
    expect(res.status).toBe(200);
    expect(checkAgainstCsdl('user', res.body)).toEqual([]);
  });

  it('GET /users/{id}', async () => {
    const res = await t.graph(ana, 'GET', `/users/${person('hiro').id}`);
    expect(res.status).toBe(200);
    expect(checkAgainstCsdl('user', res.body)).toEqual([]);
  });

  it('GET /groups/{id}/members', async () => {
    const res = await t.graph(ana, 'GET', `/groups/${TEAM.groupId}/members`);
    expect(res.status).toBe(200);
    expect(checkCollectionResponse('directoryObject', res.body)).toEqual([]);
  });
});

describe('SharePoint lists', () => {
  const site = `/sites/${encodeURIComponent(SITES.team.id)}`;

  it('GET /sites/{id}/lists and one provisioned list', async () => {
    const lists = await t.graph(ana, 'GET', `${site}/lists`);
    expect(lists.status).toBe(200);
    expect(checkCollectionResponse('list', lists.body)).toEqual([]);
    const resources = (lists.body.value as any[]).find((l) => l.displayName === 'TeamResources');
    const one = await t.graph(ana, 'GET', `${site}/lists/${resources.id as string}`);
    expect(one.status).toBe(200);
    expect(checkAgainstCsdl('list', one.body)).toEqual([]);
  });

  it('list items of a provisioned list: created, listed and read with their fields', async () => {
    const items = `${site}/lists/TeamResources/items`;
    const created = await t.graph(ana, 'POST', items, {
      fields: { Key: 'schema-check', TeamKey: TEAM.groupId, Payload: '{}' },
    });
    expect(created.status).toBe(201);
    expect(checkAgainstCsdl('listItem', created.body)).toEqual([]);
    const listed = await t.graph(ana, 'GET', `${items}?$expand=fields`);
    expect(listed.status).toBe(200);
    expect(listed.body.value.length).toBeGreaterThan(0);
    expect(checkCollectionResponse('listItem', listed.body)).toEqual([]);
    const one = await t.graph(ana, 'GET', `${items}/${created.body.id as string}?$expand=fields`);
    expect(one.status).toBe(200);
    expect(checkAgainstCsdl('listItem', one.body)).toEqual([]);
  });
});

describe('site administration (what provisioning reads and grants)', () => {
  const team = `/sites/${encodeURIComponent(SITES.team.id)}`;
  const priv = `/sites/${encodeURIComponent(SITES.private.id)}`;

  /** Calls Graph with the local admin's provisioning app (app-only). */
  async function asAdmin(method: string, path: string, body?: unknown): Promise<GraphResult> {
    const res = await fetch(`${t.url}/v1.0${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${await provisioningAppToken(t.url)}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: text ? (JSON.parse(text) as unknown) : undefined,
      headers: res.headers,
    };
  }

  it('GET /sites/{hostname}:/{server-relative-path}', async () => {
    const res = await asAdmin('GET', `/sites/localhost:/sites/${SITES.private.name}`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(SITES.private.id);
    expect(checkAgainstCsdl('site', res.body)).toEqual([]);
  });

  it('GET /sites/{id}/drive of the group-connected team site and of the private site', async () => {
    const teamDrive = await asAdmin('GET', `${team}/drive`);
    expect(teamDrive.status).toBe(200);
    expect(teamDrive.body.owner.group.id).toBe(TEAM.groupId);
    expect(checkAgainstCsdl('drive', teamDrive.body)).toEqual([]);
    const privateDrive = await asAdmin('GET', `${priv}/drive`);
    expect(privateDrive.status).toBe(200);
    expect(privateDrive.body.owner.group).toBeUndefined();
    expect(checkAgainstCsdl('drive', privateDrive.body)).toEqual([]);
  });

  it('GET, POST /sites/{id}/permissions and GET /sites/{id}/permissions/{id}', async () => {
    const listed = await asAdmin('GET', `${priv}/permissions`);
    expect(listed.status).toBe(200);
    expect(listed.body.value).toHaveLength(1);
    expect(checkCollectionResponse('permission', listed.body)).toEqual([]);
    const one = await asAdmin(
      'GET',
      `${priv}/permissions/${encodeURIComponent(listed.body.value[0].id as string)}`,
    );
    expect(one.status).toBe(200);
    expect(checkAgainstCsdl('permission', one.body)).toEqual([]);
    // Granting the relay what it already has, as Microsoft's example writes a grant.
    const granted = await asAdmin('POST', `${priv}/permissions`, {
      roles: ['write'],
      grantedToIdentities: [{ application: LOCAL_RELAY }],
    });
    expect(granted.status).toBe(201);
    expect(checkAgainstCsdl('permission', granted.body)).toEqual([]);
  });

  it('GET /groups/{id}/owners', async () => {
    const res = await asAdmin('GET', `/groups/${TEAM.groupId}/owners`);
    expect(res.status).toBe(200);
    expect(res.body.value).toHaveLength(1);
    expect(checkCollectionResponse('directoryObject', res.body)).toEqual([]);
  });
});
