import type { Client } from '@microsoft/microsoft-graph-client';
import type * as G from '@microsoft/microsoft-graph-types';
import type { PastGroup, Participant } from '../../domain/social/plan-types';
import { planRound } from '../../domain/social/plan-round';
import { roundStart, type Member, type Program } from '../../domain/social/program';
import { roundSchema, type LeftOutReason, type Round } from '../../domain/social/round';
import { instant, type Instant } from '../../domain/time/instant';
import { lookUpUsers } from '../meetings/attendees';
import { readAvailability } from './availability';
import { saveRoundPlan } from './rounds-repository';

const DAY_MS = 86_400_000;
const iso = (at: number): string => new Date(at).toISOString();

export interface RoundPlanOptions {
  now: Instant;
  /** The planner's seed; stored with the round so the plan can be reproduced. */
  seed: number;
  prompt: string;
  /** Earlier rounds' groups, for repeat avoidance and host rotation. */
  pastGroups: readonly PastGroup[];
  /** Early or late slots each member got in earlier rounds, so they rotate. */
  earlyLateCounts?: ReadonlyMap<string, number>;
}

export interface ParticipantsRead {
  participants: Participant[];
  /** Members whose calendar could not be read: told so, never dropped silently. */
  unavailable: string[];
  users: Map<string, G.User>;
  mailOf: Map<string, string>;
}

/**
 * Members' mailboxes by id, then their working hours and busy times over the window, as the
 * planner takes them.
 */
export async function readParticipants(
  client: Client,
  members: readonly Pick<Member, 'id' | 'subTeam'>[],
  window: { start: Instant; end: Instant },
): Promise<ParticipantsRead> {
  const users = await lookUpUsers(
    client,
    members.map((m) => m.id),
  );
  const mailOf = new Map(
    members.flatMap((m) => {
      const user = users.get(m.id.toLowerCase());
      const mail = user?.mail ?? user?.userPrincipalName;
      return mail ? [[m.id, mail] as const] : [];
    }),
  );
  const availability = await readAvailability(client, [...mailOf.values()], window);
  const participants: Participant[] = [];
  const unavailable: string[] = [];
  for (const member of members) {
    const mail = mailOf.get(member.id);
    const found = mail === undefined ? undefined : availability.get(mail);
    if (found?.kind !== 'ok') {
      unavailable.push(member.id);
      continue;
    }
    participants.push({
      id: member.id,
      timeZone: found.workingHours.timeZone,
      workingHours: {
        days: found.workingHours.days,
        start: found.workingHours.start,
        end: found.workingHours.end,
      },
      busy: found.busy,
      ...(member.subTeam === undefined ? {} : { subTeam: member.subTeam }),
    });
  }
  return { participants, unavailable, users, mailOf };
}

/** Where a round's slots may lie: from its start (or now, if later) over its working days. */
export function roundWindow(program: Program, n: number, now: Instant) {
  const from = Math.max(roundStart(program, n), now);
  // "Working days ahead": weekends in between are added, the planner skips non-working days.
  return {
    start: instant(from),
    end: instant(from + Math.ceil((program.lookAheadDays * 7) / 5) * DAY_MS),
  };
}

/**
 * Plans round `n` of a program in this person's browser and stores it: members' mailboxes by id,
 * their working hours and busy times, the pure planner, then the round with a reason for everyone
 * left out. When another member's client stored a plan first, that one is returned instead.
 */
export async function planDueRound(
  client: Client,
  siteId: string,
  program: Program,
  n: number,
  options: RoundPlanOptions,
): Promise<{ kind: 'won' | 'lost'; round: Round }> {
  const startsAt = roundStart(program, n);
  const window = roundWindow(program, n, options.now);
  const joined = program.members.filter((m) => Date.parse(m.joinedAt) <= startsAt);
  const snoozed = joined.filter(
    (m) => m.snoozedUntil !== undefined && Date.parse(m.snoozedUntil) > startsAt,
  );
  const taking = joined.filter((m) => !snoozed.includes(m));
  const leftOut: { id: string; reason: LeftOutReason }[] = snoozed.map((m) => ({
    id: m.id,
    reason: 'snoozed',
  }));

  const read = await readParticipants(client, taking, window);
  leftOut.push(...read.unavailable.map((id) => ({ id, reason: 'scheduleUnavailable' as const })));
  const { users, mailOf } = read;
  const participants = read.participants.map((p) => ({
    ...p,
    earlyLateCount: options.earlyLateCounts?.get(p.id) ?? 0,
  }));

  const plan = planRound({
    participants,
    pastGroups: options.pastGroups,
    window,
    slotMinutes: program.lengthMinutes,
    groupSize: program.groupSize,
    preferredPart: program.preferredPart,
    avoidRepeatWeeks: program.avoidRepeatWeeks,
    mixSubTeams: program.mixSubTeams,
    now: options.now,
    seed: options.seed,
  });
  const round = roundSchema.parse({
    schemaVersion: 1,
    programId: program.id,
    number: n,
    startsAt: iso(startsAt),
    plannedAt: iso(options.now),
    seed: options.seed,
    prompt: options.prompt,
    groups: plan.groups.map((g) => ({
      memberIds: g.memberIds,
      hostId: g.hostId,
      slot: { start: iso(g.slot.start), end: iso(g.slot.end) },
      ...(g.earlyLateIds.length > 0 ? { earlyLate: g.earlyLateIds } : {}),
    })),
    leftOut: [...leftOut, ...plan.leftOut],
    people: Object.fromEntries(
      plan.groups.flatMap((g) =>
        g.memberIds.map((id) => {
          const user = users.get(id.toLowerCase());
          return [
            id,
            {
              name: user?.displayName ?? '',
              mail: user?.mail ?? user?.userPrincipalName ?? mailOf.get(id) ?? '',
            },
          ] as const;
        }),
      ),
    ),
  });
  return saveRoundPlan(client, siteId, round);
}
