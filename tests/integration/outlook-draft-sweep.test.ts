import { describe, expect, it } from 'vitest';
import type { Expectations } from '../../src/domain/expectations/schema';
import type { MeetingExpectations, MeetingOpenResult } from '../../src/domain/ports/expectations';
import { buildSaveRequest } from '../../src/features/meeting/save-plan';
import { createGraphClient } from '../../src/graph/client';
import { graphExpectationsService } from '../../src/graph/expectations/meeting-service';
import type { HostMeeting } from '../../src/local/tenant/controls/routes';
import { PEOPLE, SITES, upnOf } from '../../src/local/tenant/seed/directory';
import { TEST_NOW } from '../support/local-tenant';
import { useTestTenant } from '../support/use-test-tenant';
import { instant } from '../../src/domain/time/instant';

/**
 * Issue 9: "a draft discarded unsent leaves no orphan record". Outlook tells an add-in neither
 * Send nor Discard, so expectations saved for a draft carry a marker (DraftOf, DraftEventId) and
 * the organizer's sweep asks their calendar: discarded → the record goes; still a draft → kept;
 * sent → kept and unmarked. Over HTTP against the local tenant, Outlook's drafts made through
 * its local-only draft endpoints.
 */

const person = (alias: string) => {
  const p = PEOPLE.find((x) => x.alias === alias);
  if (!p) throw new Error(alias);
  return { id: p.id, upn: upnOf(p) };
};
type Person = ReturnType<typeof person>;
const ANA = person('ana');
const GRACE = person('grace');

const t = useTestTenant();

const serviceFor = (who: Person) =>
  graphExpectationsService(
    createGraphClient({ baseUrl: t.url, getToken: () => t.token(who.upn), delaySeconds: 0 }),
    { siteId: SITES.team.id },
  );

const found = (result: MeetingOpenResult): MeetingExpectations => {
  if (result.kind !== 'found') throw new Error(result.message);
  return result.data;
};

const eventBody = (subject: string) => ({
  subject,
  start: { dateTime: '2026-03-12T15:00:00', timeZone: 'UTC' },
  end: { dateTime: '2026-03-12T16:00:00', timeZone: 'UTC' },
  body: { contentType: 'html', content: '<p>Notes</p>' },
  attendees: [{ type: 'required', emailAddress: { address: ANA.upn } }],
  isOnlineMeeting: true,
});

/** Outlook's side of a draft, through the local tenant's control endpoints. */
async function outlook(method: string, path: string, subject?: string) {
  const res = await fetch(`${t.url}/_local/people/${encodeURIComponent(GRACE.upn)}/drafts${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(subject === undefined ? {} : { body: JSON.stringify({ event: eventBody(subject) }) }),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  const text = await res.text();
  return (text ? JSON.parse(text) : {}) as { id: string; iCalUId: string };
}

/** Grace saves a draft in Outlook and, in the pane, expectations with a deliverable for Ana. */
async function draftWithExpectations(subject: string) {
  const draft = await outlook('POST', '', subject);
  const data = found(await serviceFor(GRACE).openMeetingByEvent(draft.id));
  expect(data.meeting.isDraft).toBe(true);
  const expectations: Expectations = {
    schemaVersion: 1,
    meetingKey: data.meeting.iCalUId,
    purpose: `Purpose of ${subject}`,
    outcome: '',
    agenda: [],
    roles: [],
    deliverables: [
      { id: 'd1', title: 'Orphan work', ownerId: ANA.id, due: '2026-03-20', status: 'notStarted' },
    ],
    successMetrics: [],
  };
  const outcome = await serviceFor(GRACE).save(
    buildSaveRequest(data, 'occurrence', undefined, expectations),
  );
  expect(outcome.kind).toBe('saved');
  return draft;
}

/** The Expectations item of a meeting as stored, read as a member through Graph. */
async function storedRecord(iCalUId: string) {
  const res = await t.graph(
    ANA.upn,
    'GET',
    `/sites/${SITES.team.id}/lists/Expectations/items?$expand=fields&$filter=${encodeURIComponent(
      `fields/MeetingKey eq '${iCalUId}'`,
    )}`,
  );
  expect(res.status).toBe(200);
  const items = res.body.value as { fields: Record<string, unknown> }[];
  expect(items.length).toBeLessThanOrEqual(1);
  return items[0]?.fields;
}

async function chatOf(who: Person, subject: string): Promise<string> {
  const res = await fetch(`${t.url}/_local/people/${encodeURIComponent(who.upn)}/meetings`);
  const meeting = ((await res.json()) as HostMeeting[]).find((m) => m.subject === subject);
  if (!meeting) throw new Error(`${who.upn} has no meeting '${subject}'`);
  return meeting.chatId;
}

describe('the organizer’s sweep of Outlook-draft records', () => {
  it('marks a draft’s record with its organizer and event, and writes no deliverable item', async () => {
    const draft = await draftWithExpectations('Marked draft');
    const fields = await storedRecord(draft.iCalUId);
    expect(fields).toMatchObject({ DraftOf: GRACE.id, DraftEventId: draft.id });
    const items = await t.graph(
      ANA.upn,
      'GET',
      `/sites/${SITES.team.id}/lists/Deliverables/items?$expand=fields&$filter=${encodeURIComponent(
        `fields/MeetingKey eq '${draft.iCalUId}'`,
      )}`,
    );
    expect(items.body.value).toEqual([]);
    await outlook('DELETE', `/${draft.id}`);
    await serviceFor(GRACE).sweepDrafts();
  });

  it('deletes the record of a draft discarded unsent, keeps a draft’s, unmarks a sent one’s', async () => {
    const discarded = await draftWithExpectations('Discarded draft');
    const kept = await draftWithExpectations('Kept draft');
    const sent = await draftWithExpectations('Sent draft');
    await outlook('DELETE', `/${discarded.id}`);
    await outlook('POST', `/${sent.id}/send`, 'Sent draft');

    // Someone else's sweep looks at their own drafts only.
    expect(await serviceFor(ANA).sweepDrafts()).toEqual({
      removed: 0,
      removedKeys: [],
      kept: 0,
      cleared: 0,
      failed: 0,
    });
    expect(await storedRecord(discarded.iCalUId)).toBeDefined();

    await t.resetRequests();
    const sweep = await serviceFor(GRACE).sweepDrafts();
    expect(sweep).toEqual({
      removed: 1,
      removedKeys: [discarded.iCalUId],
      kept: 1,
      cleared: 1,
      failed: 0,
    });
    // Bounded: who she is, the list's id, one query, then reads of the three drafts' events (and
    // the iCalUId check of the one gone), a delete and an unmark; nothing for her other meetings.
    const log = await t.requests();
    expect({ http: log.http, batched: log.batched }).toEqual({ http: 6, batched: 6 });
    expect(log.requests.filter((r) => r.path.includes('calendarView'))).toEqual([]);

    expect(await storedRecord(discarded.iCalUId)).toBeUndefined();
    expect(await storedRecord(kept.iCalUId)).toMatchObject({
      DraftOf: GRACE.id,
      DraftEventId: kept.id,
    });
    const sentFields = await storedRecord(sent.iCalUId);
    expect(sentFields?.Payload).toContain('Purpose of Sent draft');
    expect(sentFields?.DraftOf ?? '').toBe('');
    expect(sentFields?.DraftEventId ?? '').toBe('');

    // Nothing left to do: the next sweep keeps the draft and reads nothing else.
    expect(await serviceFor(GRACE).sweepDrafts()).toMatchObject({ removed: 0, kept: 1 });
    await outlook('DELETE', `/${kept.id}`);
    expect(await serviceFor(GRACE).sweepDrafts()).toMatchObject({ removed: 1, kept: 0 });
    expect(await storedRecord(kept.iCalUId)).toBeUndefined();
  });

  it('unmarks a sent meeting’s record when an attendee opens it, and creates its deliverables', async () => {
    const draft = await draftWithExpectations('Opened after sending');
    await outlook('POST', `/${draft.id}/send`, 'Opened after sending');
    const data = found(
      await serviceFor(ANA).openMeeting(
        await chatOf(ANA, 'Opened after sending'),
        instant(Date.parse(TEST_NOW)),
      ),
    );
    expect(data.occurrence?.expectations.purpose).toBe('Purpose of Opened after sending');
    expect(data.deliverables.d1?.version).toBeDefined();
    const fields = await storedRecord(draft.iCalUId);
    expect(fields?.DraftOf ?? '').toBe('');
    // The version handed to the tab is the unmarked one: saving from it is no conflict.
    expect(data.occurrence?.version.etag).toBe(
      (
        await t.graph(
          ANA.upn,
          'GET',
          `/sites/${SITES.team.id}/lists/Expectations/items/${data.occurrence?.version.itemId ?? ''}`,
        )
      ).body.eTag,
    );
    expect(await serviceFor(GRACE).sweepDrafts()).toMatchObject({ removed: 0, cleared: 0 });
  });

  it('rides out throttling and a 503 on the calendar; a failed check keeps the record', async () => {
    const draft = await draftWithExpectations('Throttled sweep');
    await outlook('DELETE', `/${draft.id}`);
    await t.addFault({
      path: '^/me/events/',
      methods: ['GET'],
      kind: 'status',
      status: 429,
      retryAfterSeconds: 0,
      times: 1,
    });
    await t.addFault({
      path: '^/me/events',
      methods: ['GET'],
      kind: 'status',
      status: 503,
      times: 1,
    });
    expect(await serviceFor(GRACE).sweepDrafts()).toMatchObject({ removed: 1, failed: 0 });
    expect(await storedRecord(draft.iCalUId)).toBeUndefined();
    const rules = (await (await fetch(`${t.url}/_local/faults`)).json()) as { applied: number }[];
    expect(rules.map((r) => r.applied)).toEqual([1, 1]);
    await t.clearFaults();

    const stuck = await draftWithExpectations('Unreachable calendar');
    await outlook('DELETE', `/${stuck.id}`);
    await t.addFault({ path: '^/me/events', methods: ['GET'], kind: 'status', status: 500 });
    expect(await serviceFor(GRACE).sweepDrafts()).toMatchObject({ removed: 0, failed: 1 });
    expect(await storedRecord(stuck.iCalUId)).toBeDefined();
    await t.clearFaults();
    expect(await serviceFor(GRACE).sweepDrafts()).toMatchObject({ removed: 1, failed: 0 });
  });
});
