import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  computeScheduleInformation,
  type BusyItem,
  type FreeBusyStatus,
  type ScheduleInformation,
  type ScheduleQuery,
  type WorkingHours,
} from '../../../src/local/tenant/calendar/free-busy';
import { graphReferenceDir } from '../../contract/support/paths';

const PACIFIC = 'Pacific Standard Time';

/** A Pacific wall-clock time as epoch milliseconds. */
const pacific = (dateTime: string): number =>
  Temporal.PlainDateTime.from(dateTime).toZonedDateTime('America/Los_Angeles').epochMilliseconds;

const utc = (dateTime: string): number =>
  Temporal.PlainDateTime.from(dateTime).toZonedDateTime('UTC').epochMilliseconds;

const workingHours: WorkingHours = {
  daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  startTime: '08:00:00.0000000',
  endTime: '17:00:00.0000000',
  timeZone: { name: PACIFIC },
};

function query(overrides: Partial<ScheduleQuery>): ScheduleQuery {
  return {
    scheduleId: 'adelev@contoso.onmicrosoft.com',
    windowStart: utc('2024-05-06T09:00:00'),
    windowEnd: utc('2024-05-06T11:00:00'),
    intervalMinutes: 30,
    items: [],
    timeZone: 'UTC',
    workingHours,
    ...overrides,
  };
}

const item = (start: string, end: string, status: FreeBusyStatus): BusyItem => ({
  start: utc(start),
  end: utc(end),
  status,
});

const viewOf = (overrides: Partial<ScheduleQuery>): string =>
  computeScheduleInformation(query(overrides)).availabilityView;

interface DocumentedItem {
  status: FreeBusyStatus;
  start: { dateTime: string };
  end: { dateTime: string };
  subject?: string;
  location?: string;
  isPrivate?: boolean;
}

interface GetScheduleExample {
  response: {
    body: { value: (ScheduleInformation & { scheduleItems: DocumentedItem[] })[] };
  };
}

describe('computeScheduleInformation', () => {
  describe("reproduces Graph's documented getSchedule example", () => {
    const example = JSON.parse(
      readFileSync(path.join(graphReferenceDir, 'examples/calendar-getschedule-1.json'), 'utf8'),
    ) as GetScheduleExample;
    const documented = example.response.body.value;

    it.each(documented.map((entry) => [entry.scheduleId, entry] as const))('%s', (_id, entry) => {
      const items: BusyItem[] = entry.scheduleItems.map((documentedItem) => ({
        ...documentedItem,
        start: pacific(documentedItem.start.dateTime),
        end: pacific(documentedItem.end.dateTime),
      }));
      const computed = computeScheduleInformation({
        scheduleId: entry.scheduleId,
        windowStart: pacific('2019-03-15T09:00:00'),
        windowEnd: pacific('2019-03-15T18:00:00'),
        intervalMinutes: 60,
        items,
        timeZone: PACIFIC,
        workingHours: entry.workingHours,
      });
      expect(computed).toEqual(entry);
    });

    it('gives the documented views "000220000" and "200220010"', () => {
      expect(documented.map((entry) => entry.availabilityView)).toEqual(['000220000', '200220010']);
    });
  });

  it('reproduces the free/busy concept page example at a 15-minute interval', () => {
    // learn.microsoft.com/graph/outlook-get-free-busy-schedule: Alex, 9:00-18:00 Pacific.
    const computed = computeScheduleInformation({
      scheduleId: 'AlexW@contoso.com',
      windowStart: pacific('2018-08-06T09:00:00'),
      windowEnd: pacific('2018-08-06T18:00:00'),
      intervalMinutes: 15,
      items: [
        {
          start: pacific('2018-08-06T09:00:00'),
          end: pacific('2018-08-06T10:30:00'),
          status: 'tentative',
        },
        {
          start: pacific('2018-08-06T11:00:00'),
          end: pacific('2018-08-06T13:00:00'),
          status: 'busy',
        },
      ],
      timeZone: PACIFIC,
      workingHours,
    });
    expect(computed.availabilityView).toBe('111111002222222200000000000000000000');
    expect(computed.scheduleItems.map((i) => [i.start.dateTime, i.end.dateTime])).toEqual([
      ['2018-08-06T09:00:00.0000000', '2018-08-06T10:30:00.0000000'],
      ['2018-08-06T11:00:00.0000000', '2018-08-06T13:00:00.0000000'],
    ]);
  });

  describe('slots', () => {
    it('rounds the digit count up when the interval does not divide the window', () => {
      // 60 minutes in 25-minute slots: [9:00, 9:25), [9:25, 9:50), [9:50, 10:00).
      const window = { windowEnd: utc('2024-05-06T10:00:00'), intervalMinutes: 25 };
      expect(viewOf({ ...window })).toBe('000');
      expect(
        viewOf({ ...window, items: [item('2024-05-06T09:55', '2024-05-06T10:30', 'busy')] }),
      ).toBe('002');
    });

    it('does not let an item after the window mark the short last slot', () => {
      const computed = computeScheduleInformation(
        query({
          windowEnd: utc('2024-05-06T10:00:00'),
          intervalMinutes: 25,
          items: [item('2024-05-06T10:05', '2024-05-06T10:10', 'busy')],
        }),
      );
      expect(computed.availabilityView).toBe('000');
      expect(computed.scheduleItems).toEqual([]);
    });

    it('marks every slot an item partially overlaps, and only those', () => {
      expect(viewOf({ items: [item('2024-05-06T09:40', '2024-05-06T10:15', 'busy')] })).toBe(
        '0220',
      );
      expect(viewOf({ items: [item('2024-05-06T09:29', '2024-05-06T09:31', 'busy')] })).toBe(
        '2200',
      );
    });

    it('treats slot boundaries as half-open', () => {
      expect(viewOf({ items: [item('2024-05-06T09:30', '2024-05-06T10:00', 'busy')] })).toBe(
        '0200',
      );
    });

    it('clips items that start before or end after the window but lists them whole', () => {
      const computed = computeScheduleInformation(
        query({ items: [item('2024-05-06T08:00', '2024-05-06T12:00', 'tentative')] }),
      );
      expect(computed.availabilityView).toBe('1111');
      expect(computed.scheduleItems[0]?.start.dateTime).toBe('2024-05-06T08:00:00.0000000');
      expect(computed.scheduleItems[0]?.end.dateTime).toBe('2024-05-06T12:00:00.0000000');
    });
  });

  describe('precedence within a slot', () => {
    it('lets busy win over tentative whatever the order', () => {
      const busy = item('2024-05-06T09:00', '2024-05-06T09:30', 'busy');
      const tentative = item('2024-05-06T09:00', '2024-05-06T10:00', 'tentative');
      expect(viewOf({ items: [busy, tentative] })).toBe('2100');
      expect(viewOf({ items: [tentative, busy] })).toBe('2100');
    });

    it('lets oof win over busy and tentative', () => {
      const items = [
        item('2024-05-06T09:00', '2024-05-06T11:00', 'busy'),
        item('2024-05-06T09:30', '2024-05-06T10:00', 'oof'),
        item('2024-05-06T10:00', '2024-05-06T10:30', 'tentative'),
      ];
      expect(viewOf({ items })).toBe('2322');
      expect(viewOf({ items: [item('2024-05-06T09:00', '2024-05-06T11:00', 'oof')] })).toBe('3333');
    });

    it('reports working elsewhere as 0, as the docs say, yet lists the item', () => {
      const computed = computeScheduleInformation(
        query({
          items: [
            item('2024-05-06T09:00', '2024-05-06T11:00', 'workingElsewhere'),
            item('2024-05-06T10:00', '2024-05-06T10:30', 'tentative'),
          ],
        }),
      );
      expect(computed.availabilityView).toBe('0010');
      expect(computed.scheduleItems.map((i) => i.status)).toEqual([
        'workingElsewhere',
        'tentative',
      ]);
    });
  });

  describe('scheduleItems', () => {
    it('leaves free items out by default and never lets them mark a slot', () => {
      const items = [item('2024-05-06T09:00', '2024-05-06T10:00', 'free')];
      const computed = computeScheduleInformation(query({ items }));
      expect(computed.availabilityView).toBe('0000');
      expect(computed.scheduleItems).toEqual([]);
      const withFree = computeScheduleInformation(query({ items, includeFreeItems: true }));
      expect(withFree.availabilityView).toBe('0000');
      expect(withFree.scheduleItems.map((i) => i.status)).toEqual(['free']);
    });

    it('lists items chronologically, keeping the given order for equal starts', () => {
      const computed = computeScheduleInformation(
        query({
          items: [
            { ...item('2024-05-06T10:00', '2024-05-06T10:30', 'busy'), subject: 'c' },
            { ...item('2024-05-06T09:00', '2024-05-06T10:00', 'busy'), subject: 'a' },
            { ...item('2024-05-06T09:00', '2024-05-06T09:30', 'tentative'), subject: 'b' },
          ],
        }),
      );
      expect(computed.scheduleItems.map((i) => i.subject)).toEqual(['a', 'b', 'c']);
    });

    it('ignores zero-length items and items outside the window', () => {
      const computed = computeScheduleInformation(
        query({
          items: [
            item('2024-05-06T09:15', '2024-05-06T09:15', 'busy'),
            item('2024-05-06T08:00', '2024-05-06T09:00', 'busy'),
            item('2024-05-06T11:00', '2024-05-06T12:00', 'busy'),
          ],
        }),
      );
      expect(computed.availabilityView).toBe('0000');
      expect(computed.scheduleItems).toEqual([]);
    });

    it('lists isPrivate, subject and location exactly when given', () => {
      const computed = computeScheduleInformation(
        query({
          items: [
            {
              ...item('2024-05-06T09:00', '2024-05-06T10:00', 'busy'),
              isPrivate: true,
              subject: 'Doctor',
              location: 'Clinic',
            },
            item('2024-05-06T10:00', '2024-05-06T10:30', 'oof'),
          ],
        }),
      );
      expect(computed.scheduleItems).toEqual([
        {
          isPrivate: true,
          status: 'busy',
          subject: 'Doctor',
          location: 'Clinic',
          start: { dateTime: '2024-05-06T09:00:00.0000000', timeZone: 'UTC' },
          end: { dateTime: '2024-05-06T10:00:00.0000000', timeZone: 'UTC' },
        },
        {
          status: 'oof',
          start: { dateTime: '2024-05-06T10:00:00.0000000', timeZone: 'UTC' },
          end: { dateTime: '2024-05-06T10:30:00.0000000', timeZone: 'UTC' },
        },
      ]);
      expect(Object.keys(computed.scheduleItems[1] ?? {})).toEqual(['status', 'start', 'end']);
    });

    it('formats times in the requested zone, Windows or IANA, echoing the name given', () => {
      const items = [item('2024-05-06T09:00', '2024-05-06T09:30:00.123', 'busy')];
      for (const timeZone of ['Nepal Standard Time', 'Asia/Kathmandu']) {
        const [listed] = computeScheduleInformation(query({ items, timeZone })).scheduleItems;
        expect(listed?.start).toEqual({ dateTime: '2024-05-06T14:45:00.0000000', timeZone });
        expect(listed?.end).toEqual({ dateTime: '2024-05-06T15:15:00.1230000', timeZone });
      }
    });

    it('follows daylight saving time in the requested zone', () => {
      const items = [
        item('2024-03-10T09:00', '2024-03-10T11:00', 'busy'), // 01:00 PST to 04:00 PDT
      ];
      const [listed] = computeScheduleInformation(
        query({
          windowStart: utc('2024-03-10T09:00'),
          windowEnd: utc('2024-03-10T11:00'),
          items,
          timeZone: PACIFIC,
        }),
      ).scheduleItems;
      expect(listed?.start.dateTime).toBe('2024-03-10T01:00:00.0000000');
      expect(listed?.end.dateTime).toBe('2024-03-10T04:00:00.0000000');
    });
  });

  describe('arguments', () => {
    it('accepts intervals from 5 to 1440 minutes only', () => {
      expect(viewOf({ intervalMinutes: 5 })).toHaveLength(24);
      expect(viewOf({ intervalMinutes: 1440 })).toBe('0');
      for (const intervalMinutes of [4, 1441, 0, 12.5]) {
        expect(() => viewOf({ intervalMinutes })).toThrow(RangeError);
      }
    });

    it('refuses an empty or inverted window', () => {
      const start = utc('2024-05-06T09:00');
      expect(() => viewOf({ windowStart: start, windowEnd: start })).toThrow(RangeError);
      expect(() => viewOf({ windowStart: start, windowEnd: start - 1 })).toThrow(RangeError);
    });

    it('refuses a time zone that is neither Windows nor IANA', () => {
      expect(() => viewOf({ timeZone: 'Middle Earth Standard Time' })).toThrow(RangeError);
    });

    it('passes working hours through, custom time zones included', () => {
      const custom: WorkingHours = {
        ...workingHours,
        timeZone: { '@odata.type': '#microsoft.graph.customTimeZone', bias: 480, name: 'Custom' },
      };
      expect(computeScheduleInformation(query({ workingHours: custom })).workingHours).toBe(custom);
    });
  });
});
