import { describe, expect, it } from 'vitest';
import { createGraphClient } from '../../src/graph/client';
import { graphExpectationsService } from '../../src/graph/expectations/meeting-service';
import {
  TEAM_TEMPLATE_LIMITS,
  teamTemplateFrom,
  type TeamTemplate,
} from '../../src/domain/expectations/team-templates';
import { SITES } from '../../src/local/tenant/seed/directory';
import { useTestTenant } from '../support/use-test-tenant';

const t = useTestTenant();
const ANA = 'ana@rapportdemo.onmicrosoft.com';
const BEN = 'ben@rapportdemo.onmicrosoft.com';

const serviceFor = (user: string) =>
  graphExpectationsService(
    createGraphClient({ baseUrl: t.url, getToken: () => t.token(user), delaySeconds: 0 }),
    { siteId: SITES.team.id },
  );

let n = 0;
function template(name: string): TeamTemplate {
  n += 1;
  const built = teamTemplateFrom(`00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, name, {
    purpose: 'Walk through the incident and agree on fixes.',
    outcome: 'Owners for every fix.',
    agenda: [{ title: 'Timeline', minutes: 15 }, { title: 'Causes' }],
    successMetrics: ['Every fix has an owner.'],
  });
  if (!built.success) throw new Error(JSON.stringify(built.error.issues));
  return built.data;
}

describe('team templates', () => {
  it('are saved once by one member and offered to the whole team', async () => {
    const incident = template('Incident review');
    expect(await serviceFor(ANA).saveTeamTemplate(incident)).toEqual({
      kind: 'saved',
      template: incident,
    });
    const seen = await serviceFor(BEN).teamTemplates();
    expect(seen).toEqual({ templates: [incident], unreadable: 0 });
  });

  it('refuse a name the team already uses, in any case, and a built-in name', async () => {
    const again = await serviceFor(BEN).saveTeamTemplate(template('INCIDENT review'));
    expect(again).toEqual({
      kind: 'invalid',
      errors: { name: ['Your team already has a template called “INCIDENT review”.'] },
      words: { code: 'templateNameTaken', name: 'INCIDENT review' },
    });
    expect(teamTemplateFrom(crypto.randomUUID(), 'Planning', template('x')).success).toBe(false);
    expect((await serviceFor(BEN).teamTemplates()).templates).toHaveLength(1);
  });

  it('are not duplicated when the create’s answer is lost after it was written', async () => {
    await t.addFault({
      path: '/lists/MeetingTemplates/items$',
      methods: ['POST'],
      kind: 'drop',
      when: 'after',
      times: 1,
    });
    const retro = template('Retro, our way');
    // The create is re-sent; its unique key answers 409, which means it is already saved.
    expect((await serviceFor(ANA).saveTeamTemplate(retro)).kind).toBe('saved');
    const faults = (await (await fetch(`${t.url}/_local/faults`)).json()) as { applied: number }[];
    expect(faults.map((f) => f.applied)).toEqual([1]);
    const names = (await serviceFor(ANA).teamTemplates()).templates.map((x) => x.name);
    expect(names.filter((x) => x === 'Retro, our way')).toHaveLength(1);
  });

  it('stop at the team’s limit with a clear message', async () => {
    const have = (await serviceFor(ANA).teamTemplates()).templates.length;
    for (let i = have; i < TEAM_TEMPLATE_LIMITS.maxCount; i++) {
      expect((await serviceFor(ANA).saveTeamTemplate(template(`Kind ${String(i)}`))).kind).toBe(
        'saved',
      );
    }
    const over = await serviceFor(ANA).saveTeamTemplate(template('One too many'));
    expect(over).toEqual({
      kind: 'invalid',
      errors: {
        name: [
          `Your team has ${String(TEAM_TEMPLATE_LIMITS.maxCount)} templates, the most it can keep.`,
        ],
      },
      words: { code: 'templatesFull', max: TEAM_TEMPLATE_LIMITS.maxCount },
    });
  });

  it('skip and count a stored template changed outside Rapport', async () => {
    const list = `/sites/${SITES.team.id}/lists/MeetingTemplates/items`;
    const created = await t.graph(BEN, 'POST', list, {
      fields: { Key: 'broken', TeamKey: SITES.team.id, Payload: '{"name": 42}' },
    });
    expect(created.status).toBe(201);
    const read = await serviceFor(ANA).teamTemplates();
    expect(read.unreadable).toBe(1);
    expect(read.templates).toHaveLength(TEAM_TEMPLATE_LIMITS.maxCount);
  });
});
