import { describe, expect, it } from 'vitest';
import { diffViolations, permissionsFor } from '../../../../src/domain/expectations/permissions';
import type { Expectations } from '../../../../src/domain/expectations/schema';
import { deliverable, expectations } from './builders';

const ORGANIZERS = ['org'];
const before = expectations();
const withD1 = (fields: Record<string, unknown>): Expectations => ({
  ...before,
  deliverables: before.deliverables.map((d) => (d.id === 'd1' ? { ...d, ...fields } : d)),
});

describe('permissionsFor', () => {
  it('gives organizers and co-organizers everything, owners their deliverables', () => {
    expect(permissionsFor('org', ORGANIZERS, before).canEditAll).toBe(true);
    expect(permissionsFor('co', ORGANIZERS, before).canEditAll).toBe(true);
    const ana = permissionsFor('ana', ORGANIZERS, before);
    expect(ana.canEditAll).toBe(false);
    expect([...ana.ownDeliverableIds]).toEqual(['d1']);
    expect(permissionsFor('zed', ORGANIZERS, before)).toEqual({
      canEditAll: false,
      ownDeliverableIds: new Set(),
    });
  });

  it('knows no co-organizers before anything is written', () => {
    expect(permissionsFor('co', ORGANIZERS, undefined).canEditAll).toBe(false);
    expect(permissionsFor('org', ORGANIZERS, undefined).canEditAll).toBe(true);
  });
});

describe('diffViolations', () => {
  const everything: Expectations = {
    ...before,
    purpose: 'Changed.',
    agenda: [],
    roles: [],
    deliverables: [deliverable({ id: 'd9' })],
    successMetrics: [],
  };

  it('allows organizers and co-organizers any change', () => {
    expect(diffViolations(before, everything, 'org', ORGANIZERS)).toEqual([]);
    expect(diffViolations(before, everything, 'co', ORGANIZERS)).toEqual([]);
  });

  it('lets an owner change the status and obstacle of their own deliverable', () => {
    const blocked = withD1({ status: 'blocked', obstacle: 'Waiting on legal.' });
    expect(diffViolations(before, blocked, 'ana', ORGANIZERS)).toEqual([]);
    // …and clear the obstacle again by moving on.
    expect(diffViolations(blocked, before, 'ana', ORGANIZERS)).toEqual([]);
  });

  it('flags an owner changing anything else of their deliverable', () => {
    const moved = withD1({ due: '2026-04-30', ownerId: 'bo', status: 'done' });
    expect(diffViolations(before, moved, 'ana', ORGANIZERS)).toEqual([
      {
        kind: 'deliverable',
        deliverableId: 'd1',
        change: 'changed',
        field: 'ownerId',
        message:
          'The owner of “Draft the launch plan” can change only its status and obstacle, not its owner.',
      },
      {
        kind: 'deliverable',
        deliverableId: 'd1',
        change: 'changed',
        field: 'due',
        message:
          'The owner of “Draft the launch plan” can change only its status and obstacle, not its due date.',
      },
    ]);
  });

  it('flags a status written by someone other than the owner', () => {
    const blocked = withD1({ status: 'blocked', obstacle: 'Says who?' });
    expect(diffViolations(before, blocked, 'bo', ORGANIZERS).map((v) => v.message)).toEqual([
      'Only the owner or an organizer can change the status of “Draft the launch plan”.',
      'Only the owner or an organizer can change the obstacle of “Draft the launch plan”.',
    ]);
  });

  it('flags an attendee changing organizer fields, adding or removing deliverables', () => {
    const violations = diffViolations(before, everything, 'ana', ORGANIZERS);
    expect(violations.map((v) => (v.kind === 'field' ? v.field : v.kind))).toEqual([
      'purpose',
      'agenda',
      'roles',
      'successMetrics',
      'deliverable',
      'deliverable',
      'deliverable',
    ]);
    expect(
      violations.flatMap((v) => (v.kind === 'deliverable' ? [[v.deliverableId, v.change]] : [])),
    ).toEqual([
      ['d1', 'removed'],
      ['d2', 'removed'],
      ['d9', 'added'],
    ]);
  });

  it('does not let an attendee promote themselves by naming themselves co-organizer', () => {
    const promoted: Expectations = {
      ...before,
      purpose: 'Mine now.',
      roles: [...before.roles, { kind: 'coOrganizer', holderId: 'ana' }],
    };
    expect(diffViolations(before, promoted, 'ana', ORGANIZERS).map((v) => v.kind)).toEqual([
      'field',
      'field',
    ]);
  });

  it('only lets organizers create expectations', () => {
    expect(diffViolations(undefined, before, 'org', ORGANIZERS)).toEqual([]);
    expect(diffViolations(undefined, before, 'ana', ORGANIZERS)).toEqual([
      { kind: 'created', message: 'Only an organizer can add expectations to a meeting.' },
    ]);
  });

  it('finds nothing to flag when nothing changed', () => {
    expect(diffViolations(before, structuredClone(before), 'zed', ORGANIZERS)).toEqual([]);
  });
});
