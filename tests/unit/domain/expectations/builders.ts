import type {
  AgendaItem,
  Deliverable,
  Expectations,
  ExpectationsInput,
} from '../../../../src/domain/expectations/schema';

/** Test data with overrides. Ids read as people: "org" organizes, "ana" and "bo" attend. */
export const PEOPLE: Readonly<Record<string, string>> = {
  org: 'Olu Organizer',
  ana: 'Ana Attendee',
  bo: 'Bo Builder',
  co: 'Cy Co-organizer',
};

export const nameOf = (id: string): string | undefined => PEOPLE[id];

export const agendaItem = (overrides: Partial<AgendaItem> = {}): AgendaItem => ({
  title: 'Wins since last week',
  minutes: 10,
  ...overrides,
});

export const deliverable = (overrides: Partial<Deliverable> = {}): Deliverable => ({
  id: 'd1',
  title: 'Draft the launch plan',
  ownerId: 'ana',
  due: '2026-03-20',
  status: 'onTrack',
  ...overrides,
});

export const expectationsInput = (
  overrides: Partial<ExpectationsInput> = {},
): ExpectationsInput => ({
  schemaVersion: 1,
  meetingKey: 'uid-occurrence-1',
  purpose: 'Agree on the launch date.',
  outcome: 'A launch date everyone can commit to.',
  agenda: [agendaItem(), agendaItem({ title: 'Risks', presenterId: 'bo', minutes: 15 })],
  roles: [
    { kind: 'facilitator', holderId: 'org' },
    { kind: 'coOrganizer', holderId: 'co' },
  ],
  deliverables: [
    deliverable(),
    deliverable({ id: 'd2', title: 'Check the budget', ownerId: 'bo', due: '2026-03-27' }),
  ],
  successMetrics: ['We leave with one date.'],
  ...overrides,
});

export const expectations = (overrides: Partial<Expectations> = {}): Expectations =>
  ({
    ...expectationsInput(),
    outcome: 'A launch date everyone can commit to.',
    ...overrides,
  }) as Expectations;
