import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, TEST_NOW, type TestTenant } from '../support/local-tenant';
import { PEOPLE, upnOf } from '../../src/local/tenant/seed/directory';
import type { HostMeeting } from '../../src/local/tenant/controls/routes';

const DAY = 86_400_000;
const ana = PEOPLE.find((p) => p.alias === 'ana')!;
const olivia = PEOPLE.find((p) => p.alias === 'olivia')!;
let t: TestTenant;

beforeAll(async () => {
  t = await startTestTenant();
});
afterAll(async () => {
  await t.stop();
});

async function meetingsOf(who: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${t.url}/_local/people/${encodeURIComponent(who)}/meetings`);
  return { status: res.status, body: await res.json() };
}

describe('GET /_local/people/{id}/meetings (the local Teams host meeting picker)', () => {
  it("lists a person's Teams meetings in the 7 days either side of the tenant clock", async () => {
    const { status, body } = await meetingsOf(ana.id);
    expect(status).toBe(200);
    const meetings = body as HostMeeting[];
    expect(meetings.length).toBeGreaterThan(3);
    const now = Date.parse(TEST_NOW);
    for (const m of meetings) {
      expect(Object.keys(m).sort()).toEqual(
        ['chatId', 'end', 'iCalUId', 'joinUrl', 'organizerId', 'start', 'subject'].sort(),
      );
      expect(Date.parse(m.start)).toBeLessThan(now + 7 * DAY);
      expect(Date.parse(m.end)).toBeGreaterThan(now - 7 * DAY);
      expect(m.chatId).toMatch(/^19:meeting_.+@thread\.v2$/);
      expect(PEOPLE.some((p) => p.id === m.organizerId)).toBe(true);
    }
    const starts = meetings.map((m) => Date.parse(m.start));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('names the meeting chat whose join URL matches, as a meeting tab would find it', async () => {
    const meetings = (await meetingsOf(ana.id)).body as HostMeeting[];
    for (const m of meetings.slice(0, 4)) {
      const chat = await t.graph(upnOf(ana), 'GET', `/chats/${encodeURIComponent(m.chatId)}`);
      expect(chat.status).toBe(200);
      expect(chat.body.onlineMeetingInfo.joinWebUrl).toBe(m.joinUrl);
      expect(chat.body.onlineMeetingInfo.organizer.id).toBe(m.organizerId);
    }
  });

  it('expands a recurring series into occurrences that share a chat and keep their own iCalUId', async () => {
    const meetings = (await meetingsOf(ana.id)).body as HostMeeting[];
    const standUps = meetings.filter((m) => m.subject === 'Platform stand-up');
    expect(standUps.length).toBeGreaterThan(2);
    expect(new Set(standUps.map((m) => m.chatId)).size).toBe(1);
    expect(new Set(standUps.map((m) => m.iCalUId)).size).toBe(standUps.length);

    // The iCalUId is the one the person's own calendar shows for that occurrence.
    const from = new Date(Date.parse(TEST_NOW) - 7 * DAY).toISOString();
    const to = new Date(Date.parse(TEST_NOW) + 7 * DAY).toISOString();
    const view = await t.graph(
      upnOf(ana),
      'GET',
      `/me/calendarView?startDateTime=${from}&endDateTime=${to}&$top=100&$select=iCalUId,subject,start`,
    );
    expect(view.status).toBe(200);
    const calendarUids = new Set((view.body.value as { iCalUId: string }[]).map((e) => e.iCalUId));
    for (const m of standUps) expect(calendarUids.has(m.iCalUId)).toBe(true);
  });

  it('leaves out events that are not Teams meetings', async () => {
    const meetings = (await meetingsOf(ana.id)).body as HostMeeting[];
    for (const m of meetings) expect(m.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    expect(meetings.some((m) => /focus/i.test(m.subject))).toBe(false);
  });

  it('accepts a UPN, answers [] for a person with no meetings and 404 for an unknown one', async () => {
    const byUpn = await meetingsOf(upnOf(ana));
    expect(byUpn.status).toBe(200);
    expect(byUpn.body).toEqual((await meetingsOf(ana.id)).body);

    const none = await meetingsOf(olivia.id);
    expect(none.status).toBe(200);
    expect(none.body).toEqual([]);

    const unknown = await meetingsOf('nobody@rapportdemo.onmicrosoft.com');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('UserNotFound');
  });

  it('follows the tenant clock', async () => {
    const before = (await meetingsOf(ana.id)).body as HostMeeting[];
    const setClock = (now: string) =>
      fetch(`${t.url}/_local/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ now }),
      });
    const later = Date.parse(TEST_NOW) + 60 * DAY;
    await setClock(new Date(later).toISOString());
    try {
      const after = (await meetingsOf(ana.id)).body as HostMeeting[];
      // Only the open-ended series reach two months ahead; the one-off meetings are gone.
      expect(after.length).toBeGreaterThan(0);
      expect(after.some((m) => m.subject === 'Sprint planning')).toBe(false);
      for (const m of after) {
        expect(Date.parse(m.start)).toBeLessThan(later + 7 * DAY);
        expect(Date.parse(m.end)).toBeGreaterThan(later - 7 * DAY);
      }
    } finally {
      await setClock(TEST_NOW);
    }
    expect((await meetingsOf(ana.id)).body).toEqual(before);
  });
});
