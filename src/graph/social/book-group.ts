import type { Client } from '@microsoft/microsoft-graph-client';
import type { BookingOutcome } from '../../domain/ports/programs';
import { planRound } from '../../domain/social/plan-round';
import type { Program } from '../../domain/social/program';
import { bookingTransactionId, type Round, type RoundGroup } from '../../domain/social/round';
import { instant, type Instant } from '../../domain/time/instant';
import { readAvailability } from './availability';
import { bookSlot, findBookedEvent } from './book-slot';
import { readParticipants, roundWindow } from './plan-due-round';
import { getRound, groupGone, moveGroupSlot, recordBooking } from './rounds-repository';

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

const instants = (slot: RoundGroup['slot']) => ({
  start: instant(Date.parse(slot.start)),
  end: instant(Date.parse(slot.end)),
});

/** Whether everyone in the group is still free at the slot (unreadable calendars count as free). */
async function slotStillFree(client: Client, mails: string[], slot: RoundGroup['slot']) {
  const at = instants(slot);
  const availability = await readAvailability(client, mails, at);
  return mails.every((mail) => {
    const a = availability.get(mail);
    return a?.kind !== 'ok' || !a.busy.some((b) => overlaps(b, at));
  });
}

/** The slot is part of the id: a re-planned group is a different meeting. */
const transactionOf = (round: Round, groupIndex: number, slot: RoundGroup['slot']) =>
  `${bookingTransactionId(round, groupIndex)}:${slot.start}`;

/** Re-plans one group inside what is left of its round; the other groups keep their slots. */
async function replanGroup(
  client: Client,
  program: Program,
  round: Round,
  group: RoundGroup,
  now: Instant,
): Promise<RoundGroup['slot'] | undefined> {
  const window = roundWindow(program, round.number, now);
  const read = await readParticipants(
    client,
    group.memberIds.map((id) => ({ id })),
    window,
  );
  if (read.unavailable.length > 0) return undefined;
  const plan = planRound({
    participants: read.participants,
    pastGroups: [],
    window,
    slotMinutes: program.lengthMinutes,
    groupSize: Math.min(group.memberIds.length, 4),
    preferredPart: program.preferredPart,
    now,
    seed: round.seed,
  });
  const [only] = plan.groups;
  if (plan.groups.length !== 1 || only?.memberIds.length !== group.memberIds.length) {
    return undefined;
  }
  return {
    start: new Date(only.slot.start).toISOString(),
    end: new Date(only.slot.end).toISOString(),
  };
}

/**
 * The host's one click: check the slot is still free for everyone, re-plan only this group when
 * it is not, create the Teams meeting with a transactionId (a retry or a second click is the same
 * event), and record it on the round (ETag; a group booked meanwhile keeps its first event).
 */
export async function bookGroup(
  client: Client,
  siteId: string,
  program: Program,
  roundNumber: number,
  groupIndex: number,
  now: Instant,
): Promise<BookingOutcome> {
  const round = await getRound(client, siteId, program.id, roundNumber);
  const planned = round?.groups[groupIndex];
  if (!round || !planned) throw groupGone();
  if (planned.eventId !== undefined) {
    return { kind: 'booked', eventId: planned.eventId, slot: planned.slot, moved: false };
  }
  let group: RoundGroup = planned;
  const person = (id: string) => round.people?.[id];
  const record = async (eventId: string, moved: boolean): Promise<BookingOutcome> => {
    const recorded = await recordBooking(
      client,
      siteId,
      program.id,
      roundNumber,
      groupIndex,
      eventId,
    );
    return { kind: 'booked', eventId: recorded.eventId, slot: group.slot, moved };
  };
  const mails = group.memberIds.flatMap((id) => {
    const mail = person(id)?.mail;
    return mail ? [mail] : [];
  });
  // An earlier click whose answer was lost may have booked it: its event would look like a clash.
  const earlier = await findBookedEvent(
    client,
    transactionOf(round, groupIndex, group.slot),
    instants(group.slot),
  );
  if (earlier?.id) return record(earlier.id, false);
  let moved = false;
  if (!(await slotStillFree(client, mails, group.slot))) {
    const slot = await replanGroup(client, program, round, group, now);
    if (!slot) return { kind: 'noSlot' };
    group = await moveGroupSlot(client, siteId, program.id, roundNumber, groupIndex, slot);
    if (group.eventId !== undefined) {
      return { kind: 'booked', eventId: group.eventId, slot: group.slot, moved: false };
    }
    moved = true;
  }
  const { hostId } = group;
  const names = group.memberIds.map((id) => person(id)?.name ?? '').filter(Boolean);
  const event = await bookSlot(client, {
    transactionId: transactionOf(round, groupIndex, group.slot),
    subject: `Coffee: ${names.join(', ')} (${program.name})`.slice(0, 255),
    prompt: round.prompt,
    ...instants(group.slot),
    attendees: group.memberIds
      .filter((id) => id !== hostId)
      .flatMap((id) => {
        const p = person(id);
        return p?.mail ? [{ mail: p.mail, name: p.name }] : [];
      }),
  });
  return record(event.id ?? '', moved);
}
