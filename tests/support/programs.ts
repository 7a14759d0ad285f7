import { applyMembership, programSchema, type Program } from '../../src/domain/social/program';
import { instant } from '../../src/domain/time/instant';

/** A weekly coffee program in pairs, 20 minutes, first round Monday 16 March 2026, no members. */
export const programFixture = (over: Partial<Program> = {}): Program =>
  programSchema.parse({
    schemaVersion: 1,
    id: '6c0ffee0-0000-4000-8000-000000000001',
    name: 'Platform coffee',
    cadence: 'weekly',
    groupSize: 2,
    lengthMinutes: 20,
    preferredPart: 'any',
    lookAheadDays: 5,
    avoidRepeatWeeks: 12,
    mixSubTeams: false,
    leadIds: ['ana'],
    firstRoundAt: '2026-03-16T00:00:00.000Z',
    members: [],
    ...over,
  });

/** The program with these people joined, each on their own, at `atIso`. */
export const joinedBy = (program: Program, ids: readonly string[], atIso: string): Program =>
  ids.reduce(
    (p, id) => applyMembership(p, { kind: 'join', id }, instant(Date.parse(atIso))),
    program,
  );
