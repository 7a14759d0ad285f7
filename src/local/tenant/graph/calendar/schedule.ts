import type * as G from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import {
  callerUserId,
  graphRoute,
  readJson,
  type Tenant,
  type TenantApp,
} from '../../http/context';
import { badRequest } from '../../http/graph-error';
import { readPreferences } from '../../http/prefer';
import { dateTimeTimeZoneSchema } from '../../calendar/event-input';
import { eventsInWindow, instantOf } from '../../calendar/events';
import {
  computeScheduleInformation,
  MAX_INTERVAL_MINUTES,
  MIN_INTERVAL_MINUTES,
  type BusyItem,
  type FreeBusyStatus,
  type WorkingHours,
} from '../../calendar/free-busy';
import { findUser } from '../users';
import { P } from '../permissions';

/** Graph's limits for getSchedule: 20 mailboxes a call, a window shorter than 62 days. */
export const MAX_SCHEDULES = 20;
const MAX_WINDOW_MS = 62 * 86_400_000;

const scheduleRequest = z.object({
  schedules: z.array(z.string().min(1).max(320)).min(1, 'name at least one schedule'),
  startTime: dateTimeTimeZoneSchema,
  endTime: dateTimeTimeZoneSchema,
  availabilityViewInterval: z.number().int().optional(),
});

const STATUS: Record<string, FreeBusyStatus> = {
  free: 'free',
  tentative: 'tentative',
  busy: 'busy',
  oof: 'oof',
  workingElsewhere: 'workingElsewhere',
};

export function registerScheduleRoute(app: TenantApp, tenant: Tenant): void {
  graphRoute(
    app,
    'post',
    '/me/calendar/getSchedule',
    '/me/calendar/getSchedule',
    P.schedule,
    async (c) => {
      const me = callerUserId(c);
      const body = await readJson(c, scheduleRequest);
      if (body.schedules.length > MAX_SCHEDULES) {
        throw badRequest(
          `The number of schedules requested (${String(body.schedules.length)}) exceeds the limit of ${String(MAX_SCHEDULES)}.`,
          'ErrorMailboxDataArrayTooBig',
        );
      }
      const interval = body.availabilityViewInterval ?? 30;
      if (interval < MIN_INTERVAL_MINUTES || interval > MAX_INTERVAL_MINUTES) {
        throw badRequest(
          `availabilityViewInterval must be between ${String(MIN_INTERVAL_MINUTES)} and ${String(MAX_INTERVAL_MINUTES)} minutes.`,
          'ErrorInvalidParameter',
        );
      }
      const from = instantOf(body.startTime);
      const to = instantOf(body.endTime);
      if (to <= from)
        throw badRequest('The end time must be after the start time.', 'ErrorInvalidParameter');
      if (to - from >= MAX_WINDOW_MS)
        throw badRequest(
          'The requested time window must be shorter than 62 days.',
          'ErrorInvalidTimeInterval',
        );
      const prefs = readPreferences(c.req.header('prefer'));
      const zone = prefs.timeZone ?? 'UTC';

      const value = body.schedules.map((scheduleId) => {
        const person = findUser(tenant, scheduleId);
        const settings = person?.id ? tenant.store.state.mailboxSettings[person.id] : undefined;
        if (!person?.id || !settings) {
          return {
            scheduleId,
            availabilityView: '',
            scheduleItems: [],
            error: {
              message: `The mailbox '${scheduleId}' could not be found.`,
              responseCode: 'ErrorMailRecipientNotFound',
            },
          };
        }
        // Coworkers see when someone is busy, not what the meeting is; people see their own details.
        const own = person.id === me;
        const items: BusyItem[] = eventsInWindow(tenant, person.id, from, to)
          .filter((e) => !e.isCancelled && e.showAs && e.showAs !== 'unknown')
          .map((e: G.Event) => ({
            start: instantOf(e.start ?? {}),
            end: instantOf(e.end ?? {}),
            status: STATUS[e.showAs ?? 'busy'] ?? 'busy',
            isPrivate: e.sensitivity === 'private',
            ...(own ? { subject: e.subject ?? '', location: e.location?.displayName ?? '' } : {}),
          }));
        return computeScheduleInformation({
          scheduleId,
          windowStart: from,
          windowEnd: to,
          intervalMinutes: interval,
          items,
          timeZone: zone,
          workingHours: settings.workingHours as WorkingHours,
        });
      });
      if (prefs.applied.length) c.header('Preference-Applied', prefs.applied.join(', '));
      return c.json({
        '@odata.context': `${tenant.origin()}/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)`,
        value,
      });
    },
  );
}
