import type { Client } from '@microsoft/microsoft-graph-client';
import type { ProgramsService } from '../../domain/ports/programs';
import { startRoundNow } from '../../domain/social/program';
import { promptFor } from '../../domain/social/prompts';
import type { Clock } from '../../domain/time/instant';
import { instant } from '../../domain/time/instant';
import { getMe } from '../meetings/attendees';
import { bookGroup } from './book-group';
import { planDueRound } from './plan-due-round';
import {
  changeMembership,
  createProgram,
  listPrograms,
  updateProgram,
} from './programs-repository';
import { listRounds } from './rounds-repository';

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
      return {
        me,
        programs: read.programs.map((p) => p.program),
        unreadable: read.unreadable,
      };
    },
    start: (program) => createProgram(client, siteId, program),
    changeMembership: (programId, change) =>
      changeMembership(client, siteId, programId, change, clock.now()),
    startRoundNow: (programId, leadId) =>
      updateProgram(client, siteId, programId, (p) => startRoundNow(p, leadId, clock.now())),
    async planRound(program, n) {
      const earlier = (await listRounds(client, siteId, program.id)).filter((r) => r.number < n);
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
      });
      return round;
    },
    book: (program, roundNumber, groupIndex) =>
      bookGroup(client, siteId, program, roundNumber, groupIndex, clock.now()),
  };
}
