import type { Client } from '@microsoft/microsoft-graph-client';
import type { ProgramsService } from '../../domain/ports/programs';
import { GraphWordsError } from '../../domain/ports/graph-words';
import { startRoundNow } from '../../domain/social/program';
import { promptFor } from '../../domain/social/prompts';
import { instant, type Clock, type Instant } from '../../domain/time/instant';
import { getMe } from '../meetings/attendees';
import { bookGroup } from './book-group';
import { planDueRound } from './plan-due-round';
import {
  changeMembership,
  createProgram,
  listPrograms,
  updateProgram,
} from './programs-repository';
import { listRoundsSince, parseRounds, recentRoundsQuery } from './rounds-repository';
import { earlyLateCounts } from '../../domain/social/round';
import { runBatch } from '../batch';
import { MAX_KEYS_PER_QUERY } from '../expectations/expectations-repository';
import {
  programStats,
  STATS_WEEKS,
  weeksBefore,
  type ProgramStats,
} from '../../domain/social/stats';
import type { Program } from '../../domain/social/program';
import type * as G from '@microsoft/microsoft-graph-types';

/** Each program's recent numbers: its rounds since `STATS_WEEKS` ago, ten programs a query, one `$batch`. */
async function recentStats(
  client: Client,
  siteId: string,
  programs: readonly Program[],
  now: Instant,
): Promise<Record<string, ProgramStats>> {
  const since = weeksBefore(now);
  const chunks: string[][] = [];
  for (let i = 0; i < programs.length; i += MAX_KEYS_PER_QUERY) {
    chunks.push(programs.slice(i, i + MAX_KEYS_PER_QUERY).map((p) => p.id));
  }
  const results = await runBatch(
    client,
    chunks.map((ids, i) => ({
      id: String(i),
      method: 'GET' as const,
      url: recentRoundsQuery(siteId, ids, since),
    })),
  );
  const rounds = chunks.flatMap((_, i) => {
    const r = results.get(String(i));
    if (!r || r.status >= 400)
      throw new GraphWordsError(
        {
          code: 'readFailed',
          what: 'programRounds',
          ...(r === undefined ? {} : { status: r.status }),
        },
        `Could not read the programs’ rounds (${String(r?.status ?? 'no answer')}).`,
      );
    return parseRounds((r.body as { value: G.ListItem[] }).value).rounds;
  });
  return Object.fromEntries(
    programs.map((p) => [p.id, programStats(rounds.filter((r) => r.programId === p.id))]),
  );
}

/** A fresh planner seed; stored with the round, so the plan can be reproduced from it. */
const newSeed = (): number => crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;

export function graphProgramsService(
  client: Client,
  options: { siteId: string; clock: Clock },
): ProgramsService {
  const { siteId, clock } = options;
  return {
    async load() {
      const [me, read] = await Promise.all([getMe(client), listPrograms(client, siteId)]);
      const programs = read.programs.map((p) => p.program);
      return {
        me,
        programs,
        stats: await recentStats(client, siteId, programs, clock.now()),
        unreadable: read.unreadable,
      };
    },
    start: (program) => createProgram(client, siteId, program),
    changeMembership: (programId, change) =>
      changeMembership(client, siteId, programId, change, clock.now()),
    startRoundNow: (programId, leadId) =>
      updateProgram(client, siteId, programId, (p) => startRoundNow(p, leadId, clock.now())),
    async planRound(program, n) {
      // Rounds inside the repeat-avoidance window (at least the stats window) shape the next one.
      const weeks = Math.max(program.avoidRepeatWeeks, STATS_WEEKS);
      const since = weeksBefore(clock.now(), weeks);
      const earlier = (await listRoundsSince(client, siteId, program.id, since)).filter(
        (r) => r.number < n,
      );
      const seed = newSeed();
      const { round } = await planDueRound(client, siteId, program, n, {
        now: clock.now(),
        seed,
        prompt: promptFor(seed),
        pastGroups: earlier.flatMap((r) =>
          r.groups.map((g) => ({
            memberIds: g.memberIds,
            at: instant(Date.parse(g.slot.start)),
            hostId: g.hostId,
          })),
        ),
        earlyLateCounts: earlyLateCounts(earlier),
      });
      return round;
    },
    book: (program, roundNumber, groupIndex) =>
      bookGroup(client, siteId, program, roundNumber, groupIndex, clock.now()),
  };
}
