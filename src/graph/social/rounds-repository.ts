import type { Client } from '@microsoft/microsoft-graph-client';
import type * as G from '@microsoft/microsoft-graph-types';
import { GraphWordsError } from '../../domain/ports/graph-words';
import { roundKey, roundSchema, type Round, type RoundGroup } from '../../domain/social/round';
import {
  createItem,
  itemsQuery,
  literal,
  MAX_KEYS_PER_QUERY,
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

/** Rounds by `roundKey` as a relative URL for `$batch` (1 to `MAX_KEYS_PER_QUERY` keys). */
export function roundsByKeysQuery(siteId: string, keys: readonly string[]): string {
  if (keys.length === 0 || keys.length > MAX_KEYS_PER_QUERY) {
    throw new Error(`roundsByKeysQuery takes 1 to ${String(MAX_KEYS_PER_QUERY)} keys.`);
  }
  return itemsQuery(
    siteId,
    ROUNDS_LIST,
    keys.map((k) => `fields/Key eq ${literal(k)}`).join(' or '),
  );
}

/** Rounds of these programs (1 to `MAX_KEYS_PER_QUERY`) starting since `sinceIso`, for `$batch`. */
export function recentRoundsQuery(
  siteId: string,
  programIds: readonly string[],
  sinceIso: string,
): string {
  if (programIds.length === 0 || programIds.length > MAX_KEYS_PER_QUERY) {
    throw new Error(`recentRoundsQuery takes 1 to ${String(MAX_KEYS_PER_QUERY)} programs.`);
  }
  const programs = programIds.map((id) => `fields/ProgramKey eq ${literal(id)}`).join(' or ');
  return itemsQuery(
    siteId,
    ROUNDS_LIST,
    `(${programs}) and fields/RoundStart ge ${literal(sinceIso)}`,
  );
}

/** Rounds that read correctly; items changed outside Rapport are counted, not shown. */
export function parseRounds(items: readonly G.ListItem[]): { rounds: Round[]; unreadable: number } {
  const rounds = items.flatMap((item) => {
    const read = readRound(item);
    return read ? [read.round] : [];
  });
  return { rounds, unreadable: items.length - rounds.length };
}

/** A program's rounds starting since `sinceIso`: the history the next round's planning reads. */
export async function listRoundsSince(
  client: Client,
  siteId: string,
  programId: string,
  sinceIso: string,
): Promise<Round[]> {
  const items = await queryItems(client, siteId, ROUNDS_LIST, {
    filter: `fields/ProgramKey eq ${literal(programId)} and fields/RoundStart ge ${literal(sinceIso)}`,
  });
  return parseRounds(items).rounds;
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

/** The group being booked or moved was replanned away since it was shown. */
export const groupGone = (): GraphWordsError =>
  new GraphWordsError({ code: 'groupGone' }, 'That group is not in the round any more.');

type GroupChange<T> = { kind: 'write'; group: RoundGroup; result: T } | { kind: 'done'; result: T };

/**
 * Changes one group of a stored round with ETag concurrency: `decide` sees the group as stored
 * now, so other groups' hosts booking meanwhile are re-read and kept (a 412 reads again).
 */
async function changeGroup<T>(
  client: Client,
  siteId: string,
  programId: string,
  n: number,
  groupIndex: number,
  decide: (group: RoundGroup) => GroupChange<T>,
): Promise<T> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const stored = await storedRound(client, siteId, programId, n);
    const group = stored?.round.groups[groupIndex];
    if (!stored || !group) throw groupGone();
    const change = decide(group);
    if (change.kind === 'done') return change.result;
    const next: Round = {
      ...stored.round,
      groups: stored.round.groups.map((g, i) => (i === groupIndex ? change.group : g)),
    };
    try {
      await updateItemFields(client, siteId, ROUNDS_LIST, stored.itemId, stored.etag, {
        Payload: JSON.stringify(roundSchema.parse(next)),
      });
      return change.result;
    } catch (err) {
      if (statusOf(err) !== 412) throw err;
    }
  }
  throw new GraphWordsError({ code: 'roundKeptChanging' }, 'The round kept changing; try again.');
}

/**
 * Records the host's event on the group. A group already booked keeps its first event (the
 * answer says which).
 */
export function recordBooking(
  client: Client,
  siteId: string,
  programId: string,
  n: number,
  groupIndex: number,
  eventId: string,
): Promise<{ kind: 'recorded' | 'alreadyBooked'; eventId: string }> {
  return changeGroup(client, siteId, programId, n, groupIndex, (group) =>
    group.eventId === undefined
      ? { kind: 'write', group: { ...group, eventId }, result: { kind: 'recorded', eventId } }
      : {
          kind: 'done',
          result: {
            kind: group.eventId === eventId ? 'recorded' : 'alreadyBooked',
            eventId: group.eventId,
          },
        },
  );
}

/** Moves an unbooked group to a new slot (re-planned at booking time); a booked one stays. */
export function moveGroupSlot(
  client: Client,
  siteId: string,
  programId: string,
  n: number,
  groupIndex: number,
  slot: RoundGroup['slot'],
): Promise<RoundGroup> {
  return changeGroup(client, siteId, programId, n, groupIndex, (group) => {
    if (group.eventId !== undefined) return { kind: 'done', result: group };
    const moved = { ...group, slot };
    return { kind: 'write', group: moved, result: moved };
  });
}
