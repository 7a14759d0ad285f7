import type { MeetingRef } from '../../../../src/domain/meetings/meeting-ref';
import type {
  Attendee,
  ExpectationsRecord,
  MeetingExpectations,
} from '../../../../src/domain/ports/expectations';
import type { Expectations } from '../../../../src/domain/expectations/schema';
import { instant } from '../../../../src/domain/time/instant';
import { expectations } from '../../domain/expectations/builders';

/** A meeting tab's data for tests: "org" organizes, "ana" and "bo" attend (see the domain builders). */

export const ATTENDEES: Attendee[] = [
  { id: 'org', name: 'Olu Organizer', mail: 'olu@example.com', isOrganizer: true },
  { id: 'ana', name: 'Ana Attendee', mail: 'ana@example.com', isOrganizer: false },
  { id: 'bo', name: 'Bo Builder', mail: 'bo@example.com', isOrganizer: false },
  { name: 'Guest Without Account', mail: 'guest@example.org', isOrganizer: false },
];

export const meeting = (overrides: Partial<MeetingRef> = {}): MeetingRef => ({
  eventId: 'event-1',
  iCalUId: 'uid-occurrence-1',
  subject: 'Launch review',
  start: instant(Date.UTC(2026, 2, 16, 17, 0)),
  end: instant(Date.UTC(2026, 2, 16, 17, 45)),
  isOrganizer: true,
  organizer: { name: 'Olu Organizer', address: 'olu@example.com' },
  ...overrides,
});

export const record = (value: Expectations = expectations(), etag = '"1"'): ExpectationsRecord => ({
  expectations: value,
  version: {
    itemId: `item-${value.meetingKey}`,
    etag,
    lastModifiedBy: { id: 'org', displayName: 'Olu Organizer' },
    lastModifiedDateTime: '2026-03-12T09:30:00Z',
  },
});

export const meetingData = (overrides: Partial<MeetingExpectations> = {}): MeetingExpectations => ({
  meeting: meeting(),
  me: { id: 'org', displayName: 'Olu Organizer', mail: 'olu@example.com' },
  attendees: ATTENDEES,
  organizerIds: ['org'],
  deliverables: {},
  ...overrides,
});
