import { describe, expect, it } from 'vitest';
import { findSections, sectionText } from '../../src/domain/expectations/invite-section';
import type { Deliverable, Expectations } from '../../src/domain/expectations/schema';
import type {
  ExpectationsRecord,
  MeetingExpectations,
  MeetingOpenResult,
  SaveOutcome,
} from '../../src/domain/ports/expectations';
import { instant } from '../../src/domain/time/instant';
import { baseFor, buildSaveRequest, keysFor } from '../../src/features/meeting/save-plan';
import type { Scope } from '../../src/features/meeting/expectations-form';
import { createGraphClient } from '../../src/graph/client';
import { storageKey } from '../../src/graph/expectations/expectations-repository';
import { graphExpectationsService } from '../../src/graph/expectations/meeting-service';
import type { HostMeeting } from '../../src/local/tenant/controls/routes';
import { PEOPLE, SITES, upnOf } from '../../src/local/tenant/seed/directory';
import { TEST_NOW } from '../support/local-tenant';
import { useTestTenant } from '../support/use-test-tenant';

const person = (alias: string) => {
  const p = PEOPLE.find((x) => x.alias === alias);
  if (!p) throw new Error(alias);
  return { id: p.id, upn: upnOf(p) };
};
type Person = ReturnType<typeof person>;
const ANA = person('ana');
const BEN = person('ben');
const DIVYA = person('divya');
const EMMA = person('emma');
const GRACE = person('grace');
const HIRO = person('hiro');
const KEMI = person('kemi');
const NOW = instant(Date.parse(TEST_NOW));

const t = useTestTenant();

const serviceFor = (who: Person) =>
  graphExpectationsService(
    createGraphClient({ baseUrl: t.url, getToken: () => t.token(who.upn), delaySeconds: 0 }),
    { siteId: SITES.team.id },
  );

/** The meeting's chat as the local Teams host lists it for this person. */
async function chatOf(who: Person, subject: string): Promise<string> {
  const res = await fetch(`${t.url}/_local/people/${encodeURIComponent(who.upn)}/meetings`);
  const found = ((await res.json()) as HostMeeting[]).find((m) => m.subject === subject);
  if (!found) throw new Error(`${who.upn} has no meeting '${subject}'`);
  return found.chatId;
}

const found = (result: MeetingOpenResult): MeetingExpectations => {
  if (result.kind !== 'found') throw new Error(result.message);
  return result.data;
};

async function open(who: Person, subject: string) {
  return found(await serviceFor(who).openMeeting(await chatOf(who, subject), NOW));
}

type Content = Partial<Omit<Expectations, 'schemaVersion' | 'meetingKey' | 'seriesKey'>>;

/** A save as the meeting tab builds it: keys and base for the scope, attendees from the load. */
function save(
  who: Person,
  data: MeetingExpectations,
  scope: Scope,
  content: Content & { purpose: string },
  base: ExpectationsRecord | undefined = baseFor(data, scope),
): Promise<SaveOutcome> {
  const expectations: Expectations = {
    ...keysFor(data.meeting, scope),
    outcome: '',
    agenda: [],
    roles: [],
    deliverables: [],
    successMetrics: [],
    ...content,
  };
  return serviceFor(who).save(buildSaveRequest(data, scope, base, expectations));
}

function saved(outcome: SaveOutcome) {
  if (outcome.kind !== 'saved') throw new Error(JSON.stringify(outcome));
  return outcome;
}

const deliverable = (id: string, owner: Person, title = `Deliver ${id}`): Deliverable => ({
  id,
  title,
  ownerId: owner.id,
  due: '2026-03-20',
  status: 'notStarted',
});

const updates = async (iCalUId: string) =>
  (await t.outbox(iCalUId)).filter((m) => m.kind === 'update').length;

/**
 * The body of someone's own copy of a meeting, as Outlook shows it; read from the calendar view
 * so that an occurrence of a series is found the same way as a single meeting.
 */
async function bodyOf(who: Person, iCalUId: string): Promise<string> {
  const res = await t.graph(
    who.upn,
    'GET',
    `/me/calendarView?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-03-31T00:00:00Z` +
      `&$select=iCalUId,body&$top=500`,
  );
  expect(res.status).toBe(200);
  const copies = (res.body.value as { iCalUId: string; body: { content: string } }[]).filter(
    (e) => e.iCalUId === iCalUId,
  );
  expect(copies).toHaveLength(1);
  return copies[0]?.body.content ?? '';
}

describe('an occurrence’s expectations', () => {
  it('reach the attendees’ copies once, and an unchanged save sends nothing', async () => {
    const data = await open(GRACE, 'Sprint planning');
    expect(data.meeting.isOrganizer).toBe(true);
    expect(data.occurrence).toBeUndefined();
    const { iCalUId } = data.meeting;

    const content = {
      purpose: 'Pick the sprint goal & the work that serves it.',
      roles: [{ kind: 'facilitator' as const, holderId: GRACE.id }],
      deliverables: [deliverable('goal', BEN, 'Write up the sprint goal')],
    };
    const first = saved(await save(GRACE, data, 'occurrence', content));
    expect(first.invite).toBe('updated');
    expect(first.record.expectations.meetingKey).toBe(iCalUId);

    // Ben's own copy, in his mailbox: what attendees see without the app.
    const bens = await t.graph(
      BEN.upn,
      'GET',
      `/me/events?$filter=${encodeURIComponent(`iCalUId eq '${iCalUId}'`)}&$select=body`,
    );
    expect(bens.body.value).toHaveLength(1);
    const html = bens.body.value[0].body.content as string;
    expect(findSections(html)).toHaveLength(1);
    expect(sectionText(html)).toContain('Pick the sprint goal & the work that serves it.');
    expect(sectionText(html)).toContain('Write up the sprint goal');
    expect(html).toContain('Pick the sprint goal and the work that serves it.'); // Grace's text
    expect((await t.outbox(iCalUId)).map((m) => m.kind)).toEqual(['update']);

    const again = saved(await save(GRACE, data, 'occurrence', content, first.record));
    expect(again.invite).toBe('unchanged');
    expect(again.merged).toBe(false);
    expect(await updates(iCalUId)).toBe(1);

    const reloaded = await open(GRACE, 'Sprint planning');
    expect(reloaded.occurrence?.expectations).toEqual(first.record.expectations);
    expect(reloaded.deliverables.goal?.deliverable.title).toBe('Write up the sprint goal');
  });

  it('saved by a co-organizer leave the invite to the organizer, who brings it up to date', async () => {
    const emmas = await open(EMMA, 'Design review: onboarding flow');
    const { iCalUId } = emmas.meeting;
    const roles = [{ kind: 'coOrganizer' as const, holderId: HIRO.id }];
    const purpose = 'Agree the onboarding flow.';
    expect(saved(await save(EMMA, emmas, 'occurrence', { purpose, roles })).invite).toBe('updated');

    const hiros = await open(HIRO, 'Design review: onboarding flow');
    expect(hiros.meeting.isOrganizer).toBe(false);
    expect(hiros.meeting.iCalUId).toBe(iCalUId);
    expect(hiros.organizerIds).toEqual([EMMA.id]);
    const byHiro = saved(
      await save(HIRO, hiros, 'occurrence', { purpose: 'Ship the onboarding flow.', roles }),
    );
    expect(byHiro.invite).toBe('notOrganizer');
    expect(sectionText(await bodyOf(DIVYA, iCalUId))).toContain(purpose);
    expect(await updates(iCalUId)).toBe(1);

    // Emma's tab sees that someone else saved last, and re-renders her invite from the record.
    const again = await open(EMMA, 'Design review: onboarding flow');
    expect(again.occurrence?.expectations.purpose).toBe('Ship the onboarding flow.');
    expect(again.occurrence?.version.lastModifiedBy?.id).toBe(HIRO.id);
    const record = again.occurrence?.expectations;
    if (!record) throw new Error('no record');
    const emma = serviceFor(EMMA);
    expect(await emma.syncInvite(again.meeting, record, again.attendees)).toBe('updated');
    expect(sectionText(await bodyOf(DIVYA, iCalUId))).toContain('Ship the onboarding flow.');
    expect(await emma.syncInvite(again.meeting, record, again.attendees)).toBe('unchanged');
    expect(await updates(iCalUId)).toBe(2);
  });
});

describe('a series’ expectations', () => {
  it('go into the series’ invite, apply to every occurrence, and an occurrence can override them', async () => {
    const wednesday = await open(ANA, 'Platform stand-up');
    const { seriesKey, seriesMasterId } = wednesday.meeting;
    if (!seriesKey || !seriesMasterId) throw new Error('the stand-up is not an occurrence');
    expect(wednesday.meeting.isOrganizer).toBe(true);

    const series = saved(
      await save(ANA, wednesday, 'series', {
        purpose: 'Unblock each other in fifteen minutes.',
        deliverables: [deliverable('board', BEN, 'Keep the board current')],
      }),
    );
    expect(series.invite).toBe('updated');
    expect(series.record.expectations.meetingKey).toBe(seriesKey);
    const master = await t.graph(ANA.upn, 'GET', `/me/events/${seriesMasterId}?$select=body`);
    expect(sectionText(master.body.body.content as string)).toContain('Unblock each other');
    // One update, for the series: no occurrence was written on its own.
    expect((await t.outbox(seriesKey)).map((m) => [m.kind, m.iCalUId])).toEqual([
      ['update', seriesKey],
    ]);

    // Every occurrence shares the one chat, so Home's way in (by event id) opens next Monday's.
    const view = await t.graph(
      ANA.upn,
      'GET',
      `/me/calendarView?startDateTime=2026-03-16T00:00:00Z&endDateTime=2026-03-17T00:00:00Z` +
        `&$select=id,subject`,
    );
    const mondayId = (view.body.value as { id: string; subject: string }[]).find(
      (e) => e.subject === 'Platform stand-up',
    )?.id;
    if (!mondayId) throw new Error('no stand-up next Monday');
    const openMonday = async () => found(await serviceFor(ANA).openMeetingByEvent(mondayId));
    const monday = await openMonday();
    expect(monday.meeting.iCalUId).not.toBe(wednesday.meeting.iCalUId);
    expect(monday.meeting.seriesKey).toBe(seriesKey);
    expect(monday.occurrence).toBeUndefined();
    expect(monday.series?.expectations).toEqual(series.record.expectations);
    expect(Object.keys(monday.deliverables)).toEqual(['board']);
    expect(sectionText(await bodyOf(BEN, monday.meeting.iCalUId))).toContain('Unblock each other');

    const override = saved(
      await save(ANA, monday, 'occurrence', {
        purpose: 'Demo day: show what shipped.',
        deliverables: [deliverable('demo', DIVYA, 'Prepare the demo')],
      }),
    );
    expect(override.invite).toBe('updated');
    expect(override.record.expectations.seriesKey).toBe(seriesKey);

    const mondayAfter = await openMonday();
    expect(mondayAfter.occurrence?.expectations.purpose).toBe('Demo day: show what shipped.');
    expect(mondayAfter.series?.expectations.purpose).toBe('Unblock each other in fifteen minutes.');
    expect(Object.keys(mondayAfter.deliverables)).toEqual(['demo']);
    const wednesdayAfter = await open(ANA, 'Platform stand-up');
    expect(wednesdayAfter.meeting.iCalUId).toBe(wednesday.meeting.iCalUId);
    expect(wednesdayAfter.occurrence).toBeUndefined();
    expect(Object.keys(wednesdayAfter.deliverables)).toEqual(['board']);

    // Attendees see the override on Monday only; the series' text stays everywhere else.
    expect(sectionText(await bodyOf(BEN, monday.meeting.iCalUId))).toContain('Demo day');
    const bensWednesday = sectionText(await bodyOf(BEN, wednesday.meeting.iCalUId));
    expect(bensWednesday).toContain('Unblock each other');
    expect(bensWednesday).not.toContain('Demo day');
    expect((await t.outbox(monday.meeting.iCalUId)).map((m) => m.kind)).toEqual(['update']);
    expect(await updates(seriesKey)).toBe(2);
  });
});

describe('an owner’s status', () => {
  it('is saved as theirs without touching the invite, and a stale change merges or conflicts', async () => {
    const kemis = await open(KEMI, 'Lunch & learn: reading dashboards');
    const { iCalUId } = kemis.meeting;
    const purpose = 'Learn to read our dashboards.';
    const first = saved(
      await save(KEMI, kemis, 'occurrence', { purpose, deliverables: [deliverable('deck', BEN)] }),
    );
    expect(await updates(iCalUId)).toBe(1);

    const bens = await open(BEN, 'Lunch & learn: reading dashboards');
    const before = bens.deliverables.deck;
    if (!before) throw new Error('no deliverable state');
    const ben = serviceFor(BEN);
    const onTrack = await ben.setStatus({ state: before, status: 'onTrack' });
    if (onTrack.kind !== 'saved') throw new Error(JSON.stringify(onTrack));
    expect(onTrack.state.deliverable.status).toBe('onTrack');
    expect(onTrack.state.statusSetBy).toBe(BEN.id);
    expect(onTrack.state.meetingSubject).toBe('Lunch & learn: reading dashboards');
    expect(onTrack.state.version?.etag).not.toBe(before.version?.etag);
    expect(await updates(iCalUId)).toBe(1);

    // A second tab of Ben's, still showing "not started", sets another status: a real conflict.
    const stale = await ben.setStatus({ state: before, status: 'blocked', obstacle: 'No data.' });
    expect(stale.kind).toBe('conflict');
    if (stale.kind !== 'conflict') return;
    expect(stale.theirs.deliverable.status).toBe('onTrack');
    expect(stale.theirs.statusSetBy).toBe(BEN.id);
    expect((await open(KEMI, 'Lunch & learn: reading dashboards')).deliverables.deck).toEqual(
      expect.objectContaining({ deliverable: expect.objectContaining({ status: 'onTrack' }) }),
    );

    // Kemi renames it meanwhile: her title and Ben's status are different fields, so both stay.
    const renamed = saved(
      await save(
        KEMI,
        kemis,
        'occurrence',
        { purpose, deliverables: [deliverable('deck', BEN, 'Slides on reading dashboards')] },
        first.record,
      ),
    );
    expect(renamed.record.expectations.deliverables[0]?.status).toBe('notStarted');
    const afterRename = (await open(BEN, 'Lunch & learn: reading dashboards')).deliverables.deck;
    expect(afterRename?.deliverable).toEqual(
      expect.objectContaining({ title: 'Slides on reading dashboards', status: 'onTrack' }),
    );
    expect(afterRename?.statusSetBy).toBe(BEN.id);

    const merged = await ben.setStatus({ state: onTrack.state, status: 'done' });
    if (merged.kind !== 'saved') throw new Error(JSON.stringify(merged));
    expect(merged.state.deliverable).toEqual(
      expect.objectContaining({ title: 'Slides on reading dashboards', status: 'done' }),
    );
    expect(merged.state.statusSetBy).toBe(BEN.id);
    // Only Kemi's rename changed the invite; no status change did.
    expect(await updates(iCalUId)).toBe(2);
  });
});

describe('deliverables taken off a meeting', () => {
  it('are deleted from the Deliverables list, and only those', async () => {
    const data = await open(ANA, 'Ana / Ben 1:1');
    const { iCalUId } = data.meeting;
    const items = async () => {
      const filter = `fields/MeetingKey eq '${await storageKey(iCalUId)}'`;
      const res = await t.graph(
        ANA.upn,
        'GET',
        `/sites/${SITES.team.id}/lists/Deliverables/items?$expand=fields&$filter=${encodeURIComponent(filter)}`,
      );
      expect(res.status).toBe(200);
      return (res.body.value as { fields: { Payload: string } }[])
        .map((i) => (JSON.parse(i.fields.Payload) as { deliverable: Deliverable }).deliverable.id)
        .sort();
    };

    const purpose = 'Catch up and unblock Ben.';
    const first = saved(
      await save(ANA, data, 'occurrence', {
        purpose,
        deliverables: [deliverable('a', BEN), deliverable('b', BEN), deliverable('c', ANA)],
      }),
    );
    expect(await items()).toEqual(['a', 'b', 'c']);

    const second = saved(
      await save(
        ANA,
        data,
        'occurrence',
        { purpose, deliverables: [deliverable('b', BEN)] },
        first.record,
      ),
    );
    expect(await items()).toEqual(['b']);
    expect(Object.keys((await open(ANA, 'Ana / Ben 1:1')).deliverables)).toEqual(['b']);

    saved(await save(ANA, data, 'occurrence', { purpose }, second.record));
    expect(await items()).toEqual([]);
  });
});

describe('an owner’s first report on a deliverable stored without its own item', () => {
  it('creates the item, recording who set the status and the meeting', async () => {
    const data = await open(GRACE, 'Sprint planning');
    const deliverable: Deliverable = {
      id: 'older-record',
      title: 'Written before deliverables had items',
      ownerId: BEN.id,
      due: '2026-03-27',
      status: 'notStarted',
    };
    // As an older version of the app would have left it: the record only, no Deliverables item.
    const outcome = await serviceFor(BEN).setStatus({
      state: { meetingKey: data.meeting.iCalUId, deliverable, meetingSubject: 'Sprint planning' },
      status: 'onTrack',
    });
    expect(outcome.kind).toBe('saved');
    if (outcome.kind !== 'saved') return;
    expect(outcome.state.statusSetBy).toBe(BEN.id);
    expect(outcome.state.meetingSubject).toBe('Sprint planning');
    expect(outcome.state.deliverable.status).toBe('onTrack');
  });
});
