import type * as G from '@microsoft/microsoft-graph-types';
import {
  callerUserId,
  graphRoute,
  param,
  readJson,
  type Tenant,
  type TenantApp,
  type TenantCtx,
} from '../../http/context';
import { badRequest } from '../../http/graph-error';
import { applySelect, page, parseSelect, parseSkip, parseTop } from '../../http/odata';
import { readPreferences, type Preferences } from '../../http/prefer';
import { KNOWN_EVENT_KEYS, eventWriteSchema } from '../../calendar/event-input';
import {
  createEvent,
  deleteEvent,
  eventsInWindow,
  findStored,
  getEvent,
  inZone,
  occurrenceEvent,
  updateEvent,
} from '../../calendar/events';
import { expandSeries } from '../../calendar/series';
import { P } from '../permissions';
import { respondToEvent } from '../../calendar/responses';

/** Graph's calendarView pages at 10 by default and at most 1000 (`$top`). */
const DEFAULT_PAGE = 10;
const MAX_PAGE = 1000;

/** A stable id for a person's default calendar, shaped like Exchange's (opaque base64). */
function defaultCalendarId(userId: string): string {
  return Buffer.from(`calendar:${userId}`).toString('base64');
}

/** Shapes an event for the response: the caller's zone, body type and `$select`. */
function present(e: G.Event, prefs: Preferences, select: string[] | undefined): Partial<G.Event> {
  const shaped: G.Event = {
    ...e,
    start: inZone(e.start, prefs.timeZone),
    end: inZone(e.end, prefs.timeZone),
  };
  if (prefs.bodyContentType === 'text' && shaped.body) {
    shaped.body = { contentType: 'text', content: shaped.bodyPreview ?? '' };
  }
  return applySelect(shaped, select);
}

function respond(
  c: TenantCtx,
  prefs: Preferences,
  body: unknown,
  status: 200 | 201 = 200,
): Response {
  if (prefs.applied.length) c.header('Preference-Applied', prefs.applied.join(', '));
  return c.json(body, status);
}

function parseWindow(c: TenantCtx): { from: number; to: number } {
  const start = c.req.query('startDateTime') ?? c.req.query('StartDateTime');
  const end = c.req.query('endDateTime') ?? c.req.query('EndDateTime');
  if (!start || !end) {
    throw badRequest(
      'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
      'ErrorInvalidParameter',
    );
  }
  // Times without an offset are UTC; Prefer: outlook.timezone never changes how they are read.
  const parse = (v: string) => Date.parse(/(Z|[+-]\d{2}:?\d{2})$/i.test(v) ? v : `${v}Z`);
  const from = parse(start);
  const to = parse(end);
  if (Number.isNaN(from) || Number.isNaN(to))
    throw badRequest(
      `The value of the parameter 'StartDateTime' or 'EndDateTime' is not a valid date-time.`,
      'ErrorInvalidParameter',
    );
  if (to < from)
    throw badRequest(
      'The parameter EndDateTime must be after StartDateTime.',
      'ErrorInvalidParameter',
    );
  return { from, to };
}

async function readEventBody(c: TenantCtx) {
  let raw: unknown;
  try {
    raw = await c.req.raw.clone().json();
  } catch {
    raw = undefined;
  }
  if (raw && typeof raw === 'object') {
    for (const key of Object.keys(raw)) {
      if (!key.startsWith('@') && !KNOWN_EVENT_KEYS.has(key)) {
        throw badRequest(
          `Property '${key}' does not exist on type 'microsoft.graph.event' or cannot be written by Rapport's local tenant.`,
          'RequestBodyRead',
        );
      }
    }
  }
  return readJson(c, eventWriteSchema);
}

/** The event properties `/me/events?$filter=` may compare, as `{property} eq '…'`. */
const FILTERABLE: Record<string, (e: G.Event) => string | null | undefined> = {
  icaluid: (e) => e.iCalUId,
  type: (e) => e.type,
};

/**
 * `$filter` on a mailbox's events: `iCalUId eq '…'`, `type eq '…'` (Graph lists single instances
 * and series masters here, so `type eq 'seriesMaster'` finds the series), or both joined by `and`.
 */
function filterEvents(events: G.Event[], filter: string | undefined): G.Event[] {
  if (filter === undefined || filter.trim() === '') return events;
  const unsupported = () =>
    badRequest(
      `The $filter '${filter}' is not supported here; use iCalUId eq '…' or type eq '…', joined by and.`,
      'ErrorInvalidUrlQueryFilter',
    );
  const clause = /\s*(\w+)\s+eq\s+'((?:[^']|'')*)'\s*(and\s+|$)/iy;
  const tests: ((e: G.Event) => boolean)[] = [];
  for (let more = true; more;) {
    const m = clause.exec(filter);
    const read = m?.[1] ? FILTERABLE[m[1].toLowerCase()] : undefined;
    if (!m || !read) throw unsupported();
    const value = (m[2] ?? '').replaceAll("''", "'");
    tests.push((e) => read(e) === value);
    more = Boolean(m[3]);
  }
  return events.filter((e) => tests.every((test) => test(e)));
}

export function registerCalendarRoutes(app: TenantApp, tenant: Tenant): void {
  const ctx = (id: string, suffix: string) =>
    `${tenant.origin()}/v1.0/$metadata#users('${id}')/${suffix}`;

  const calendarView = (c: TenantCtx) => {
    const me = callerUserId(c);
    const { from, to } = parseWindow(c);
    const prefs = readPreferences(c.req.header('prefer'));
    const select = parseSelect(c.req.query('$select'));
    const items = eventsInWindow(tenant, me, from, to).map((e) => present(e, prefs, select));
    const top = parseTop(c.req.query('$top'), DEFAULT_PAGE, MAX_PAGE);
    return respond(c, prefs, {
      '@odata.context': ctx(me, 'calendarView'),
      ...page(items, new URL(c.req.url), top, parseSkip(c.req.query('$skip'))),
    });
  };
  graphRoute(app, 'get', '/me/calendarView', '/me/calendarView', P.calendarRead, calendarView);
  graphRoute(
    app,
    'get',
    '/me/calendar/calendarView',
    '/me/calendar/calendarView',
    P.calendarRead,
    calendarView,
  );

  const listEvents = (c: TenantCtx) => {
    const me = callerUserId(c);
    const prefs = readPreferences(c.req.header('prefer'));
    const select = parseSelect(c.req.query('$select'));
    const all = Object.values(tenant.store.state.events)
      .filter((s) => s.owner === me)
      .map((s) => s.event)
      .sort(
        (a, b) =>
          (a.createdDateTime ?? '').localeCompare(b.createdDateTime ?? '') ||
          (a.id ?? '').localeCompare(b.id ?? ''),
      );
    const items = filterEvents(all, c.req.query('$filter')).map((e) => present(e, prefs, select));
    const top = parseTop(c.req.query('$top'), DEFAULT_PAGE, MAX_PAGE);
    return respond(c, prefs, {
      '@odata.context': ctx(me, 'events'),
      ...page(items, new URL(c.req.url), top, parseSkip(c.req.query('$skip'))),
    });
  };
  graphRoute(app, 'get', '/me/events', '/me/events', P.calendarRead, listEvents);
  graphRoute(app, 'get', '/me/calendar/events', '/me/calendar/events', P.calendarRead, listEvents);

  const create = async (c: TenantCtx) => {
    const me = callerUserId(c);
    const input = await readEventBody(c);
    if (!input.start || !input.end)
      throw badRequest('An event needs both a start and an end.', 'ErrorInvalidRequest');
    const prefs = readPreferences(c.req.header('prefer'));
    const { event } = createEvent(tenant, me, input);
    c.header('Location', `${tenant.origin()}/v1.0/users/${me}/events/${event.id ?? ''}`);
    c.header('ETag', String((event as Record<string, unknown>)['@odata.etag']));
    return respond(
      c,
      prefs,
      { '@odata.context': ctx(me, 'events/$entity'), ...present(event, prefs, undefined) },
      201,
    );
  };
  graphRoute(app, 'post', '/me/events', '/me/events', P.calendarWrite, create);
  graphRoute(app, 'post', '/me/calendar/events', '/me/calendar/events', P.calendarWrite, create);

  graphRoute(app, 'get', '/me/events/:id', '/me/events/{id}', P.calendarRead, (c) => {
    const me = callerUserId(c);
    const prefs = readPreferences(c.req.header('prefer'));
    const event = getEvent(tenant, me, param(c, 'id'));
    c.header('ETag', String((event as Record<string, unknown>)['@odata.etag']));
    // Graph links a single event to the calendar holding it (the caller's default calendar
    // here). The tenant serves no calendars resource: the links are there for fidelity only.
    const calendar = `${tenant.origin()}/v1.0/users('${me}')/calendars('${defaultCalendarId(me)}')`;
    return respond(c, prefs, {
      '@odata.context': ctx(me, 'events/$entity'),
      ...present(event, prefs, parseSelect(c.req.query('$select'))),
      'calendar@odata.associationLink': `${calendar}/$ref`,
      'calendar@odata.navigationLink': calendar,
    });
  });

  graphRoute(app, 'patch', '/me/events/:id', '/me/events/{id}', P.calendarWrite, async (c) => {
    const me = callerUserId(c);
    const patch = await readEventBody(c);
    const prefs = readPreferences(c.req.header('prefer'));
    const event = updateEvent(tenant, me, param(c, 'id'), patch, c.req.header('if-match'));
    c.header('ETag', String((event as Record<string, unknown>)['@odata.etag']));
    return respond(c, prefs, {
      '@odata.context': ctx(me, 'events/$entity'),
      ...present(event, prefs, undefined),
    });
  });

  graphRoute(app, 'delete', '/me/events/:id', '/me/events/{id}', P.calendarWrite, (c) => {
    deleteEvent(tenant, callerUserId(c), param(c, 'id'));
    return c.body(null, 204);
  });

  graphRoute(
    app,
    'get',
    '/me/events/:id/instances',
    '/me/events/{id}/instances',
    P.calendarRead,
    (c) => {
      const me = callerUserId(c);
      const { from, to } = parseWindow(c);
      const prefs = readPreferences(c.req.header('prefer'));
      const stored = findStored(tenant, me, param(c, 'id'));
      if (stored.event.type !== 'seriesMaster')
        throw badRequest('The event is not a recurring series master.', 'ErrorInvalidRequest');
      const select = parseSelect(c.req.query('$select'));
      const items = expandSeries(stored, from, to).map((o) =>
        present(occurrenceEvent(stored, o), prefs, select),
      );
      const top = parseTop(c.req.query('$top'), DEFAULT_PAGE, MAX_PAGE);
      return respond(c, prefs, {
        '@odata.context': ctx(me, 'events'),
        ...page(items, new URL(c.req.url), top, parseSkip(c.req.query('$skip'))),
      });
    },
  );

  for (const action of ['accept', 'tentativelyAccept', 'decline'] as const) {
    graphRoute(
      app,
      'post',
      `/me/events/:id/${action}`,
      `/me/events/{id}/${action.toLowerCase()}`,
      P.calendarWrite,
      async (c) => {
        let sendResponse = true;
        try {
          const body = await c.req.json<{ sendResponse?: unknown }>();
          if (typeof body.sendResponse === 'boolean') sendResponse = body.sendResponse;
        } catch {
          // A response may carry no body.
        }
        respondToEvent(tenant, callerUserId(c), param(c, 'id'), action, sendResponse);
        return c.body(null, 202);
      },
    );
  }
}
