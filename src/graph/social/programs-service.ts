import type { Client } from '@microsoft/microsoft-graph-client';
import type { ProgramsService } from '../../domain/ports/programs';
import type { Clock } from '../../domain/time/instant';
import { getMe } from '../meetings/attendees';
import { changeMembership, createProgram, listPrograms } from './programs-repository';

export function graphProgramsService(
  client: Client,
  options: { siteId: string; clock: Clock },
): ProgramsService {
  return {
    async load() {
      const [me, read] = await Promise.all([getMe(client), listPrograms(client, options.siteId)]);
      return {
        me,
        programs: read.programs.map((p) => p.program),
        unreadable: read.unreadable,
      };
    },
    start: (program) => createProgram(client, options.siteId, program),
    changeMembership: (programId, change) =>
      changeMembership(client, options.siteId, programId, change, options.clock.now()),
  };
}
