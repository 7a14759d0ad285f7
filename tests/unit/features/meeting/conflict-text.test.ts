import { describe, expect, it } from 'vitest';
import { mergeExpectations, type MergeConflict } from '../../../../src/domain/expectations/merge';
import { conflictLines } from '../../../../src/features/meeting/conflict-text';
import { attendeeNames } from '../../../../src/features/meeting/labels';
import { agendaItem, deliverable, expectations } from '../../domain/expectations/builders';
import { ATTENDEES } from './builders';

const nameOf = attendeeNames(ATTENDEES);
const base = expectations();

const conflictsOf = (mine: object, theirs: object): MergeConflict[] =>
  mergeExpectations(base, { ...base, ...mine }, { ...base, ...theirs }).conflicts;

describe('conflictLines', () => {
  it('shows text fields as written, and an empty one in words', () => {
    const [conflict] = conflictsOf({ outcome: '<b>Ship</b>' }, { outcome: '' });
    expect(conflictLines(conflict!, 'mine', nameOf)).toEqual(['<b>Ship</b>']);
    expect(conflictLines(conflict!, 'theirs', nameOf)).toEqual(['Nothing written']);
  });

  it('shows an agenda as numbered lines with presenter and minutes', () => {
    const [conflict] = conflictsOf(
      { agenda: [agendaItem({ title: 'Wins', presenterId: 'ana', minutes: 5 })] },
      { agenda: [] },
    );
    expect(conflictLines(conflict!, 'mine', nameOf)).toEqual(['1. Wins — Ana Attendee, 5 min']);
    expect(conflictLines(conflict!, 'theirs', nameOf)).toEqual(['No agenda items']);
  });

  it('shows roles with their holders, unknown ones named as such', () => {
    const [conflict] = conflictsOf(
      { roles: [{ kind: 'custom', label: 'Timekeeper', holderId: 'gone' }] },
      { roles: [{ kind: 'noteTaker', holderId: 'bo' }] },
    );
    expect(conflictLines(conflict!, 'mine', nameOf)).toEqual(['Timekeeper: Unknown attendee']);
    expect(conflictLines(conflict!, 'theirs', nameOf)).toEqual(['Note-taker: Bo Builder']);
  });

  it('shows the part of a deliverable both changed', () => {
    const [due] = conflictsOf(
      { deliverables: [deliverable({ due: '2026-03-27' }), base.deliverables[1]!] },
      { deliverables: [deliverable({ due: '2026-04-03' }), base.deliverables[1]!] },
    );
    expect(conflictLines(due!, 'mine', nameOf)).toEqual(['Fri 27 Mar 2026']);
    const [status] = conflictsOf(
      { deliverables: [deliverable({ status: 'done' }), base.deliverables[1]!] },
      {
        deliverables: [
          deliverable({ status: 'blocked', obstacle: 'No budget' }),
          base.deliverables[1]!,
        ],
      },
    );
    expect(conflictLines(status!, 'theirs', nameOf)).toEqual(['Blocked — No budget']);
  });

  it('shows a removed deliverable against the whole changed one', () => {
    const [whole] = conflictsOf(
      { deliverables: [base.deliverables[1]!] },
      { deliverables: [deliverable({ title: 'Renamed' }), base.deliverables[1]!] },
    );
    expect(conflictLines(whole!, 'mine', nameOf)).toEqual(['Removed']);
    expect(conflictLines(whole!, 'theirs', nameOf)).toEqual([
      'Renamed — Ana Attendee, due Fri 20 Mar 2026, On track',
    ]);
  });
});
