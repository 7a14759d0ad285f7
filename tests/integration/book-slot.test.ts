import { describe, expect, it } from 'vitest';
import { instant } from '../../src/domain/time/instant';
import { createGraphClient } from '../../src/graph/client';
import { bookSlot, type SlotBooking } from '../../src/graph/social/book-slot';
import { useTestTenant } from '../support/use-test-tenant';

const t = useTestTenant();
const BEN = 'ben@rapportdemo.onmicrosoft.com';
const DIVYA = 'divya@rapportdemo.onmicrosoft.com';
const clientFor = (user: string) =>
  createGraphClient({ baseUrl: t.url, getToken: () => t.token(user), delaySeconds: 0 });

const booking = (transactionId: string): SlotBooking => ({
  transactionId,
  subject: 'Coffee: Ben & Divya',
  prompt: 'What <b>small</b> thing made your week?',
  start: instant(Date.parse('2026-03-12T11:00:00Z')),
  end: instant(Date.parse('2026-03-12T11:20:00Z')),
  attendees: [{ mail: DIVYA, name: 'Divya Nair' }],
});

/** Divya's events on the slot's day with this subject. */
async function divyasCopies(
  subject: string,
): Promise<{ isOnlineMeeting: boolean; body: { content: string } }[]> {
  const res = await t.graph(
    DIVYA,
    'GET',
    '/me/calendarView?startDateTime=2026-03-12T00:00:00Z&endDateTime=2026-03-13T00:00:00Z&$select=subject,isOnlineMeeting,body',
  );
  expect(res.status).toBe(200);
  return (
    res.body.value as { subject: string; isOnlineMeeting: boolean; body: { content: string } }[]
  ).filter((e) => e.subject === subject);
}

describe('booking a coffee slot', () => {
  it('creates one Teams meeting in every member’s calendar, the prompt escaped', async () => {
    const event = await bookSlot(clientFor(BEN), booking('round-1:group-0'));
    expect(event.isOnlineMeeting).toBe(true);
    expect(event.onlineMeeting?.joinUrl).toMatch(/^https:\/\//);
    const copies = await divyasCopies('Coffee: Ben & Divya');
    expect(copies).toHaveLength(1);
    expect(copies[0]?.isOnlineMeeting).toBe(true);
    expect(copies[0]?.body.content).toContain('What &lt;b&gt;small&lt;/b&gt; thing');
  });

  it('books once however often it is sent, through throttling and a lost answer', async () => {
    const first = await bookSlot(clientFor(BEN), booking('round-2:group-0'));
    const again = await bookSlot(clientFor(BEN), booking('round-2:group-0'));
    expect(again.id).toBe(first.id);
    await t.addFault({
      path: '^/me/events$',
      methods: ['POST'],
      kind: 'status',
      status: 429,
      retryAfterSeconds: 0,
      times: 1,
    });
    await t.addFault({
      path: '^/me/events$',
      methods: ['POST'],
      kind: 'drop',
      when: 'after',
      times: 1,
    });
    const third = await bookSlot(clientFor(BEN), {
      ...booking('round-3:group-0'),
      subject: 'Coffee round 3',
    });
    const faults = (await (await fetch(`${t.url}/_local/faults`)).json()) as { applied: number }[];
    expect(faults.map((f) => f.applied)).toEqual([1, 1]);
    expect(third.id).toBeTruthy();
    expect(await divyasCopies('Coffee round 3')).toHaveLength(1);
    expect((await t.outbox()).filter((m) => m.subject === 'Coffee round 3')).toHaveLength(1);
  });
});
