import { describe, expect, it } from 'vitest';
import {
  bookingTransactionId,
  placeOf,
  roundSchema,
  type Round,
} from '../../src/domain/social/round';
import { instant } from '../../src/domain/time/instant';
import { createGraphClient } from '../../src/graph/client';
import { bookSlot } from '../../src/graph/social/book-slot';
import { getRound, recordBooking, saveRoundPlan } from '../../src/graph/social/rounds-repository';
import { PEOPLE, SITES, upnOf } from '../../src/local/tenant/seed/directory';
import { useTestTenant } from '../support/use-test-tenant';

const t = useTestTenant();
const SITE = SITES.team.id;
const person = (alias: string) => {
  const p = PEOPLE.find((x) => x.alias === alias);
  if (!p) throw new Error(alias);
  return { id: p.id, upn: upnOf(p), name: `${p.givenName} ${p.surname}` };
};
const [BEN, DIVYA, EMMA, GRACE, HIRO] = ['ben', 'divya', 'emma', 'grace', 'hiro'].map(person);
const clientFor = (upn: string) =>
  createGraphClient({ baseUrl: t.url, getToken: () => t.token(upn), delaySeconds: 0 });

const PROGRAM = '6c0ffee0-0000-4000-8000-000000000002';
const plan = (seed: number): Round =>
  roundSchema.parse({
    schemaVersion: 1,
    programId: PROGRAM,
    number: 0,
    startsAt: '2026-03-16T00:00:00.000Z',
    plannedAt: `2026-03-16T08:00:0${String(seed)}.000Z`,
    seed,
    prompt: 'What are you reading?',
    groups: [
      {
        memberIds: [BEN?.id, DIVYA?.id],
        hostId: BEN?.id,
        slot: { start: '2026-03-17T10:00:00.000Z', end: '2026-03-17T10:20:00.000Z' },
      },
      {
        memberIds: [EMMA?.id, GRACE?.id],
        hostId: GRACE?.id,
        slot: { start: '2026-03-17T13:00:00.000Z', end: '2026-03-17T13:20:00.000Z' },
      },
    ],
    leftOut: [{ id: HIRO?.id, reason: 'snoozed' }],
  });

describe('rounds', () => {
  it('refuse a plan that puts someone in two places', () => {
    const bad = { ...plan(1), leftOut: [{ id: BEN?.id, reason: 'noPartner' }] };
    expect(roundSchema.safeParse(bad).success).toBe(false);
  });

  it('two clients planning the same due round: one plan wins, both see it', async () => {
    const [a, b] = await Promise.all([
      saveRoundPlan(clientFor(BEN?.upn ?? ''), SITE, plan(1)),
      saveRoundPlan(clientFor(EMMA?.upn ?? ''), SITE, plan(2)),
    ]);
    expect([a.kind, b.kind].sort()).toEqual(['lost', 'won']);
    expect(a.round).toEqual(b.round);
    const stored = await getRound(clientFor(HIRO?.upn ?? ''), SITE, PROGRAM, 0);
    expect(stored).toEqual(a.round);
    // Hiro snoozed, and is told so rather than dropped.
    expect(stored && placeOf(stored, HIRO?.id ?? '')).toEqual({
      kind: 'leftOut',
      reason: 'snoozed',
    });
  });

  it('a host booking twice, through a 503, makes one event, recorded once', async () => {
    const round = (await getRound(clientFor(BEN?.upn ?? ''), SITE, PROGRAM, 0)) as Round;
    const group = round.groups[0];
    const book = () =>
      bookSlot(clientFor(BEN?.upn ?? ''), {
        transactionId: bookingTransactionId(round, 0),
        subject: 'Coffee with Divya',
        prompt: round.prompt,
        start: instant(Date.parse(group?.slot.start ?? '')),
        end: instant(Date.parse(group?.slot.end ?? '')),
        attendees: [{ mail: DIVYA?.upn ?? '', name: DIVYA?.name ?? '' }],
      });
    await t.addFault({
      path: '^/me/events$',
      methods: ['POST'],
      kind: 'status',
      status: 503,
      when: 'after',
      times: 1,
    });
    const [first, second] = [await book(), await book()];
    expect(second.id).toBe(first.id);
    const recorded = await Promise.all([
      recordBooking(clientFor(BEN?.upn ?? ''), SITE, PROGRAM, 0, 0, first.id ?? ''),
      recordBooking(clientFor(GRACE?.upn ?? ''), SITE, PROGRAM, 0, 1, 'grace-event'),
    ]);
    expect(recorded.map((r) => r.kind)).toEqual(['recorded', 'recorded']);
    const after = await getRound(clientFor(DIVYA?.upn ?? ''), SITE, PROGRAM, 0);
    expect(after?.groups.map((g) => g.eventId)).toEqual([first.id, 'grace-event']);
    expect(await recordBooking(clientFor(BEN?.upn ?? ''), SITE, PROGRAM, 0, 0, 'another')).toEqual({
      kind: 'alreadyBooked',
      eventId: first.id,
    });
    expect((await t.outbox()).filter((m) => m.subject === 'Coffee with Divya')).toHaveLength(1);
  });
});
