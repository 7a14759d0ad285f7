import type { Client } from '@microsoft/microsoft-graph-client';
import type * as G from '@microsoft/microsoft-graph-types';
import { instant, type Instant } from '../../domain/time/instant';
import { DAYS_OF_WEEK, toIanaZone, type DayOfWeek } from '../../domain/time/zones';
import { runBatch, type BatchItem } from '../batch';

/** Graph's limit on mailboxes in one getSchedule call. */
export const SCHEDULES_PER_CALL = 20;
/**
 * getSchedule runs against the caller's own mailbox, and Exchange serves at most four concurrent
 * requests per mailbox (sub-requests of a `$batch` included): so one `$batch` at a time, four
 * calls in it, 80 people per round trip.
 */
export const CALLS_PER_BATCH = 4;

export interface WorkingHours {
  days: DayOfWeek[];
  /** Local wall-clock times in `timeZone`, "HH:MM". */
  start: string;
  end: string;
  timeZone: string;
}

export type Availability =
  | {
      kind: 'ok';
      mail: string;
      workingHours: WorkingHours;
      /** Busy, tentative and out-of-office times in the window, as instants. */
      busy: { start: Instant; end: Instant }[];
    }
  /** This person's schedule could not be read: a reason for the round, not a failed round. */
  | { kind: 'error'; mail: string; reason: string };

const BUSY_STATUSES = new Set(['busy', 'tentative', 'oof']);

const utc = (d: G.DateTimeTimeZone | null | undefined): Instant =>
  instant(Date.parse(`${(d?.dateTime ?? '').slice(0, 23)}Z`));

const hhmm = (time: string | null | undefined): string => (time ?? '').slice(0, 5);

function availabilityOf(mail: string, info: G.ScheduleInformation | undefined): Availability {
  if (!info) return { kind: 'error', mail, reason: 'No schedule came back for this person.' };
  if (info.error) {
    return {
      kind: 'error',
      mail,
      reason: info.error.message ?? info.error.responseCode ?? 'The schedule could not be read.',
    };
  }
  const hours = info.workingHours;
  const zoneName = hours?.timeZone?.name ?? '';
  const timeZone = toIanaZone(zoneName);
  if (!hours || timeZone === undefined) {
    return {
      kind: 'error',
      mail,
      reason: `Working hours are not set, or their time zone "${zoneName}" is unknown.`,
    };
  }
  const days = (hours.daysOfWeek ?? []).filter((d): d is DayOfWeek =>
    (DAYS_OF_WEEK as readonly string[]).includes(d),
  );
  return {
    kind: 'ok',
    mail,
    workingHours: { days, start: hhmm(hours.startTime), end: hhmm(hours.endTime), timeZone },
    busy: (info.scheduleItems ?? [])
      .filter((item) => BUSY_STATUSES.has(item.status ?? ''))
      .map((item) => ({ start: utc(item.start), end: utc(item.end) })),
  };
}

/**
 * Working hours and busy times of `mails` over the window, through `getSchedule` (20 mailboxes a
 * call) in `$batch` requests of four calls, one batch at a time. A call that fails after the batch
 * runner's retries turns into an error for each of its people; the others still come back.
 */
export async function readAvailability(
  client: Client,
  mails: readonly string[],
  window: { start: Instant; end: Instant },
): Promise<Map<string, Availability>> {
  const calls: { id: string; mails: string[] }[] = [];
  for (let i = 0; i < mails.length; i += SCHEDULES_PER_CALL) {
    calls.push({ id: String(calls.length), mails: mails.slice(i, i + SCHEDULES_PER_CALL) });
  }
  const out = new Map<string, Availability>();
  for (let i = 0; i < calls.length; i += CALLS_PER_BATCH) {
    const group = calls.slice(i, i + CALLS_PER_BATCH);
    const items: BatchItem[] = group.map((call) => ({
      id: call.id,
      method: 'POST',
      url: '/me/calendar/getSchedule',
      headers: { 'Content-Type': 'application/json', Prefer: 'outlook.timezone="UTC"' },
      body: {
        schedules: call.mails,
        startTime: { dateTime: new Date(window.start).toISOString().slice(0, 19), timeZone: 'UTC' },
        endTime: { dateTime: new Date(window.end).toISOString().slice(0, 19), timeZone: 'UTC' },
        availabilityViewInterval: 15,
      },
    }));
    const results = await runBatch(client, items);
    for (const call of group) {
      const result = results.get(call.id);
      if (!result || result.status >= 400) {
        const message = (result?.body as { error?: { message?: string } } | undefined)?.error
          ?.message;
        for (const mail of call.mails) {
          out.set(mail, {
            kind: 'error',
            mail,
            reason: `Schedules could not be read${message ? `: ${message}` : ''} (${String(result?.status ?? 'no answer')}).`,
          });
        }
        continue;
      }
      const value = (result.body as { value?: G.ScheduleInformation[] }).value ?? [];
      call.mails.forEach((mail, k) => {
        // Graph answers in the order asked; the scheduleId confirms it where present.
        const info =
          value.find((v) => v.scheduleId?.toLowerCase() === mail.toLowerCase()) ?? value[k];
        out.set(mail, availabilityOf(mail, info));
      });
    }
  }
  return out;
}
