import type { Client } from '@microsoft/microsoft-graph-client';
import type * as G from '@microsoft/microsoft-graph-types';
import {
  applyMembership,
  programSchema,
  type MembershipChange,
  type Program,
} from '../../domain/social/program';
import type { ProgramChangeOutcome } from '../../domain/ports/programs';
import type { Instant } from '../../domain/time/instant';
import {
  createItem,
  itemsQuery,
  literal,
  parsePayload,
  queryItems,
  statusOf,
  updateItemFields,
  versionOf,
} from '../expectations/expectations-repository';

const PROGRAMS_LIST = 'SocialPrograms';
/** Joins by many people at once each cost a re-read; five rounds settle any realistic rush. */
const ATTEMPTS = 5;

export interface StoredProgram {
  program: Program;
  itemId: string;
  etag: string;
}

export interface ProgramsRead {
  programs: StoredProgram[];
  /** Items changed outside Rapport that no longer read as a program: counted, not shown. */
  unreadable: number;
}

function readProgram(item: G.ListItem): StoredProgram | undefined {
  const parsed = parsePayload(item, programSchema);
  if (parsed.kind === 'invalid') return undefined;
  const { itemId, etag } = versionOf(item);
  return { program: parsed.value, itemId, etag };
}

const teamFilter = (siteId: string) => `fields/TeamKey eq ${literal(siteId)}`;

/** The team's programs as a relative URL, for `$batch`; read the answer with `parsePrograms`. */
export const programsQuery = (siteId: string): string =>
  itemsQuery(siteId, PROGRAMS_LIST, teamFilter(siteId));

/** The team's programs: one filtered query on the team site's SocialPrograms list. */
export async function listPrograms(client: Client, siteId: string): Promise<ProgramsRead> {
  const items = await queryItems(client, siteId, PROGRAMS_LIST, { filter: teamFilter(siteId) });
  return parsePrograms(items);
}

export function parsePrograms(items: readonly G.ListItem[]): ProgramsRead {
  const out: ProgramsRead = { programs: [], unreadable: 0 };
  for (const item of items) {
    const read = readProgram(item);
    if (read) out.programs.push(read);
    else out.unreadable += 1;
  }
  return out;
}

async function programById(client: Client, siteId: string, id: string) {
  const [item] = await queryItems(client, siteId, PROGRAMS_LIST, {
    filter: `fields/Key eq ${literal(id)}`,
  });
  return item ? readProgram(item) : undefined;
}

/** Creates a program; its id is the unique Key, so a create retried after a lost answer is one. */
export async function createProgram(client: Client, siteId: string, program: Program) {
  const valid = programSchema.parse(program);
  try {
    await createItem(client, siteId, PROGRAMS_LIST, {
      Key: valid.id,
      TeamKey: siteId,
      Payload: JSON.stringify(valid),
    });
  } catch (err) {
    if (statusOf(err) !== 409) throw err;
  }
}

export type MembershipOutcome = ProgramChangeOutcome;

/**
 * One person's join, snooze, resume or leave, written with If-Match over the program as stored
 * now. On 412 it re-reads and applies the same change again: everyone's changes survive, and a
 * change already there (a retry whose first try landed) writes nothing.
 */
export function changeMembership(
  client: Client,
  siteId: string,
  programId: string,
  change: MembershipChange,
  now: Instant,
): Promise<MembershipOutcome> {
  return updateProgram(client, siteId, programId, (p) => applyMembership(p, change, now));
}

/**
 * Applies `change` to the program as stored now; on 412 re-reads and applies it again, so
 * everyone's changes survive, and a change already there writes nothing.
 */
export async function updateProgram(
  client: Client,
  siteId: string,
  programId: string,
  change: (program: Program) => Program,
): Promise<MembershipOutcome> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const stored = await programById(client, siteId, programId);
    if (!stored) return { kind: 'missing' };
    const next = change(stored.program);
    if (next === stored.program) return { kind: 'saved', program: next };
    try {
      await updateItemFields(client, siteId, PROGRAMS_LIST, stored.itemId, stored.etag, {
        Payload: JSON.stringify(programSchema.parse(next)),
      });
      return { kind: 'saved', program: next };
    } catch (err) {
      if (statusOf(err) !== 412) throw err;
    }
  }
  return { kind: 'busy' };
}
