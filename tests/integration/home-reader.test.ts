import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient } from '../../src/graph/client';
import { graphHomeReader } from '../../src/graph/home-reader';
import { runBatch } from '../../src/graph/batch';
import { instant } from '../../src/domain/time/instant';
import { SITES } from '../../src/local/tenant/seed/directory';
import { startTestTenant, TEST_NOW, type TestTenant } from '../support/local-tenant';

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant();
});
afterAll(async () => {
  await t.stop();
});
afterEach(async () => {
  await t.clearFaults();
});

const clientFor = (user: string) =>
  createGraphClient({ baseUrl: t.url, getToken: () => t.token(user), delaySeconds: 0 });
const now = instant(Date.parse(TEST_NOW));
const OPTIONS = { siteId: SITES.team.id };

describe('Home’s data', () => {
  it('reads profile, time zone, the next seven days and expectations in two HTTP requests', async () => {
    await t.resetRequests();
    const home = await graphHomeReader(clientFor('ana@rapportdemo.onmicrosoft.com'), OPTIONS).load(
      now,
    );
    expect(home.me.displayName).toBe('Ana Ruiz');
    expect(home.timeZone).toBe('America/Los_Angeles'); // mapped from "Pacific Standard Time"
    expect(home.meetings.some((m) => m.subject === 'Platform stand-up')).toBe(true);
    expect(home.meetings.every((m) => m.end > now)).toBe(true);
    expect(await t.requests()).toEqual(expect.objectContaining({ http: 2 }));
  });

  it('shows each person their own meetings and zone', async () => {
    const divya = await graphHomeReader(
      clientFor('divya@rapportdemo.onmicrosoft.com'),
      OPTIONS,
    ).load(now);
    expect(divya.timeZone).toBe('Asia/Kolkata');
    expect(divya.meetings.map((m) => m.subject)).toContain('Design review: onboarding flow');
    const olivia = await graphHomeReader(
      clientFor('olivia@rapportdemo.onmicrosoft.com'),
      OPTIONS,
    ).load(now);
    expect(olivia.meetings).toEqual([]);
    // Olivia is not in the team: Home still loads, and says why expectations are missing.
    expect(olivia.expectationsUnavailable).toMatch(/team/);
    expect(divya.expectationsUnavailable).toBeUndefined();
  });

  it('re-sends sub-requests throttled inside the batch, after their Retry-After', async () => {
    await t.addFault({
      path: '^/me/calendarView',
      kind: 'status',
      status: 429,
      retryAfterSeconds: 1,
      times: 2,
    });
    const waits: number[] = [];
    const results = await runBatch(
      clientFor('ana@rapportdemo.onmicrosoft.com'),
      [
        { id: 'me', method: 'GET', url: '/me' },
        {
          id: 'view',
          method: 'GET',
          url: '/me/calendarView?startDateTime=2026-03-11T00:00:00Z&endDateTime=2026-03-12T00:00:00Z',
        },
      ],
      {
        sleep: (ms) => {
          waits.push(ms);
          return Promise.resolve();
        },
      },
    );
    expect(results.get('view')?.status).toBe(200);
    expect(results.get('me')?.status).toBe(200);
    expect(waits).toEqual([1000, 1000]);
  });

  it('reads my recent meetings and the team’s help routes in the same first batch', async () => {
    await t.resetRequests();
    const home = await graphHomeReader(clientFor('ana@rapportdemo.onmicrosoft.com'), OPTIONS).load(
      now,
    );
    const cost = await t.requests();
    expect(cost.http).toBe(2);
    const inside = cost.requests.filter((r) => r.batched).map((r) => r.path);
    expect(inside.filter((p) => p.includes('/calendarView'))).toHaveLength(2);
    expect(inside.some((p) => p.includes('/lists/TeamResources/'))).toBe(true);
    expect(home.recentMeetings.ok).toBe(true);
    if (home.recentMeetings.ok) {
      expect(home.recentMeetings.value.every((m) => m.end <= now && m.meetingKey !== '')).toBe(
        true,
      );
    }
    expect(home.resources).toEqual({
      ok: true,
      value: expect.objectContaining({ kind: expect.any(String) }),
    });
  });

  it('shows the rest of Home when the help routes cannot be read, and says so for them alone', async () => {
    await t.addFault({ path: '/lists/TeamResources/', kind: 'status', status: 500 });
    const home = await graphHomeReader(clientFor('ana@rapportdemo.onmicrosoft.com'), OPTIONS).load(
      now,
    );
    expect(home.meetings.some((m) => m.subject === 'Platform stand-up')).toBe(true);
    expect(home.recentMeetings.ok).toBe(true);
    expect(home.resources.ok).toBe(false);
    if (!home.resources.ok) expect(String(home.resources.error)).toMatch(/help routes/);
  });

  it('re-sends a throttled help-routes read inside its batch', async () => {
    await t.addFault({
      path: '/lists/TeamResources/',
      kind: 'status',
      status: 429,
      retryAfterSeconds: 0,
      times: 1,
    });
    const home = await graphHomeReader(clientFor('ana@rapportdemo.onmicrosoft.com'), OPTIONS).load(
      now,
    );
    expect(home.resources.ok).toBe(true);
  });

  it('gives up after its attempts and reports the throttled answer', async () => {
    await t.addFault({ path: '^/me/mailboxSettings', kind: 'status', status: 503 });
    await expect(
      graphHomeReader(clientFor('ana@rapportdemo.onmicrosoft.com'), OPTIONS).load(now),
    ).rejects.toThrow(/mailbox settings/);
  });
});
