import type { Hono } from 'hono';
import {
  checkInAnswerSchema,
  checkInChangeSchema,
  isIsoWeek,
  isoWeekOf,
  orderForLead,
  type CheckInPerson,
  type CheckInState,
  type WeekAnswers,
} from '../domain/checkins/check-in';
import { dayOf } from '../domain/feedback/lifecycle';
import type { Caller } from './caller';
import type { Stored } from './checkin-store';
import type { RelayDeps } from './context';
import { fail, parseBody, type RelayCtx, type RelayEnv } from './http';
import type { StoredCheckInAnswer, StoredCheckInConfig } from './stored-shapes';

const NOT_LEAD = 'Only the check-in’s lead can do this.';

const personOf = (caller: Caller): CheckInPerson => ({
  id: caller.oid,
  name: caller.name || 'Unnamed person',
});

/**
 * The weekly check-in ("Anything blocking you this week?"), kept in the private site's CheckIns
 * list. The team is the relay's team site (as for TeamResources); the week is the relay's own
 * ISO week in UTC, never the client's. Members read and write only their own answer; only the
 * lead reads answers, and only those given to them (a hand-over does not pass earlier answers on).
 * Nothing about a person is logged: relay.ts logs the route and status only.
 */
export function registerCheckInRoutes(app: Hono<RelayEnv>, deps: RelayDeps): void {
  const { checkIns, hash, now, team } = deps;
  const teamKey = team.siteId;
  /** One answer a person, team and week, under a key nobody can test a guess against. */
  const answerKey = (oid: string, week: string) => hash.voter(oid, `checkin:${teamKey}:${week}`);

  const stateFor = async (
    caller: Caller,
    config: Stored<StoredCheckInConfig> | undefined,
  ): Promise<CheckInState> => {
    const week = isoWeekOf(now());
    if (!config?.value.enabled) return { enabled: false, week };
    const mine = await checkIns.answer(await answerKey(caller.oid, week));
    return {
      enabled: true,
      week,
      lead: config.value.lead,
      isLead: config.value.lead.id === caller.oid,
      mine:
        mine && mine.value.person.id === caller.oid
          ? {
              blocked: mine.value.blocked,
              note: mine.value.note,
              day: mine.value.day,
              lead: mine.value.lead,
            }
          : null,
    };
  };

  /** The config if the caller leads an enabled check-in, else the 403/409 that says why not. */
  const asLead = async (c: RelayCtx) => {
    const config = await checkIns.config(teamKey);
    if (!config?.value.enabled) {
      return { response: fail(c, 409, 'checkInOff', 'The weekly check-in is off for this team.') };
    }
    if (config.value.lead.id !== c.get('caller').oid) {
      return { response: fail(c, 403, 'notLead', NOT_LEAD) };
    }
    return { config };
  };

  app.get('/api/checkin', async (c) => {
    const caller = c.get('caller');
    return c.json(await stateFor(caller, await checkIns.config(teamKey)));
  });

  // Turning it on makes the caller its lead; everyone is shown who that is before answering.
  app.post('/api/checkin', async (c) => {
    const caller = c.get('caller');
    const current = await checkIns.config(teamKey);
    // The lead's own resend (a reply lost on the way) is the same request, answered alike.
    if (current?.value.enabled && current.value.lead.id === caller.oid) {
      return c.json(await stateFor(caller, current), 201);
    }
    if (current?.value.enabled) {
      return fail(
        c,
        409,
        'alreadyOn',
        `The weekly check-in is already on; ${current.value.lead.name} leads it.`,
      );
    }
    const written = await checkIns.writeConfig(current, {
      schemaVersion: 1,
      kind: 'config',
      teamKey,
      enabled: true,
      lead: personOf(caller),
      day: dayOf(now()),
    });
    const after = await checkIns.config(teamKey);
    // Someone turned it on at the same moment: theirs stands unless it is this very request's.
    if (written === 'stale' && after?.value.lead.id !== caller.oid) {
      return fail(c, 409, 'alreadyOn', 'Someone else turned the weekly check-in on just now.');
    }
    return c.json(await stateFor(caller, after), 201);
  });

  app.patch('/api/checkin', async (c) => {
    const found = await asLead(c);
    if ('response' in found) return found.response;
    const body = await parseBody(c, checkInChangeSchema);
    if (!body.ok) return body.response;
    const { config } = found;
    let next: StoredCheckInConfig;
    if ('enabled' in body.value) {
      next = { ...config.value, enabled: false, day: dayOf(now()) };
    } else {
      const { leadId } = body.value;
      const answered = (await checkIns.allAnswers(teamKey)).find(
        (a) => a.person.id === leadId && a.lead.id === config.value.lead.id,
      );
      if (!answered) {
        return fail(
          c,
          400,
          'invalidRequest',
          'leadId: Hand the check-in to someone who has answered it.',
          { fields: { leadId: ['Hand the check-in to someone who has answered it.'] } },
        );
      }
      next = { ...config.value, lead: answered.person, day: dayOf(now()) };
    }
    if ((await checkIns.writeConfig(config, next)) === 'stale') {
      const again = await checkIns.config(teamKey);
      if (JSON.stringify(again?.value) !== JSON.stringify(next)) {
        return fail(c, 409, 'conflict', 'The check-in changed meanwhile. Reload and try again.');
      }
    }
    return c.json(await stateFor(c.get('caller'), await checkIns.config(teamKey)));
  });

  app.post('/api/checkin/answer', async (c) => {
    const caller = c.get('caller');
    const config = await checkIns.config(teamKey);
    if (!config?.value.enabled) {
      return fail(c, 409, 'checkInOff', 'The weekly check-in is off for this team.');
    }
    const body = await parseBody(c, checkInAnswerSchema);
    if (!body.ok) return body.response;
    const week = isoWeekOf(now());
    const answer: StoredCheckInAnswer = {
      schemaVersion: 1,
      kind: 'answer',
      teamKey,
      week,
      person: personOf(caller),
      lead: config.value.lead,
      blocked: body.value.blocked,
      note: body.value.note,
      day: dayOf(now()),
    };
    await checkIns.putAnswer(await answerKey(caller.oid, week), answer);
    return c.json(await stateFor(caller, config));
  });

  app.get('/api/checkin/answers', async (c) => {
    const found = await asLead(c);
    if ('response' in found) return found.response;
    const asked = c.req.query('week');
    if (asked !== undefined && !isIsoWeek(asked)) {
      return fail(c, 400, 'invalidRequest', 'week: Give an ISO week such as 2026-W11.');
    }
    const week = asked ?? isoWeekOf(now());
    const leadId = found.config.value.lead.id;
    // One read serves both: this week's answers and everyone who has answered this lead.
    const all = await checkIns.allAnswers(teamKey);
    const answers = all.filter((a) => a.week === week);
    const people = new Map<string, CheckInPerson>();
    for (const a of all) {
      if (a.lead.id === leadId && a.person.id !== leadId) people.set(a.person.id, a.person);
    }
    const view: WeekAnswers = {
      week,
      answers: orderForLead(
        answers
          .filter((a) => a.lead.id === leadId)
          .map((a) => ({ person: a.person, blocked: a.blocked, note: a.note, day: a.day })),
      ),
      people: [...people.values()].sort((a, b) => a.name.localeCompare(b.name, 'en')),
    };
    return c.json(view);
  });
}
