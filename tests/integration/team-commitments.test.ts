import { describe, expect, it } from 'vitest';
import { graphCommitmentsService } from '../../src/graph/commitments/commitments-service';
import { createGraphClient } from '../../src/graph/client';
import { expectationsRepository } from '../../src/graph/expectations/expectations-repository';
import type { Deliverable } from '../../src/domain/expectations/schema';
import { instant } from '../../src/domain/time/instant';
import { PEOPLE, SITES } from '../../src/local/tenant/seed/directory';
import { TEST_NOW } from '../support/local-tenant';
import { useTestTenant } from '../support/use-test-tenant';

const t = useTestTenant();
const [ANA, BEN] = PEOPLE;
if (!ANA || !BEN) throw new Error('seed people');
const upn = (alias: string) => `${alias}@rapportdemo.onmicrosoft.com`;

const clientFor = (alias: string) =>
  createGraphClient({ baseUrl: t.url, getToken: () => t.token(upn(alias)), delaySeconds: 0 });

const deliverable = (id: string, over: Partial<Deliverable> = {}): Deliverable => ({
  id,
  title: `Deliverable ${id}`,
  ownerId: ANA.id,
  due: '2026-03-20',
  status: 'onTrack',
  ...over,
});

const NOW = instant(Date.parse(TEST_NOW));

describe('team commitments', () => {
  it('counts every meeting’s deliverables in one request, naming no one', async () => {
    const repo = expectationsRepository(clientFor('grace'), { siteId: SITES.team.id });
    for (let m = 0; m < 6; m++) {
      await repo.upsertDeliverables(
        `meeting-${String(m)}`,
        [
          deliverable(`a${String(m)}`),
          deliverable(`b${String(m)}`, {
            ownerId: BEN.id,
            status: 'blocked',
            obstacle: 'Waiting on access',
          }),
          deliverable(`c${String(m)}`, { due: '2026-03-02' }),
        ],
        { meetingSubject: `Meeting ${String(m)}` },
      );
    }
    await t.resetRequests();
    const view = await graphCommitmentsService(clientFor('noah'), {
      siteId: SITES.team.id,
    }).teamCommitments(NOW, 'UTC');
    expect((await t.requests()).http).toBe(1);
    expect(view.summary.total).toBe(18);
    expect(view.summary.byStatus.blocked).toBe(6);
    expect(view.summary.byStatus.onTrack).toBe(12);
    expect(view.summary.overdue).toBe(6);
    expect(view.summary.groups).toHaveLength(6);
    const text = JSON.stringify(view);
    for (const p of [ANA, BEN]) {
      expect(text).not.toContain(p.id);
      expect(text).not.toContain(p.givenName);
    }
  });

  it('records on the owner’s deliverable that help was asked, keeping status and obstacle', async () => {
    const repo = expectationsRepository(clientFor('ben'), { siteId: SITES.team.id });
    const [item] = (await repo.listMyDeliverables(BEN.id)).items;
    if (!item) throw new Error('Ben owns deliverables');
    const asked = { at: '2026-03-11T15:00:00.000Z', route: 'mentor' as const };
    const out = await graphCommitmentsService(clientFor('ben'), {
      siteId: SITES.team.id,
    }).recordHelpAsked(
      {
        meetingKey: item.meetingKey,
        deliverable: item.deliverable,
        version: { itemId: item.itemId, etag: item.etag },
      },
      asked,
    );
    expect(out.kind).toBe('saved');
    const after = (await repo.listMyDeliverables(BEN.id)).items.find(
      (i) => i.itemId === item.itemId,
    );
    expect(after?.helpAsked).toEqual(asked);
    expect(after?.deliverable).toEqual(item.deliverable);

    // The organizer saving the meeting again keeps it; the owner moving on clears it.
    const organizer = expectationsRepository(clientFor('grace'), { siteId: SITES.team.id });
    await organizer.upsertDeliverables(item.meetingKey, [
      { ...item.deliverable, title: 'Renamed by the organizer' },
    ]);
    const kept = (await repo.listMyDeliverables(BEN.id)).items.find(
      (i) => i.itemId === item.itemId,
    );
    expect(kept?.helpAsked).toEqual(asked);
    if (!kept) return;
    const done = await repo.updateDeliverable(kept, {
      id: kept.deliverable.id,
      title: kept.deliverable.title,
      ownerId: kept.deliverable.ownerId,
      due: kept.deliverable.due,
      status: 'done',
    });
    expect(done.kind).toBe('saved');
    if (done.kind === 'saved') expect(done.item.helpAsked).toBeUndefined();
  });
});
