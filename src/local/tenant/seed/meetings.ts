import { Temporal } from 'temporal-polyfill';
import { requireIanaZone, zonedLocalToInstant } from '../../../domain/time/zones';
import { TenantClock } from '../clock';
import { eventWriteSchema, type EventWriteInput } from '../calendar/event-input';
import { createEvent, updateEvent, deleteEvent } from '../calendar/events';
import { occurrenceId } from '../calendar/event-ids';
import { respondToEvent } from '../calendar/responses';
import type { Tenant } from '../http/context';
import type { TenantState } from '../store/state';
import { TenantStore } from '../store/store';
import { PEOPLE, upnOf } from './directory';

const byAlias = (alias: string) => {
  const p = PEOPLE.find((x) => x.alias === alias);
  if (!p) throw new Error(`no seed person ${alias}`);
  return p;
};

const invite = (...aliases: string[]): NonNullable<EventWriteInput['attendees']> =>
  aliases.map((a) => {
    const p = byAlias(a);
    return {
      type: 'required' as const,
      emailAddress: { address: upnOf(p), name: `${p.givenName} ${p.surname}` },
    };
  });

/**
 * Two weeks of meetings around the seed's "now", laid out on the organizers' own working days
 * and hours: a recurring stand-up with one cancelled and one moved occurrence, one-on-ones,
 * planning, reviews across hemispheres, focus time, out-of-office and a past retrospective.
 */
export function seedMeetings(state: TenantState, now: number): void {
  const tenant: Tenant = {
    store: TenantStore.inMemory(state),
    clock: new TenantClock(new Date(now).toISOString()),
    get issuer(): never {
      throw new Error('the seed issues no tokens');
    },
    origin: () => '',
  };

  /** Monday of the week containing "now", in a zone, plus `days`, at a local time. */
  const at = (
    alias: string,
    days: number,
    time: string,
  ): { dateTime: string; timeZone: string } => {
    const p = byAlias(alias);
    const zone = requireIanaZone(p.ianaZone);
    const today = Temporal.Instant.fromEpochMilliseconds(now)
      .toZonedDateTimeISO(zone)
      .toPlainDate();
    const monday = today.subtract({ days: today.dayOfWeek - 1 });
    return {
      dateTime: `${monday.add({ days }).toString()}T${time}:00`,
      timeZone: p.mailboxTimeZone,
    };
  };
  const mondayOf = (alias: string, weeks: number): string =>
    at(alias, weeks * 7, '00:00').dateTime.slice(0, 10);

  const make = (organizer: string, e: EventWriteInput): string => {
    const { event } = createEvent(tenant, byAlias(organizer).id, eventWriteSchema.parse(e));
    return event.id ?? '';
  };
  const accept = (
    alias: string,
    organizerEventId: string,
    how: 'accept' | 'tentativelyAccept' | 'decline' = 'accept',
  ) => {
    const copy = state.events[organizerEventId]?.attendeeCopies?.[byAlias(alias).id];
    if (copy) respondToEvent(tenant, byAlias(alias).id, copy, how, true);
  };
  const teams = { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' as const };

  const standup = make('ana', {
    subject: 'Platform stand-up',
    body: { contentType: 'html', content: '<p>Fifteen minutes: yesterday, today, blockers.</p>' },
    start: at('ana', -14, '08:00'),
    end: at('ana', -14, '08:15'),
    attendees: invite('ben', 'divya', 'grace', 'jonas', 'kemi', 'liam', 'noah', 'felipe', 'isla'),
    recurrence: {
      pattern: {
        type: 'weekly',
        interval: 1,
        daysOfWeek: ['monday', 'wednesday', 'friday'],
        firstDayOfWeek: 'sunday',
      },
      range: {
        type: 'noEnd',
        startDate: mondayOf('ana', -2),
        recurrenceTimeZone: byAlias('ana').mailboxTimeZone,
      },
    },
    ...teams,
  });
  for (const a of ['ben', 'divya', 'grace', 'jonas', 'kemi', 'noah']) accept(a, standup);
  accept('liam', standup, 'tentativelyAccept');
  const standupStart = (days: number): number => {
    const local = at('ana', days, '08:00');
    return zonedLocalToInstant(local.dateTime, local.timeZone);
  };
  // This Friday's stand-up is cancelled; next Wednesday's moves an hour later.
  deleteEvent(tenant, byAlias('ana').id, occurrenceId(standup, standupStart(4)));
  updateEvent(
    tenant,
    byAlias('ana').id,
    occurrenceId(standup, standupStart(9)),
    eventWriteSchema.parse({
      start: at('ana', 9, '09:00'),
      end: at('ana', 9, '09:15'),
    }),
  );

  const oneOnOne = make('ana', {
    subject: 'Ana / Ben 1:1',
    start: at('ana', 1, '09:30'),
    end: at('ana', 1, '10:00'),
    attendees: invite('ben'),
    recurrence: {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['tuesday'], firstDayOfWeek: 'sunday' },
      range: { type: 'noEnd', startDate: mondayOf('ana', -4) },
    },
    ...teams,
  });
  accept('ben', oneOnOne);

  const planning = make('grace', {
    subject: 'Sprint planning',
    body: {
      contentType: 'html',
      content: '<p>Pick the sprint goal and the work that serves it.</p>',
    },
    start: at('grace', 2, '10:00'),
    end: at('grace', 2, '11:00'),
    attendees: invite('ana', 'ben', 'divya', 'jonas', 'noah', 'felipe'),
    ...teams,
  });
  for (const a of ['ana', 'ben', 'jonas']) accept(a, planning);
  accept('divya', planning, 'decline');

  const design = make('emma', {
    subject: 'Design review: onboarding flow',
    start: at('emma', 3, '08:30'),
    end: at('emma', 3, '09:15'),
    attendees: invite('hiro', 'divya', 'ana'),
    ...teams,
  });
  accept('hiro', design);

  const retro = make('noah', {
    subject: 'Sprint retrospective',
    body: { contentType: 'text', content: 'What went well, what did not, what we try next.' },
    start: at('noah', -5, '15:00'),
    end: at('noah', -5, '16:00'),
    attendees: invite('ana', 'ben', 'divya', 'grace', 'jonas', 'kemi'),
    ...teams,
  });
  for (const a of ['ana', 'ben', 'grace']) accept(a, retro);

  make('hiro', {
    subject: 'Incident review: cache outage',
    start: at('hiro', -3, '10:00'),
    end: at('hiro', -3, '10:45'),
    attendees: invite('noah', 'ben', 'liam'),
    ...teams,
  });

  make('kemi', {
    subject: 'Lunch & learn: reading dashboards',
    start: at('kemi', 8, '12:00'),
    end: at('kemi', 8, '13:00'),
    attendees: [
      ...invite('ben', 'isla'),
      ...invite('jonas', 'felipe').map((a) => ({ ...a, type: 'optional' as const })),
    ],
    ...teams,
  });

  make('divya', {
    subject: 'Focus time',
    start: at('divya', 2, '14:00'),
    end: at('divya', 2, '16:00'),
    showAs: 'busy',
    sensitivity: 'private',
  });
  make('liam', {
    subject: 'Customer call (tentative)',
    start: at('liam', 1, '10:00'),
    end: at('liam', 1, '11:00'),
    showAs: 'tentative',
  });
  make('isla', {
    subject: 'Out of office',
    start: at('isla', 10, '00:00'),
    end: at('isla', 12, '00:00'),
    isAllDay: true,
    showAs: 'oof',
  });
  make('jonas', {
    subject: 'Dentist',
    start: at('jonas', 3, '13:00'),
    end: at('jonas', 3, '14:00'),
    showAs: 'oof',
    sensitivity: 'private',
  });
  make('felipe', {
    subject: 'QA sync (in person)',
    start: at('felipe', 4, '16:00'),
    end: at('felipe', 4, '16:30'),
    attendees: invite('grace'),
    location: { displayName: 'Room 4 & the "quiet" corner <east wing>' },
  });
}
