/**
 * Microsoft's documented Graph examples (`shared/reference/graph/examples`), replayed against the
 * local tenant: the same method, path, query, headers (Prefer…) and body, with the docs' ids and
 * placeholders replaced by seed ids, and with dates years in the past moved into the seed's two
 * weeks. Each replay must answer the documented status, and `compareToExample` must find nothing
 * wrong with the body (every documented property present, with the documented JSON type); headers
 * the docs show on the response (Preference-Applied, Retry-After) must come back too.
 *
 * Three tables say where a replay differs from the docs, so nothing is left out silently:
 * - SKIPPED: examples whose operation the tenant does not serve, with the reason;
 * - each entry of REPLAYS states what its request changes beyond ids and dates;
 * - BODY_ADJUSTMENTS: documented response bodies changed before comparing, with the reason.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, SITES, TEAM, upnOf } from '../../src/local/tenant/seed/directory';
import { startTestTenant, type GraphResult, type TestTenant } from '../support/local-tenant';
import {
  compareToExample,
  loadExample,
  loadExamples,
  type GraphExample,
} from './support/example-shape';
import { isJsonObject } from './support/json';

const person = (alias: string) => {
  const p = PEOPLE.find((x) => x.alias === alias);
  if (!p) throw new Error(`no seed person ${alias}`);
  return p;
};
const ANA = upnOf(person('ana'));
/** Organizes "QA sync (in person)", the seed's meeting with a location, on Friday 13 March. */
const FELIPE = upnOf(person('felipe'));
/** Invited to Felipe's QA sync. */
const GRACE = upnOf(person('grace'));
/** Has "Dentist" on Thursday 12 March, inside the replayed calendarView window. */
const JONAS = upnOf(person('jonas'));
/** Outside the team; creates, changes and deletes the events the write examples need. */
const OLIVIA = upnOf(person('olivia'));
const HIRO = person('hiro');

/** Examples the tenant does not serve, by file name (without .json), with the reason. */
const SKIPPED: Readonly<Record<string, string>> = {
  'chat-get-2':
    'GET /users/{id}/chats/{chat-id} is not served: the tenant serves a chat at /chats/{id} only',
  'chat-get-3': 'GET /chats/{chat-id}?$expand=members is not served ($expand on chats)',
  'group-list-members-2':
    'GET /groups/{id}/members/$count with ConsistencyLevel: eventual (advanced query) is not served',
  'group-list-members-3':
    'the OData cast /members/microsoft.graph.user with $search, $count and $orderby (advanced query) is not served',
  'group-list-members-4':
    '$filter=startswith(…) with $count and ConsistencyLevel: eventual (advanced query) is not served',
  'opentypeextension-post-opentypeextension-1':
    'open extensions (POST …/events/{id}/extensions) and group calendars are not served',
  'user-findmeetingtimes-1': 'POST /me/findMeetingTimes is not served',
  'user-get-3':
    '$select of properties outside the default user set is not served: the tenant stores no postalCode or identities',
  'user-get-mailboxsettings-2':
    'GET /me/mailboxSettings/automaticRepliesSetting is not served (of the sub-paths, only timeZone and workingHours are)',
  'user-get-mailboxsettings-4':
    'GET /me/mailboxSettings/userPurpose is not served (of the sub-paths, only timeZone and workingHours are)',
};

/** A documented body changed before comparing: why, and how. */
interface BodyAdjustment {
  readonly reason: string;
  readonly adjust: (documented: any) => unknown;
}

/**
 * The named time zone that calendar-getschedule-1 documents for its first mailbox. The seed's
 * mailboxes all keep working hours in a named zone; the docs' other mailboxes use a
 * customTimeZone (bias, standardOffset, daylightOffset), which is that mailbox's data, not the
 * API's shape, and which no seed mailbox has.
 */
const namedZone = { name: 'Pacific Standard Time' };

const BODY_ADJUSTMENTS: Readonly<Record<string, BodyAdjustment>> = {
  'calendar-getschedule-1': {
    reason:
      "the second mailbox's workingHours.timeZone is a customTimeZone; compared as a named zone (no seed mailbox has a custom zone)",
    adjust: (body) => {
      body.value[1].workingHours.timeZone = namedZone;
      return body;
    },
  },
  'user-get-mailboxsettings-3': {
    reason:
      'the documented mailbox keeps working hours in a customTimeZone; compared as a named zone (no seed mailbox has a custom zone)',
    adjust: (body) => {
      body.timeZone = namedZone;
      return body;
    },
  },
  'user-get-mailboxsettings-1': {
    reason:
      'the doc writes userPurpose as {"value": "user"}; the CSDL declares it an enum, i.e. the string "user" (pinned in tests/unit/contract-support/csdl-examples.test.ts)',
    adjust: (body) => {
      body.userPurpose = 'user';
      return body;
    },
  },
  'user-list-events-1': {
    reason:
      'the doc\'s item has "locations", which the request\'s $select does not name; event-get-1, with the same $select of location, shows none, and the tenant returns what $select names',
    adjust: (body) => {
      for (const item of body.value) delete item.locations;
      return body;
    },
  },
  'chat-post-messages-1': {
    reason:
      'the doc shows from.conversation, which chatMessageFromIdentitySet does not declare in the CSDL (only chatMessageMentionedIdentitySet does); the tenant follows the CSDL',
    adjust: (body) => {
      delete body.from.conversation;
      return body;
    },
  },
};

let t: TestTenant;

/** The tenant's answer to one request, sent with the headers as given (case kept). */
async function send(
  user: string,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; scopes?: string[] } = {},
): Promise<GraphResult> {
  const headers = new Headers(options.headers);
  headers.set('Authorization', `Bearer ${await t.token(user, options.scopes)}`);
  if (options.body !== undefined && !headers.has('content-type')) {
    headers.set('Content-Type', 'application/json');
  }
  const res = await fetch(`${t.url}/v1.0${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as unknown) : undefined,
    headers: res.headers,
  };
}

/** The documented request, its URL made relative to /v1.0. */
function documentedRequest(example: GraphExample) {
  if (!example.request) throw new Error(`${example.name} documents no request`);
  const { method, url, headers, body } = example.request;
  return {
    method,
    path: url.replace(/^https:\/\/graph\.microsoft\.com\/v1\.0/, ''),
    headers,
    body,
  };
}

/** Replaces documented ids and placeholders (literally) by seed ids, URL-encoded. */
function withIds(path: string, ids: Readonly<Record<string, string>>): string {
  return Object.entries(ids).reduce(
    (p, [documented, seed]) => p.replaceAll(documented, encodeURIComponent(seed)),
    path,
  );
}

const DAY_MS = 86_400_000;
/** The Wednesday of TEST_NOW: documented dates move to the same weekday around it. */
const SEED_ANCHOR = Date.parse('2026-03-11');
const DATE = /^(\d{4}-\d{2}-\d{2})(T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** Whole weeks that move a documented date to the same weekday nearest the seed's Wednesday. */
function weeksToSeed(documentedDate: string): number {
  return Math.round((SEED_ANCHOR - Date.parse(documentedDate)) / (7 * DAY_MS)) * 7;
}

function shiftDate(text: string, days: number): string {
  const m = DATE.exec(text);
  if (!m?.[1]) return text;
  const date = new Date(Date.parse(m[1]) + days * DAY_MS).toISOString().slice(0, 10);
  return `${date}${m[2] ?? ''}`;
}

/** Moves every date and date-time string in a JSON value by `days`. */
function shiftDates(value: unknown, days: number): unknown {
  if (typeof value === 'string') return shiftDate(value, days);
  if (Array.isArray(value)) return value.map((v) => shiftDates(v, days));
  if (isJsonObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftDates(v, days)]));
  }
  return value;
}

/** Moves the date-times in a URL's query (startDateTime, endDateTime) by `days`. */
function shiftQueryDates(path: string, days: number): string {
  return path.replace(/(\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)/g, (d) =>
    shiftDate(d, days),
  );
}

/** One replay: how the request differs from the documented one, and how it is sent. */
interface Replay {
  /** What the request changes beyond ids, placeholders and dates ('' when nothing). */
  readonly changes: string;
  readonly send: (example: GraphExample) => Promise<GraphResult>;
  /** Checks that replace the standard ones, for $batch (one response, many items). */
  readonly check?: (example: GraphExample, res: GraphResult) => void;
}

/** Sends the documented request as `user`, ids replaced and documented dates moved. */
function asDocumented(
  user: string,
  options: {
    ids?: Readonly<Record<string, string>>;
    path?: (path: string) => string;
    body?: (body: any) => unknown;
    scopes?: string[];
  } = {},
): (example: GraphExample) => Promise<GraphResult> {
  return (example) => {
    const request = documentedRequest(example);
    const firstDate = /\d{4}-\d{2}-\d{2}/.exec(
      `${request.path} ${JSON.stringify(request.body ?? null)}`,
    )?.[0];
    const days = firstDate === undefined ? 0 : weeksToSeed(firstDate);
    let path = withIds(request.path, options.ids ?? {});
    path = shiftQueryDates(options.path ? options.path(path) : path, days);
    const documentedBody = shiftDates(request.body, days);
    const body = options.body ? options.body(documentedBody) : documentedBody;
    return send(user, request.method, path, {
      headers: request.headers,
      ...(body === null ? {} : { body }),
      ...(options.scopes ? { scopes: options.scopes } : {}),
    });
  };
}

// Seed facts found once the tenant runs.
let meetingChatId = '';
let felipeQaSyncId = '';
let listId = '';
let itemId = '';

/** A fresh event of Olivia's, for the examples that change or delete one. */
async function freshEvent(subject: string): Promise<string> {
  const res = await send(OLIVIA, 'POST', '/me/events', {
    body: {
      subject,
      start: { dateTime: '2026-03-16T10:00:00', timeZone: 'Pacific Standard Time' },
      end: { dateTime: '2026-03-16T10:30:00', timeZone: 'Pacific Standard Time' },
    },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const SITE_MANAGER_SCOPES = ['Sites.Manage.All', 'Sites.ReadWrite.All'];

const batchItems = (res: GraphResult): any[] => res.body.responses as any[];

/**
 * A batch item compared with its documented one: id and status, a headers object with a
 * Content-Type (header names are case-insensitive; the rest of each service's headers differ), and
 * the body when it is an error, or when `withBody` says the rewritten request reads the same kind
 * of resource as the documented one.
 */
function checkBatchItem(documented: any, actual: any, withBody: boolean): void {
  expect(actual, `batch item ${String(documented.id)}`).toBeDefined();
  expect(actual.status, `batch item ${String(documented.id)}`).toBe(documented.status);
  expect(isJsonObject(actual.headers)).toBe(true);
  if (documented.status !== 204) {
    expect(Object.keys(actual.headers).map((h) => h.toLowerCase())).toContain('content-type');
  }
  const shape: Record<string, unknown> = { id: documented.id, status: documented.status };
  if (withBody || documented.status >= 400) shape.body = documented.body;
  expect(compareToExample(shape, actual), `batch item ${String(documented.id)}`).toEqual([]);
}

const REPLAYS: Readonly<Record<string, Replay>> = {
  'user-list-calendarview-1': {
    changes: 'called as Jonas, whose calendar has an event in the (moved) window',
    send: asDocumented(JONAS),
  },
  'user-list-events-1': {
    changes: 'called as Felipe, whose first page of events holds his QA sync with its location',
    send: asDocumented(FELIPE),
  },
  'event-get-1': {
    changes: "the event is Felipe's QA sync, which has a location and attendees",
    send: (example) =>
      asDocumented(FELIPE, {
        path: (p) => p.replace(/\/events\/[^?]+/, `/events/${enc(felipeQaSyncId)}`),
      })(example),
  },
  'event-get-2': {
    changes: "the event is Felipe's QA sync, which has a location and attendees",
    send: (example) =>
      asDocumented(FELIPE, {
        path: (p) => p.replace(/\/events\/[^?]+/, `/events/${enc(felipeQaSyncId)}`),
      })(example),
  },
  'user-post-events-1': { changes: '', send: asDocumented(OLIVIA) },
  'user-post-events-2': { changes: '', send: asDocumented(OLIVIA) },
  'user-post-events-3': { changes: '', send: asDocumented(OLIVIA) },
  'user-post-events-4': { changes: '', send: asDocumented(OLIVIA) },
  'event-update-1': {
    changes:
      'originalStartTimeZone, originalEndTimeZone and responseStatus are left out of the PATCH: their documented values are placeholders ("originalStartTimeZone-value", "datetime-value", "") and the service sets all three itself',
    send: async (example) => {
      const id = await freshEvent('Replay: event-update-1');
      return asDocumented(OLIVIA, {
        ids: { '{id}': id },
        body: (body) =>
          withoutKeys(body, ['originalStartTimeZone', 'originalEndTimeZone', 'responseStatus']),
      })(example);
    },
  },
  'event-delete-1': {
    changes: '',
    send: async (example) =>
      asDocumented(OLIVIA, { ids: { '{id}': await freshEvent('Replay: event-delete-1') } })(
        example,
      ),
  },
  'calendar-getschedule-1': {
    changes:
      "called as Felipe for his own schedule and Grace's (the docs' adelev and meganb), both busy with the QA sync in the window",
    send: asDocumented(FELIPE, {
      body: (body) => ({ ...body, schedules: [FELIPE, GRACE] }),
    }),
  },
  'user-get-mailboxsettings-1': { changes: '', send: asDocumented(ANA) },
  'user-get-mailboxsettings-3': { changes: '', send: asDocumented(ANA) },
  'user-get-1': {
    changes: '',
    send: asDocumented(ANA, { ids: { '87d349ed-44d7-43e1-9a83-5f2406dee5bd': HIRO.id } }),
  },
  'user-get-2': { changes: '', send: asDocumented(ANA) },
  'chat-get-1': {
    changes:
      'a seeded meeting chat stands in for the documented group chat (the seed has no other)',
    send: (example) =>
      asDocumented(ANA, {
        path: (p) => p.replace(/\/chats\/[^/?]+/, `/chats/${enc(meetingChatId)}`),
      })(example),
  },
  'chat-get-4': {
    changes: '',
    send: (example) =>
      asDocumented(ANA, {
        path: (p) => p.replace(/\/chats\/[^/?]+/, `/chats/${enc(meetingChatId)}`),
      })(example),
  },
  'chat-post-messages-1': {
    changes: '',
    send: (example) =>
      asDocumented(ANA, {
        path: (p) => p.replace(/\/chats\/[^/?]+/, `/chats/${enc(meetingChatId)}`),
      })(example),
  },
  'chat-list-members-1': {
    changes:
      'sent to /chats/{chat-id}/members, the form of the same operation that the tenant serves, instead of /me/chats/{chat-id}/members',
    send: (example) =>
      asDocumented(ANA, {
        path: (p) => p.replace(/^\/me\/chats\/[^/?]+/, `/chats/${enc(meetingChatId)}`),
      })(example),
  },
  'chat-list-members-2': {
    changes:
      'sent to /chats/{chat-id}/members, the form of the same operation that the tenant serves, instead of /me/chats/{chat-id}/members',
    send: (example) =>
      asDocumented(ANA, {
        path: (p) => p.replace(/^\/me\/chats\/[^/?]+/, `/chats/${enc(meetingChatId)}`),
      })(example),
  },
  'group-list-members-1': {
    changes: '',
    send: asDocumented(ANA, { ids: { '{id}': TEAM.groupId } }),
  },
  'list-create-1': {
    changes: 'called by the team owner with Sites.Manage.All, which creating a list needs',
    send: asDocumented(ANA, {
      ids: { '{site-id}': SITES.team.id },
      scopes: SITE_MANAGER_SCOPES,
    }),
  },
  // The item examples use columns (Title, Name, Color, Quantity, Weight) that Rapport's
  // provisioned lists do not have, and those lists require Key and Payload, which the documented
  // create body lacks: a provisioned list would refuse it for reasons of the list, not of the API.
  // They run against "Widgets", a list created in beforeAll with the documented columns.
  'listitem-create-1': {
    changes: 'the list is "Widgets", created with the columns the docs use',
    send: (example) =>
      asDocumented(ANA, { ids: { '{site-id}': SITES.team.id, '{list-id}': listId } })(example),
  },
  'listitem-list-1': {
    changes: 'the list is "Widgets", created with the columns the docs use',
    send: (example) =>
      asDocumented(ANA, { ids: { '{site-id}': SITES.team.id, '{list-id}': listId } })(example),
  },
  'listitem-get-1': {
    changes: 'the list is "Widgets", created with the columns the docs use',
    send: (example) =>
      asDocumented(ANA, {
        ids: { '{site-id}': SITES.team.id, '{list-id}': listId, '{item-id}': itemId },
      })(example),
  },
  'listitem-update-1': {
    changes: 'the list is "Widgets", created with the columns the docs use',
    send: (example) =>
      asDocumented(ANA, {
        ids: { '{site-id}': SITES.team.id, '{list-id}': listId, '{item-id}': itemId },
      })(example),
  },
  'errors-1': {
    changes:
      'the doc shows only an error body, for no particular request: replayed as GET /me/events/{id} of an event that does not exist (the doc gives no status to compare)',
    send: () => send(ANA, 'GET', '/me/events/AAMkAGEvDoesNotExist'),
  },
  'throttling-1': {
    changes:
      'the doc shows only the response: replayed as GET /me with a 429 fault (Retry-After 2.128) injected through /_local/faults',
    send: async () => {
      const rule = {
        path: '^/me$',
        kind: 'status',
        status: 429,
        retryAfterSeconds: 2.128,
        times: 1,
      };
      const added = await fetch(`${t.url}/_local/faults`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(rule),
      });
      expect(added.status).toBe(201);
      return send(ANA, 'GET', '/me');
    },
  },
  'json-batching-1': {
    changes:
      'sub-request URLs rewritten to served paths answering the documented statuses: ' +
      '1 GET /me/memberOf → GET /groups/{id}/members (200); ' +
      '2 GET /me/planner/tasks → GET /chats/{id}/messages without Chat.Read (403); ' +
      '3 DELETE /groups/{id} → DELETE /me/events/{id} without Calendars.ReadWrite (403); ' +
      '4 POST /users/{id}/getPasswordSingleSignOnCredentials → POST /users/{id} (405); ' +
      '5 users?$filter=…&$count=true → users/{id}?$select=… (200; still no leading slash, ConsistencyLevel kept). ' +
      'The token carries User.Read, User.ReadBasic.All, GroupMember.Read.All, Calendars.Read and Chat.ReadBasic. ' +
      'Items are compared by id, status, a headers object with Content-Type, and error bodies; the 200 bodies are of other resources than the documented ones',
    send: async (example) => {
      const request = documentedRequest(example);
      const rewritten: Record<string, string> = {
        '1': `/groups/${TEAM.groupId}/members`,
        '2': `/chats/${enc(meetingChatId)}/messages`,
        '3': `/me/events/${enc(felipeQaSyncId)}`,
        '4': `/users/${HIRO.id}`,
        '5': `users/${HIRO.id}?$select=id,displayName,userPrincipalName`,
      };
      const requests = (request.body as any).requests.map((r: any) => ({
        ...r,
        url: rewritten[r.id as string],
      }));
      return send(FELIPE, request.method, request.path, {
        headers: request.headers,
        body: { requests },
        scopes: [
          'User.Read',
          'User.ReadBasic.All',
          'GroupMember.Read.All',
          'Calendars.Read',
          'Chat.ReadBasic',
        ],
      });
    },
    check: (example, res) => {
      expect(res.status).toBe(example.response?.status);
      const items = batchItems(res);
      const documented = example.response?.body as any;
      expect(items.map((r) => r.id).sort()).toEqual(
        (documented.responses as any[]).map((r) => r.id as string).sort(),
      );
      for (const d of documented.responses as any[]) {
        checkBatchItem(
          d,
          items.find((r) => r.id === d.id),
          false,
        );
      }
    },
  },
  'json-batching-2': {
    changes:
      'the doc\'s "..." URLs become GET /me, /me/mailboxSettings, /me/events?$top=1 and /users/{id}. ' +
      'The doc gives no response, only the rule that a request whose dependency failed answers 424: ' +
      'checked as outer 200 with four 200 items, and again with request 1 failing (404), when 2, 4 and 3 must answer 424',
    send: async (example) => {
      const request = documentedRequest(example);
      const urls: Record<string, string> = {
        '1': '/me',
        '2': '/me/mailboxSettings',
        '4': '/me/events?$top=1',
        '3': `/users/${HIRO.id}`,
      };
      const requests = (request.body as any).requests.map((r: any) => ({
        ...r,
        url: urls[r.id as string],
      }));
      const failing = requests.map((r: any) =>
        r.id === '1' ? { ...r, url: '/me/events/AAMkAGEvDoesNotExist' } : r,
      );
      const ok = await send(ANA, request.method, request.path, { body: { requests } });
      const failed = await send(ANA, request.method, request.path, {
        body: { requests: failing },
      });
      return { ...ok, body: { ok: ok.body, failed: { status: failed.status, ...failed.body } } };
    },
    check: (_example, res) => {
      expect(res.status).toBe(200);
      const ok = res.body.ok.responses as any[];
      expect(ok.map((r) => [r.id, r.status]).sort()).toEqual([
        ['1', 200],
        ['2', 200],
        ['3', 200],
        ['4', 200],
      ]);
      expect(res.body.failed.status).toBe(200);
      const failed = res.body.failed.responses as any[];
      expect(failed.map((r) => [r.id, r.status]).sort()).toEqual([
        ['1', 404],
        ['2', 424],
        ['3', 424],
        ['4', 424],
      ]);
    },
  },
  'json-batching-3': {
    changes:
      'items 1 (302 redirect to file content) and 3 (401) are left out: the tenant serves no drive and answers 401 only to the outer request. ' +
      "Rewritten: 2 GET /me/planner/tasks → GET /me/events?$filter=iCalUId eq 'none' (200, empty collection, body compared); " +
      '4 PATCH /me {"city"} → DELETE /me/events/{id} (204, body null compared; the tenant writes no user properties); ' +
      '5 users?$filter=…&$count=true → users/{id}?$select=… (200, ConsistencyLevel kept)',
    send: async (example) => {
      const request = documentedRequest(example);
      const id = await freshEvent('Replay: json-batching-3');
      const documented = (request.body as any).requests as any[];
      const byId = (key: string): any => documented.find((r) => r.id === key);
      const requests = [
        { ...byId('2'), url: "/me/events?$filter=iCalUId eq 'none'" },
        // The PATCH's body and its Content-Type header do not go with the DELETE.
        { id: '4', method: 'DELETE', url: `/me/events/${enc(id)}` },
        { ...byId('5'), url: `users/${HIRO.id}?$select=id,displayName,userPrincipalName` },
      ];
      return send(OLIVIA, request.method, request.path, {
        headers: request.headers,
        body: { requests },
      });
    },
    check: (example, res) => {
      expect(res.status).toBe(example.response?.status);
      const items = batchItems(res);
      const documented = (example.response?.body as any).responses as any[];
      for (const id of ['2', '4', '5']) {
        const d = documented.find((r) => r.id === id);
        checkBatchItem(
          d,
          items.find((r) => r.id === id),
          id !== '5',
        );
      }
    },
  },
};

function withoutKeys(value: Record<string, unknown>, keys: readonly string[]): unknown {
  return Object.fromEntries(Object.entries(value).filter(([k]) => !keys.includes(k)));
}

function enc(id: string): string {
  return encodeURIComponent(id);
}

beforeAll(async () => {
  t = await startTestTenant();
  const felipeEvents = await send(FELIPE, 'GET', '/me/events?$top=100');
  const qaSync = (felipeEvents.body.value as any[]).find(
    (e) => e.subject === 'QA sync (in person)',
  );
  felipeQaSyncId = qaSync.id as string;
  const anaEvents = await send(ANA, 'GET', '/me/events?$top=100');
  const planning = (anaEvents.body.value as any[]).find((e) => e.subject === 'Sprint planning');
  const m = /\/meetup-join\/([^/]+)\//.exec(planning.onlineMeeting.joinUrl as string);
  meetingChatId = decodeURIComponent(m?.[1] ?? '');

  const widgets = await send(ANA, 'POST', `/sites/${enc(SITES.team.id)}/lists`, {
    body: {
      displayName: 'Widgets',
      columns: [
        { name: 'Name', text: {} },
        { name: 'Color', text: {} },
        { name: 'Quantity', number: {} },
        { name: 'Weight', number: {} },
      ],
      list: { template: 'genericList' },
    },
    scopes: SITE_MANAGER_SCOPES,
  });
  expect(widgets.status).toBe(201);
  listId = widgets.body.id as string;
  const item = await send(ANA, 'POST', `/sites/${enc(SITES.team.id)}/lists/${listId}/items`, {
    body: { fields: { Name: 'Widget', Color: 'Blue', Quantity: 2357 } },
  });
  expect(item.status).toBe(201);
  itemId = item.body.id as string;
});
afterAll(async () => {
  await t.stop();
});
afterEach(async () => {
  await fetch(`${t.url}/_local/faults`, { method: 'DELETE' });
});

describe('coverage of the documented examples', () => {
  const names = loadExamples().map((e) => e.name);

  it('skips only examples that exist, and replays or skips every one', () => {
    for (const name of [...Object.keys(SKIPPED), ...Object.keys(REPLAYS)]) {
      expect(names, name).toContain(name);
    }
    for (const name of Object.keys(BODY_ADJUSTMENTS)) expect(Object.keys(REPLAYS)).toContain(name);
    for (const name of names) {
      const replayed = name in REPLAYS;
      const skipped = name in SKIPPED;
      expect(replayed !== skipped, `${name}: replayed or skipped, exactly one`).toBe(true);
    }
  });
});

describe('documented examples, replayed', () => {
  it.each(Object.keys(REPLAYS))('%s', async (name) => {
    const example = loadExample(name);
    const replay = REPLAYS[name];
    if (!replay) throw new Error(name);
    const res = await replay.send(example);
    if (replay.check) {
      replay.check(example, res);
      return;
    }
    const documented = example.response;
    if (!documented) throw new Error(`${name} documents no response`);
    if (documented.status !== null)
      expect(res.status, JSON.stringify(res.body)).toBe(documented.status);
    const adjustment = BODY_ADJUSTMENTS[name];
    const expected = adjustment
      ? adjustment.adjust(structuredClone(documented.body))
      : documented.body;
    expect(compareToExample(expected, res.body)).toEqual([]);
    for (const [header, value] of Object.entries(documented.headers)) {
      if (header.toLowerCase() === 'content-type') continue;
      expect(res.headers.get(header), header).toBe(value);
    }
  });
});
