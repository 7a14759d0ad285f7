import { describe, expect, it } from 'vitest';
import { resourcesContentSchema } from '../../../../src/domain/commitments/team-resources';
import { draftOf, inputOf } from '../../../../src/features/commitments/resources-form';

describe('the resources draft', () => {
  it('saves no help channel when none of its fields was filled in', () => {
    const input = inputOf(draftOf(undefined));
    expect(input).not.toHaveProperty('helpChannel');
    expect(resourcesContentSchema.safeParse(input).success).toBe(true);
  });

  it('round-trips what is stored', () => {
    const stored = resourcesContentSchema.parse({
      schemaVersion: 1,
      resources: [{ id: 'r', kind: 'document', title: 'Runbook', url: 'https://x.example/r' }],
      routes: [{ id: 'm', topic: 'Infra', mentorName: 'Kemi', mentorUpn: 'kemi@x.example' }],
      helpChannel: { name: 'Help', url: 'https://teams.microsoft.com/l/channel/19%3Ax/Help' },
    });
    expect(resourcesContentSchema.parse(inputOf(draftOf({ ...stored, teamKey: 't' })))).toEqual(
      stored,
    );
  });

  it('reports a half-filled help channel instead of dropping it', () => {
    const draft = draftOf(undefined);
    draft.channel.name = 'Help';
    const parsed = resourcesContentSchema.safeParse(inputOf(draft));
    expect(parsed.success).toBe(false);
  });
});
