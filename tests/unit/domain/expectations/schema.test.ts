import { describe, expect, it } from 'vitest';
import {
  EXPECTATION_LIMITS as L,
  countSentences,
  deliverableSchema,
  expectationsOverrideSchema,
  expectationsSchema,
  fieldErrors,
} from '../../../../src/domain/expectations/schema';
import { deliverable, expectationsInput } from './builders';

/** The messages for one invalid input, keyed by dotted path. */
const errorsOf = (input: unknown): Record<string, string[]> => {
  const result = expectationsSchema.safeParse(input);
  if (result.success) throw new Error('expected the input to be refused');
  return fieldErrors(result.error);
};

describe('expectationsSchema', () => {
  it('accepts a full record and trims text', () => {
    const parsed = expectationsSchema.parse(
      expectationsInput({
        purpose: '  Agree on the launch date.  ',
        successMetrics: [' One date. '],
      }),
    );
    expect(parsed.purpose).toBe('Agree on the launch date.');
    expect(parsed.successMetrics).toEqual(['One date.']);
  });

  it('fills defaults for the optional parts', () => {
    const parsed = expectationsSchema.parse({
      schemaVersion: 1,
      meetingKey: 'uid',
      purpose: 'Decide.',
    });
    expect(parsed).toEqual({
      schemaVersion: 1,
      meetingKey: 'uid',
      purpose: 'Decide.',
      outcome: '',
      agenda: [],
      roles: [],
      deliverables: [],
      successMetrics: [],
    });
  });

  it('requires a purpose, whitespace alone included', () => {
    expect(errorsOf(expectationsInput({ purpose: '   ' }))).toEqual({
      purpose: ["Say in a sentence or two why this meeting exists; the purpose can't be empty."],
    });
  });

  it('limits the purpose to 300 characters and says how long it is', () => {
    expect(
      expectationsSchema.safeParse(expectationsInput({ purpose: 'a'.repeat(L.purposeMaxLength) }))
        .success,
    ).toBe(true);
    expect(errorsOf(expectationsInput({ purpose: 'a'.repeat(301) })).purpose).toEqual([
      'The purpose can be at most 300 characters (this one has 301).',
    ]);
  });

  it('limits the purpose to two sentences', () => {
    expect(countSentences('Ship it. Then rest.')).toBe(2);
    expect(countSentences('Review options, e.g. the roadmap, and pick one.')).toBe(1);
    expect(errorsOf(expectationsInput({ purpose: 'One. Two. Three.' })).purpose).toEqual([
      'Keep the purpose to 2 sentences; put details in the agenda.',
    ]);
  });

  it('refuses control characters and unpaired surrogates in text', () => {
    for (const bad of ['a\nb', 'tab\there', 'bell\u0007', 'c1\u0085', 'half \ud83d']) {
      expect(errorsOf(expectationsInput({ outcome: bad })).outcome).toEqual([
        "The outcome can't contain line breaks, tabs or other control characters.",
      ]);
    }
  });

  it('keeps right-to-left marks, emoji and markup as text', () => {
    const purpose = '\u200fمراجعة الخطة 🚀 <script>alert(1)</script>';
    expect(expectationsSchema.parse(expectationsInput({ purpose })).purpose).toBe(purpose);
  });

  it('limits the outcome to 300 characters', () => {
    expect(errorsOf(expectationsInput({ outcome: 'x'.repeat(301) })).outcome).toEqual([
      'The outcome can be at most 300 characters (this one has 301).',
    ]);
  });

  it('limits agenda items: count, title, minutes', () => {
    const item = { title: 'Item', minutes: 5 };
    expect(
      errorsOf(expectationsInput({ agenda: Array.from({ length: 21 }, () => item) })).agenda,
    ).toEqual(['An agenda can have at most 20 items.']);
    expect(
      errorsOf(expectationsInput({ agenda: [{ title: 't'.repeat(121) }] }))['agenda.0.title'],
    ).toEqual(['An agenda item can be at most 120 characters (this one has 121).']);
    expect(errorsOf(expectationsInput({ agenda: [{ title: ' ' }] }))['agenda.0.title']).toEqual([
      'Give every agenda item a title.',
    ]);
    expect(
      errorsOf(expectationsInput({ agenda: [{ title: 'a', minutes: 0 }] }))['agenda.0.minutes'],
    ).toEqual(['An agenda item takes at least 1 minute; leave it blank if untimed.']);
    expect(
      errorsOf(expectationsInput({ agenda: [{ title: 'a', minutes: 241 }] }))['agenda.0.minutes'],
    ).toEqual(['An agenda item can take at most 240 minutes.']);
    expect(
      errorsOf(expectationsInput({ agenda: [{ title: 'a', minutes: 2.5 }] }))['agenda.0.minutes'],
    ).toEqual(['Agenda minutes must be whole minutes.']);
  });

  it('limits roles: count, custom labels, duplicates', () => {
    const roles = Array.from({ length: 13 }, (_, i) => ({
      kind: 'custom' as const,
      label: `Role ${i}`,
      holderId: 'ana',
    }));
    expect(errorsOf(expectationsInput({ roles })).roles).toEqual([
      'A meeting can have at most 12 roles.',
    ]);
    expect(
      errorsOf(
        expectationsInput({ roles: [{ kind: 'custom', label: 'l'.repeat(41), holderId: 'a' }] }),
      )['roles.0.label'],
    ).toEqual(['A custom role can be at most 40 characters (this one has 41).']);
    expect(
      errorsOf(expectationsInput({ roles: [{ kind: 'custom', label: '', holderId: 'a' }] }))[
        'roles.0.label'
      ],
    ).toEqual(['Name the custom role.']);
    expect(
      errorsOf(
        expectationsInput({
          roles: [
            { kind: 'noteTaker', holderId: 'ana' },
            { kind: 'noteTaker', holderId: 'ana' },
          ],
        }),
      )['roles.1'],
    ).toEqual(['The same person already holds this role.']);
    expect(
      errorsOf(expectationsInput({ roles: [{ kind: 'boss', holderId: 'ana' }] as never }))[
        'roles.0.kind'
      ],
    ).toEqual(['Pick a role from the list, or add a custom one.']);
  });

  it('allows several people in the same role and the same person in several roles', () => {
    const parsed = expectationsSchema.parse(
      expectationsInput({
        roles: [
          { kind: 'coOrganizer', holderId: 'ana' },
          { kind: 'coOrganizer', holderId: 'bo' },
          { kind: 'noteTaker', holderId: 'ana' },
        ],
      }),
    );
    expect(parsed.roles).toHaveLength(3);
  });

  it('limits deliverables: count, title, due date, unique ids', () => {
    const many = Array.from({ length: 31 }, (_, i) => deliverable({ id: `d${i}` }));
    expect(errorsOf(expectationsInput({ deliverables: many })).deliverables).toEqual([
      'A meeting can have at most 30 deliverables.',
    ]);
    expect(
      errorsOf(expectationsInput({ deliverables: [deliverable({ title: 'x'.repeat(161) })] }))[
        'deliverables.0.title'
      ],
    ).toEqual(['A deliverable can be at most 160 characters (this one has 161).']);
    expect(
      errorsOf(expectationsInput({ deliverables: [deliverable({ due: '20/03/2026' })] }))[
        'deliverables.0.due'
      ],
    ).toEqual(['A due date looks like 2026-03-20 (year-month-day).']);
    expect(
      errorsOf(expectationsInput({ deliverables: [deliverable({ due: '2026-02-30' })] }))[
        'deliverables.0.due'
      ],
    ).toEqual(["That due date isn't a day on the calendar."]);
    expect(
      errorsOf(expectationsInput({ deliverables: [deliverable(), deliverable()] }))[
        'deliverables.1.id'
      ],
    ).toEqual(['Two deliverables share an id.']);
  });

  it('requires an obstacle when at risk or blocked, and limits it to 500 characters', () => {
    for (const status of ['atRisk', 'blocked'] as const) {
      const result = deliverableSchema.safeParse(deliverable({ status }));
      expect(result.success).toBe(false);
      expect(result.error && fieldErrors(result.error)).toEqual({
        obstacle: ['Say what is in the way: an at-risk or blocked deliverable needs its obstacle.'],
      });
    }
    expect(
      deliverableSchema.safeParse({ ...deliverable({ status: 'blocked' }), obstacle: '  ' })
        .success,
    ).toBe(false);
    const long = deliverableSchema.safeParse({
      ...deliverable({ status: 'blocked' }),
      obstacle: 'o'.repeat(501),
    });
    expect(long.error && fieldErrors(long.error)).toEqual({
      obstacle: ['The obstacle can be at most 500 characters (this one has 501).'],
    });
    expect(
      deliverableSchema.parse({ ...deliverable({ status: 'blocked' }), obstacle: ' No access ' }),
    ).toMatchObject({ status: 'blocked', obstacle: 'No access' });
  });

  it('drops the obstacle when the status no longer needs one', () => {
    for (const status of ['notStarted', 'onTrack', 'done'] as const) {
      const parsed = deliverableSchema.parse({ ...deliverable({ status }), obstacle: 'Old news' });
      expect(parsed).not.toHaveProperty('obstacle');
    }
  });

  it('refuses an unknown status with the list of statuses', () => {
    expect(
      errorsOf(expectationsInput({ deliverables: [deliverable({ status: 'late' as never })] }))[
        'deliverables.0.status'
      ],
    ).toEqual(['Status is one of: not started, on track, at risk, blocked, done.']);
  });

  it('limits success metrics: count and length', () => {
    expect(
      errorsOf(expectationsInput({ successMetrics: Array.from({ length: 9 }, () => 'm') }))
        .successMetrics,
    ).toEqual(['A meeting can have at most 8 success metrics.']);
    expect(
      errorsOf(expectationsInput({ successMetrics: ['m'.repeat(201)] }))['successMetrics.0'],
    ).toEqual(['A success metric can be at most 200 characters (this one has 201).']);
    expect(errorsOf(expectationsInput({ successMetrics: [''] }))['successMetrics.0']).toEqual([
      "A success metric can't be empty.",
    ]);
  });

  it('checks the version and the keys', () => {
    expect(errorsOf(expectationsInput({ schemaVersion: 2 as never })).schemaVersion).toEqual([
      'Unknown expectations version (this app reads version 1).',
    ]);
    expect(errorsOf(expectationsInput({ meetingKey: '' })).meetingKey).toEqual([
      'The meeting key is missing.',
    ]);
    expect(errorsOf(expectationsInput({ meetingKey: 'k'.repeat(256) })).meetingKey).toEqual([
      'The meeting key can be at most 255 characters (this one has 256).',
    ]);
    expect(expectationsSchema.parse(expectationsInput({ seriesKey: 'uid-master' })).seriesKey).toBe(
      'uid-master',
    );
  });
});

describe('expectationsOverrideSchema', () => {
  it('accepts an occurrence that changes only some fields, empty lists included', () => {
    const parsed = expectationsOverrideSchema.parse({
      schemaVersion: 1,
      meetingKey: 'uid-occurrence-2',
      seriesKey: 'uid-master',
      agenda: [],
    });
    expect(parsed).toEqual({
      schemaVersion: 1,
      meetingKey: 'uid-occurrence-2',
      seriesKey: 'uid-master',
      agenda: [],
    });
  });

  it('validates the fields it has with the same rules', () => {
    expect(
      expectationsOverrideSchema.safeParse({ schemaVersion: 1, meetingKey: 'k', purpose: ' ' })
        .success,
    ).toBe(false);
  });
});
