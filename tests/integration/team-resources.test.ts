import { describe, expect, it } from 'vitest';
import {
  SAFE_LINK_MESSAGE,
  TEAM_RESOURCES_SCHEMA_VERSION,
  type ResourcesContent,
} from '../../src/domain/commitments/team-resources';
import { graphCommitmentsService } from '../../src/graph/commitments/commitments-service';
import { createGraphClient } from '../../src/graph/client';
import { SITES } from '../../src/local/tenant/seed/directory';
import { useTestTenant } from '../support/use-test-tenant';

const t = useTestTenant();
const ANA = 'ana@rapportdemo.onmicrosoft.com';
const BEN = 'ben@rapportdemo.onmicrosoft.com';

const serviceFor = (user: string) =>
  graphCommitmentsService(
    createGraphClient({ baseUrl: t.url, getToken: () => t.token(user), delaySeconds: 0 }),
    { siteId: SITES.team.id },
  );

const SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>';

const content = (topic: string): ResourcesContent => ({
  schemaVersion: TEAM_RESOURCES_SCHEMA_VERSION,
  resources: [
    {
      id: 'r1',
      kind: 'howTo',
      title: SCRIPT,
      url: 'https://contoso.sharepoint.com/howto',
      note: '',
    },
  ],
  routes: [
    {
      id: 'm1',
      topic,
      mentorName: 'Divya Rao',
      mentorUpn: 'divya@rapportdemo.onmicrosoft.com',
      responseTime: 'within a day',
    },
  ],
});

describe('team resources', () => {
  it('are saved by one member and read by another, script text kept as text', async () => {
    expect(await serviceFor(ANA).readResources()).toEqual({ kind: 'missing' });
    const saved = await serviceFor(ANA).saveResources(content('Design'));
    expect(saved.kind).toBe('saved');
    const read = await serviceFor(BEN).readResources();
    expect(read.kind).toBe('found');
    if (read.kind !== 'found') return;
    expect(read.resources.teamKey).toBe(SITES.team.id);
    expect(read.resources.resources[0]?.title).toBe(SCRIPT);
    expect(read.resources.routes[0]?.topic).toBe('Design');
  });

  it('a save over a version someone replaced is a 412: re-read and returned, nothing overwritten', async () => {
    const first = await serviceFor(ANA).readResources();
    if (first.kind !== 'found') throw new Error('expected the saved record');
    const ben = await serviceFor(BEN).saveResources(content('Ben’s topic'), first.version);
    expect(ben.kind).toBe('saved');

    await t.resetRequests();
    const ana = await serviceFor(ANA).saveResources(content('Ana’s topic'), first.version);
    expect(ana.kind).toBe('conflict');
    if (ana.kind !== 'conflict' || ana.current.kind !== 'found') throw new Error('expected theirs');
    expect(ana.current.resources.routes[0]?.topic).toBe('Ben’s topic');
    const statuses = (await t.requests()).requests.map((r) => `${r.method} ${String(r.status)}`);
    expect(statuses).toContain('PATCH 412');

    // Knowingly over theirs, with the version the conflict returned.
    const again = await serviceFor(ANA).saveResources(content('Ana’s topic'), ana.current.version);
    expect(again.kind).toBe('saved');
    const now = await serviceFor(BEN).readResources();
    expect(now.kind === 'found' && now.resources.routes[0]?.topic).toBe('Ana’s topic');
  });

  it('refuses links that are not https: or msteams: with a clear message, writing nothing', async () => {
    const before = await serviceFor(ANA).readResources();
    const bad = content('Design');
    const result = await serviceFor(ANA).saveResources(
      {
        ...bad,
        resources: [{ id: 'r1', kind: 'link', title: 'x', url: 'javascript:alert(1)', note: '' }],
        helpChannel: { name: 'Help', url: 'http://example.com', responseTime: '' },
      },
      before.kind === 'found' ? before.version : undefined,
    );
    expect(result).toEqual({
      kind: 'invalid',
      errors: { 'resources.0.url': [SAFE_LINK_MESSAGE], 'helpChannel.url': [SAFE_LINK_MESSAGE] },
    });
    expect(await serviceFor(ANA).readResources()).toEqual(before);
  });

  it('a payload written through raw Graph that fails the schema reads as invalid, not as data', async () => {
    const read = await serviceFor(ANA).readResources();
    if (read.kind !== 'found') throw new Error('expected the saved record');
    const res = await t.graph(
      BEN,
      'PATCH',
      `/sites/${SITES.team.id}/lists/TeamResources/items/${read.version.itemId}/fields`,
      {
        Payload: JSON.stringify({
          ...content('x'),
          teamKey: SITES.team.id,
          routes: [{ id: 'm', topic: 't', mentorName: 'n', mentorUpn: 'javascript:x' }],
        }),
      },
    );
    expect(res.status).toBe(200);
    const after = await serviceFor(ANA).readResources();
    expect(after.kind).toBe('invalid');
  });
});
