import type { Client } from '@microsoft/microsoft-graph-client';
import type * as G from '@microsoft/microsoft-graph-types';
import { roundKey, roundSchema, type Round } from '../../domain/social/round';
import {
  createItem,
  literal,
  parsePayload,
  queryItems,
  statusOf,
  updateItemFields,
  versionOf,
} from '../expectations/expectations-repository';

const ROUNDS_LIST = 'SocialRounds';
const ATTEMPTS = 5;

interface StoredRound {
  round: Round;
  itemId: string;
  etag: string;
}

function readRound(item: G.ListItem): StoredRound | undefined {
  const parsed = parsePayload(item, roundSchema);
  if (parsed.kind === 'invalid') return undefined;
  const { itemId, etag } = versionOf(item);
  return { round: parsed.value, itemId, etag };
}

async function storedRound(client: Client, siteId: string, programId: string, n: number) {
  const [item] = await queryItems(client, siteId, ROUNDS_LIST, {
    filter: `fields/Key eq ${literal(roundKey(programId, n))}`,
  });
  return item ? readRound(item) : undefined;
}

/** A program's round as stored, if it has been planned (and reads correctly). */
export async function getRound(
  client: Client,
  siteId: string,
  programId: string,
  n: number,
): Promise<Round | undefined> {
  return (await storedRound(client, siteId, programId, n))?.round;
}

/**
 * Stores a plan for its round unless one is there. The round's key is unique: when two members'
 * clients plan the same due round at once, the first create wins and the other reads it back, so
 * everyone sees the same groups.
 */
export async function saveRoundPlan(
  client: Client,
  siteId: string,
  round: Round,
): Promise<{ kind: 'won' | 'lost'; round: Round }> {
  const valid = roundSchema.parse(round);
  try {
    await createItem(client, siteId, ROUNDS_LIST, {
      Key: roundKey(valid.programId, valid.number),
      ProgramKey: valid.programId,
      RoundStart: valid.startsAt,
      Payload: JSON.stringify(valid),
    });
    return { kind: 'won', round: valid };
  } catch (err) {
    if (statusOf(err) !== 409) throw err;
  }
  const stored = await storedRound(client, siteId, valid.programId, valid.number);
  if (!stored) throw new Error('The round exists but could not be read back.');
  // Our own create may have landed before its answer was lost: then the stored plan is ours.
  const ours = stored.round.plannedAt === valid.plannedAt && stored.round.seed === valid.seed;
  return { kind: ours ? 'won' : 'lost', round: stored.round };
}

/**
 * Records the host's event on the group. A group already booked keeps its first event (the
 * answer says which); changes by other groups' hosts meanwhile are re-read and kept.
 */
export async function recordBooking(
  client: Client,
  siteId: string,
  programId: string,
  n: number,
  groupIndex: number,
  eventId: string,
): Promise<{ kind: 'recorded' | 'alreadyBooked'; eventId: string }> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const stored = await storedRound(client, siteId, programId, n);
    const group = stored?.round.groups[groupIndex];
    if (!stored || !group) throw new Error('That group is not in the round any more.');
    if (group.eventId !== undefined) {
      return {
        kind: group.eventId === eventId ? 'recorded' : 'alreadyBooked',
        eventId: group.eventId,
      };
    }
    const next: Round = {
      ...stored.round,
      groups: stored.round.groups.map((g, i) => (i === groupIndex ? { ...g, eventId } : g)),
    };
    try {
      await updateItemFields(client, siteId, ROUNDS_LIST, stored.itemId, stored.etag, {
        Payload: JSON.stringify(roundSchema.parse(next)),
      });
      return { kind: 'recorded', eventId };
    } catch (err) {
      if (statusOf(err) !== 412) throw err;
    }
  }
  throw new Error('The round kept changing; try booking again.');
}
