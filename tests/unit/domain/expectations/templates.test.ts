import { describe, expect, it } from 'vitest';
import {
  emptyDraft,
  expectationsSchema,
  EXPECTATIONS_SCHEMA_VERSION,
} from '../../../../src/domain/expectations/schema';
import {
  TEMPLATES,
  applyTemplate,
  templateById,
} from '../../../../src/domain/expectations/templates';
import { deliverable } from './builders';

describe('templates', () => {
  it('offers the five meeting kinds', () => {
    expect(TEMPLATES.map((t) => t.id)).toEqual([
      'oneOnOne',
      'standUp',
      'planning',
      'retrospective',
      'decision',
    ]);
  });

  it.each(TEMPLATES.map((t) => [t.name, t] as const))(
    '%s applied to an empty draft passes the schema unchanged',
    (_name, template) => {
      const draft = applyTemplate(emptyDraft(), template);
      const parsed = expectationsSchema.parse({
        schemaVersion: EXPECTATIONS_SCHEMA_VERSION,
        meetingKey: 'uid',
        ...draft,
      });
      expect(parsed).toMatchObject(draft);
      expect(draft.agenda.length).toBeGreaterThan(0);
      expect(draft.agenda.every((item) => item.minutes !== undefined)).toBe(true);
      expect(draft.successMetrics.length).toBeGreaterThan(0);
    },
  );

  it('keeps what the organizer typed and fills only what is empty', () => {
    const typed = {
      ...emptyDraft(),
      purpose: 'Pick the Q3 launch date.',
      outcome: '   ',
      deliverables: [deliverable()],
      roles: [{ kind: 'facilitator' as const, holderId: 'org' }],
    };
    const decision = templateById('decision');
    const applied = applyTemplate(typed, decision);
    expect(applied.purpose).toBe('Pick the Q3 launch date.');
    expect(applied.outcome).toBe(decision.outcome);
    expect(applied.agenda).toEqual(decision.agenda);
    expect(applied.successMetrics).toEqual(decision.successMetrics);
    expect(applied.deliverables).toBe(typed.deliverables);
    expect(applied.roles).toBe(typed.roles);
  });

  it('does not merge into a list the organizer started', () => {
    const typed = { ...emptyDraft(), agenda: [{ title: 'My item' }], successMetrics: ['Mine.'] };
    const applied = applyTemplate(typed, templateById('planning'));
    expect(applied.agenda).toEqual([{ title: 'My item' }]);
    expect(applied.successMetrics).toEqual(['Mine.']);
  });

  it('is idempotent and never aliases the template’s own lists', () => {
    const template = templateById('standUp');
    const once = applyTemplate(emptyDraft(), template);
    expect(applyTemplate(once, templateById('retrospective'))).toEqual(once);
    once.agenda.push({ title: 'Extra' });
    once.successMetrics.push('Extra.');
    expect(template.agenda).toHaveLength(3);
    expect(template.successMetrics).toHaveLength(2);
  });
});
