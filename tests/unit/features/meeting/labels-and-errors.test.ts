import { describe, expect, it } from 'vitest';
import {
  describePath,
  errorSummary,
  messageAt,
} from '../../../../src/features/meeting/form-errors';
import { attendeeNames, attendeeOptions, roleName } from '../../../../src/features/meeting/labels';
import { ATTENDEES } from './builders';

describe('people', () => {
  it('names attendees by id, and anyone else as unknown', () => {
    const nameOf = attendeeNames(ATTENDEES);
    expect(nameOf('bo')).toBe('Bo Builder');
    expect(nameOf('someone-removed')).toBe('Unknown attendee');
  });

  it('offers only attendees with an id, telling namesakes apart', () => {
    const options = attendeeOptions([
      ...ATTENDEES,
      { id: 'ana2', name: 'Ana Attendee', mail: 'ana2@example.com', isOrganizer: false },
    ]);
    expect(options.map((o) => o.label)).toEqual([
      'Olu Organizer',
      'Ana Attendee (ana@example.com)',
      'Bo Builder',
      'Ana Attendee (ana2@example.com)',
    ]);
  });

  it('names roles, custom ones by their own label', () => {
    expect(roleName({ kind: 'decisionMaker', holderId: 'org' })).toBe('Decision-maker');
    expect(roleName({ kind: 'custom', label: 'Timekeeper', holderId: 'org' })).toBe('Timekeeper');
  });
});

describe('form errors', () => {
  const errors = {
    purpose: ["Say in a sentence or two why this meeting exists; the purpose can't be empty."],
    'agenda.2.title': ['Give every agenda item a title.'],
    'deliverables.0.obstacle': ['Say what is in the way.', 'Second message.'],
    meetingKey: ['The meeting key is missing.'],
  };

  it('finds a field’s messages', () => {
    expect(messageAt(errors, 'deliverables.0.obstacle')).toBe(
      'Say what is in the way. Second message.',
    );
    expect(messageAt(errors, 'outcome')).toBeUndefined();
  });

  it('says where each message belongs', () => {
    expect(describePath('agenda.2.title')).toBe('Agenda item 3');
    expect(describePath('successMetrics.0')).toBe('Success metric 1');
    expect(describePath('roles')).toBe('Roles');
    expect(describePath('')).toBe('Expectations');
    expect(errorSummary(errors)).toEqual([
      "Purpose: Say in a sentence or two why this meeting exists; the purpose can't be empty.",
      'Agenda item 3: Give every agenda item a title.',
      'Deliverable 1: Say what is in the way.',
      'Deliverable 1: Second message.',
      'Expectations: The meeting key is missing.',
    ]);
  });
});
