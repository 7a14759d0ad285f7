import { describe, expect, it } from 'vitest';
import {
  EXPECTATIONS_SCHEMA_VERSION,
  expectationsSchema,
} from '../../../../src/domain/expectations/schema';
import { templateById } from '../../../../src/domain/expectations/templates';
import type { DeliverableState } from '../../../../src/domain/ports/expectations';
import {
  agendaMinutes,
  applyTemplateToForm,
  checkForm,
  formFromExpectations,
  formToInput,
  moveItem,
  newAgendaRow,
  newDeliverableRow,
  newMetricRow,
  newRoleRow,
  removeItem,
  type ExpectationsForm,
  type ExpectationsKeys,
} from '../../../../src/features/meeting/expectations-form';
import { deliverable, expectations } from '../../domain/expectations/builders';

const keys: ExpectationsKeys = {
  schemaVersion: EXPECTATIONS_SCHEMA_VERSION,
  meetingKey: 'uid-occurrence-1',
};

describe('formFromExpectations and formToInput', () => {
  it('round-trips a stored record exactly', () => {
    const stored = expectations();
    const form = formFromExpectations(stored, { source: 'occurrence' });
    expect(expectationsSchema.parse(formToInput(form, keys))).toEqual(stored);
  });

  it('starts empty when nothing is stored', () => {
    const form = formFromExpectations(undefined);
    expect(form).toEqual({
      purpose: '',
      outcome: '',
      agenda: [],
      roles: [],
      deliverables: [],
      successMetrics: [],
    });
  });

  it('gives every row its own key, so moved rows keep their text', () => {
    const form = formFromExpectations(expectations());
    const rowKeys = [...form.agenda, ...form.roles, ...form.successMetrics].map((r) => r.key);
    expect(new Set(rowKeys).size).toBe(rowKeys.length);
  });

  it('leaves blank minutes and presenter out, and passes typed minutes to the schema', () => {
    const form: ExpectationsForm = {
      ...formFromExpectations(undefined),
      purpose: 'Agree on the launch date.',
      agenda: [
        { ...newAgendaRow(), title: 'Untimed' },
        { ...newAgendaRow(), title: 'Half a minute', minutes: '1.5', presenterId: 'bo' },
      ],
    };
    expect(formToInput(form, keys).agenda).toEqual([
      { title: 'Untimed' },
      { title: 'Half a minute', presenterId: 'bo', minutes: 1.5 },
    ]);
    const check = checkForm(form, keys, 'occurrence');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(Object.keys(check.errors)).toEqual(['agenda.1.minutes']);
  });

  it('sends a custom role with its name and a named role without one', () => {
    const form: ExpectationsForm = {
      ...formFromExpectations(undefined),
      roles: [
        { ...newRoleRow('custom'), label: 'Timekeeper', holderId: 'ana' },
        { ...newRoleRow('facilitator'), label: 'left over', holderId: 'org' },
      ],
    };
    expect(formToInput(form, keys).roles).toEqual([
      { kind: 'custom', label: 'Timekeeper', holderId: 'ana' },
      { kind: 'facilitator', holderId: 'org' },
    ]);
  });

  it('sends an obstacle only with a status that needs one', () => {
    const form: ExpectationsForm = {
      ...formFromExpectations(undefined),
      deliverables: [
        { ...newDeliverableRow('d9'), status: 'done', obstacle: 'stale words' },
        { ...newDeliverableRow('d8'), status: 'blocked', obstacle: 'Waiting for legal' },
      ],
    };
    const [done, blocked] = formToInput(form, keys).deliverables ?? [];
    expect(done).not.toHaveProperty('obstacle');
    expect(blocked).toMatchObject({ status: 'blocked', obstacle: 'Waiting for legal' });
  });
});

describe('checkForm', () => {
  it('reports errors by the schema paths the fields show them at', () => {
    // The schema checks a missing obstacle only once the deliverable's other fields pass.
    const form: ExpectationsForm = {
      ...formFromExpectations(undefined),
      roles: [newRoleRow()],
      deliverables: [{ ...newDeliverableRow('d1'), title: 'Plan', status: 'blocked' }],
      successMetrics: [newMetricRow('')],
    };
    const check = checkForm(form, keys, 'occurrence');
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.errors).sort()).toEqual(
      [
        'purpose',
        'roles.0.holderId',
        'deliverables.0.ownerId',
        'deliverables.0.due',
        'successMetrics.0',
      ].sort(),
    );
  });

  it('asks for the obstacle of a blocked deliverable', () => {
    const form: ExpectationsForm = {
      ...formFromExpectations(undefined),
      purpose: 'Pick a date.',
      deliverables: [
        {
          ...newDeliverableRow('d1'),
          title: 'Plan',
          ownerId: 'ana',
          due: '2026-03-20',
          status: 'blocked',
          obstacle: '   ',
        },
      ],
    };
    const check = checkForm(form, keys, 'occurrence');
    expect(check.ok ? [] : Object.keys(check.errors)).toEqual(['deliverables.0.obstacle']);
  });

  it('returns complete, trimmed expectations with the keys', () => {
    const form = { ...formFromExpectations(undefined), purpose: '  Pick a date.  ' };
    const check = checkForm(form, { ...keys, seriesKey: 'uid-series' }, 'occurrence');
    expect(check).toEqual({
      ok: true,
      expectations: {
        ...keys,
        seriesKey: 'uid-series',
        purpose: 'Pick a date.',
        outcome: '',
        agenda: [],
        roles: [],
        deliverables: [],
        successMetrics: [],
      },
    });
  });

  describe('deliverable status', () => {
    // The record says on track; the owner has since marked it blocked.
    const stored = expectations({ deliverables: [deliverable({ status: 'onTrack' })] });
    const live: Record<string, DeliverableState> = {
      d1: {
        meetingKey: stored.meetingKey,
        deliverable: deliverable({ status: 'blocked', obstacle: 'Waiting for legal' }),
      },
    };

    it('shows the owner’s live status in the editor', () => {
      const form = formFromExpectations(stored, { source: 'occurrence', live });
      expect(form.deliverables[0]).toMatchObject({
        status: 'blocked',
        obstacle: 'Waiting for legal',
      });
    });

    it('saves the loaded record’s status when the organizer left it alone', () => {
      const form = formFromExpectations(stored, { source: 'occurrence', live });
      const check = checkForm(form, keys, 'occurrence');
      expect(check.ok && check.expectations.deliverables[0]).toEqual(deliverable());
    });

    it('saves the organizer’s own status change', () => {
      const form = formFromExpectations(stored, { source: 'occurrence', live });
      const row = form.deliverables[0]!;
      const changed = { ...form, deliverables: [{ ...row, status: 'done' as const }] };
      const check = checkForm(changed, keys, 'occurrence');
      expect(check.ok && check.expectations.deliverables[0]).toEqual(
        deliverable({ status: 'done' }),
      );
    });

    it('saves the shown status to another scope, which has no such record to keep', () => {
      const form = formFromExpectations(stored, { source: 'series', live });
      const check = checkForm(form, keys, 'occurrence');
      expect(check.ok && check.expectations.deliverables[0]).toEqual(
        deliverable({ status: 'blocked', obstacle: 'Waiting for legal' }),
      );
    });
  });
});

describe('applyTemplateToForm', () => {
  const decision = templateById('decision');

  it('fills every empty part and says which', () => {
    const { form, filled } = applyTemplateToForm(formFromExpectations(undefined), decision);
    expect(filled).toEqual(['purpose', 'outcome', 'agenda', 'successMetrics']);
    expect(form.purpose).toBe(decision.purpose);
    expect(form.agenda.map((r) => [r.title, r.minutes])).toEqual(
      decision.agenda.map((item) => [item.title, String(item.minutes)]),
    );
    expect(form.successMetrics.map((r) => r.text)).toEqual(decision.successMetrics);
  });

  it('keeps what the organizer wrote, rows included', () => {
    const start: ExpectationsForm = {
      ...formFromExpectations(undefined),
      purpose: 'Pick the Q3 launch date',
      agenda: [{ ...newAgendaRow(), title: 'Mine', minutes: 'abc' }],
      roles: [newRoleRow()],
    };
    const { form, filled } = applyTemplateToForm(start, decision);
    expect(filled).toEqual(['outcome', 'successMetrics']);
    expect(form.purpose).toBe('Pick the Q3 launch date');
    expect(form.agenda).toBe(start.agenda);
    expect(form.roles).toBe(start.roles);
  });
});

describe('list helpers', () => {
  it('moves within bounds and leaves the ends alone', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    expect(removeItem(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });

  it('counts only whole positive minutes toward the agenda time', () => {
    const rows = ['10', '', 'x', '1.5', '-3'].map((minutes) => ({ ...newAgendaRow(), minutes }));
    expect(agendaMinutes(rows)).toEqual([{ minutes: 10 }, {}, {}, {}, {}]);
  });
});
