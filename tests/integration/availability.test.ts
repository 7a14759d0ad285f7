import { describe, expect, it } from 'vitest';
import { instant } from '../../src/domain/time/instant';
import { createGraphClient } from '../../src/graph/client';
import { readAvailability } from '../../src/graph/social/availability';
import { PEOPLE, upnOf } from '../../src/local/tenant/seed/directory';
import { useTestTenant } from '../support/use-test-tenant';

const t = useTestTenant();
const ANA = 'ana@rapportdemo.onmicrosoft.com';
const clientFor = (user: string) =>
  createGraphClient({ baseUrl: t.url, getToken: () => t.token(user), delaySeconds: 0 });
// Wednesday to Friday of the seed's week.
const window = {
  start: instant(Date.parse('2026-03-11T00:00:00Z')),
  end: instant(Date.parse('2026-03-14T00:00:00Z')),
};

describe('reading availability for a coffee round', () => {
  it('gives each person working hours in their own zone and busy times as instants', async () => {
    const mails = ['ben', 'divya', 'grace'].map((a) => `${a}@rapportdemo.onmicrosoft.com`);
    const got = await readAvailability(clientFor(ANA), mails, window);
    const ben = got.get(mails[0] ?? '');
    expect(ben).toMatchObject({
      kind: 'ok',
      workingHours: { start: '09:00', end: '17:30', timeZone: 'Europe/London' },
    });
    // Grace's mailbox names a Windows zone; it arrives as IANA.
    expect(got.get(mails[2] ?? '')).toMatchObject({
      kind: 'ok',
      workingHours: { timeZone: 'America/New_York' },
    });
    // Grace organizes Sprint planning on Wednesday 10:00–11:00 New York time (14:00–15:00 UTC).
    const grace = got.get(mails[2] ?? '');
    expect(grace?.kind === 'ok' ? grace.busy : []).toContainEqual({
      start: Date.parse('2026-03-11T14:00:00Z'),
      end: Date.parse('2026-03-11T15:00:00Z'),
    });
  });

  it('reads 100 people in two $batch requests, four getSchedule calls at most in each', async () => {
    const everyone = Array.from({ length: 100 }, (_, i) => {
      const p = PEOPLE[i % PEOPLE.length];
      return i < PEOPLE.length && p ? upnOf(p) : `guest${String(i)}@example.com`;
    });
    await t.resetRequests();
    const got = await readAvailability(clientFor(ANA), everyone, window);
    const log = await t.requests();
    expect(log.http).toBe(2);
    expect(log.batched).toBe(5);
    expect(got.size).toBe(100);
    // Unknown mailboxes are a reason for that person, not a failed read.
    expect(got.get('guest50@example.com')).toMatchObject({ kind: 'error' });
    expect([...got.values()].filter((a) => a.kind === 'ok')).toHaveLength(PEOPLE.length);
  });

  it('turns a call that keeps failing into a reason for its people only', async () => {
    await t.addFault({ path: '^/me/calendar/getSchedule', kind: 'status', status: 503, times: 4 });
    const mails = ['ben', 'divya'].map((a) => `${a}@rapportdemo.onmicrosoft.com`);
    const got = await readAvailability(clientFor(ANA), mails, window);
    expect([...got.values()].map((a) => a.kind)).toEqual(['error', 'error']);
    expect(got.get(mails[0] ?? '')).toMatchObject({ reason: expect.stringContaining('503') });
  });
});
