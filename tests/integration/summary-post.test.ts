import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chatMarker } from '../../src/domain/chat/chat-post';
import { tokenizeHtml, visibleText } from '../../src/domain/expectations/html-tags';
import type { Deliverable, Expectations } from '../../src/domain/expectations/schema';
import type { MeetingExpectations, MeetingOpenResult } from '../../src/domain/ports/expectations';
import type { PostSummaryOutcome, StoredSummary } from '../../src/domain/ports/summaries';
import type { MeetingRef } from '../../src/domain/meetings/meeting-ref';
import { summaryFromExpectations, summaryKey } from '../../src/domain/summaries/build-summary';
import type { SummaryContent } from '../../src/domain/summaries/summary-schema';
import { instant } from '../../src/domain/time/instant';
import { attendeeNames } from '../../src/features/meeting/labels';
import { buildSaveRequest, keysFor } from '../../src/features/meeting/save-plan';
import { createGraphClient } from '../../src/graph/client';
import { graphExpectationsService } from '../../src/graph/expectations/meeting-service';
import { graphSummaryService } from '../../src/graph/summaries/summary-service';
import type { HostMeeting } from '../../src/local/tenant/controls/routes';
import { PEOPLE, SITES, upnOf } from '../../src/local/tenant/seed/directory';
import { TEST_NOW } from '../support/local-tenant';
import { useTestTenant } from '../support/use-test-tenant';

/**
 * A meeting summary over the local tenant: the record is written before the post, the message
 * lands once through dropped connections, throttling and server errors (and a person's retry),
 * an edit changes that message instead of posting another, and typed HTML stays text.
 */
const t = useTestTenant();

const person = (alias: string) => {
  const p = PEOPLE.find((x) => x.alias === alias);
  if (!p) throw new Error(alias);
  return { id: p.id, upn: upnOf(p) };
};
type Person = ReturnType<typeof person>;
const ANA = person('ana');
const BEN = person('ben');
const DIVYA = person('divya');
const GRACE = person('grace');
const NOW = instant(Date.parse(TEST_NOW));

const clientOf = (who: Person) =>
  createGraphClient({ baseUrl: t.url, getToken: () => t.token(who.upn), delaySeconds: 0 });
const noWait = { sleep: () => Promise.resolve() };
const summariesOf = (who: Person, options = {}) =>
  graphSummaryService(clientOf(who), { siteId: SITES.team.id, ...noWait, ...options });
const expectationsOf = (who: Person) =>
  graphExpectationsService(clientOf(who), { siteId: SITES.team.id });

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

const deliverable = (id: string, owner: Person, title: string, over = {}): Deliverable => ({
  id,
  title,
  ownerId: owner.id,
  due: '2026-03-20',
  status: 'onTrack',
  ...over,
});

async function saveExpectations(
  who: Person,
  data: MeetingExpectations,
  deliverables: Deliverable[],
) {
  const expectations: Expectations = {
    ...keysFor(data.meeting, 'occurrence'),
    purpose: 'Pick the sprint goal.',
    outcome: '',
    agenda: [],
    roles: [],
    deliverables,
    successMetrics: ['Everyone knows their first task'],
  };
  const outcome = await expectationsOf(who).save(
    buildSaveRequest(data, 'occurrence', undefined, expectations),
  );
  if (outcome.kind !== 'saved') throw new Error(JSON.stringify(outcome));
}

let chatId = '';
let planning: MeetingExpectations;
let prefilled: SummaryContent;

beforeAll(async () => {
  chatId = await chatOf(GRACE, 'Sprint planning');
  const opened = found(await expectationsOf(GRACE).openMeeting(chatId, NOW));
  await saveExpectations(GRACE, opened, [
    deliverable('goal', ANA, 'Write up the sprint goal'),
    deliverable('login', BEN, 'Fix the login bug', {
      status: 'blocked',
      obstacle: 'Waiting on the identity team',
    }),
  ]);
  planning = found(await expectationsOf(GRACE).openMeeting(chatId, NOW));
  const effective = planning.occurrence?.expectations;
  prefilled = summaryFromExpectations(
    effective,
    planning.deliverables,
    attendeeNames(planning.attendees),
  );
});

beforeEach(async () => {
  await t.resetRequests();
});

/** Sprint planning under a key of its own, so each test writes its own summary and message. */
const freshMeeting = (): MeetingRef => ({
  ...planning.meeting,
  iCalUId: `summary-test-${randomUUID()}`,
});

/** The chat's messages carrying the summary's marker, read straight from the tenant. */
async function copiesOf(meetingKey: string) {
  const marker = chatMarker(summaryKey(meetingKey));
  const res = await t.graph(
    GRACE.upn,
    'GET',
    `/chats/${encodeURIComponent(chatId)}/messages?$top=50`,
  );
  expect(res.status).toBe(200);
  return (res.body.value as { id: string; body: { content: string } }[]).filter((m) =>
    m.body.content.includes(marker),
  );
}

const textOf = (html: string) => visibleText(html, tokenizeHtml(html));

const posted = (outcome: PostSummaryOutcome): StoredSummary => {
  if (outcome.kind !== 'posted') throw new Error(JSON.stringify(outcome));
  return outcome.summary;
};

const requests = async () => (await t.requests()).requests;
const isPost = (r: { method: string; path: string }) =>
  r.method === 'POST' &&
  /^\/v1\.0\/chats\/[^/]+\/messages$|^\/chats\/[^/]+\/messages$/.test(r.path);

describe('posting a summary', () => {
  it('writes the record first, posts once with owners and statuses, and keeps the message id', async () => {
    const meeting = freshMeeting();
    const content = {
      ...prefilled,
      decisions: ['Ship on Friday'],
      nextSteps: ['Ana books the demo'],
    };
    const summary = posted(await summariesOf(GRACE).post({ meeting, chatId, content }));

    const log = await requests();
    const recordCreate = log.findIndex((r) => r.method === 'POST' && r.path.includes('/lists/'));
    const chatPost = log.findIndex(isPost);
    expect(recordCreate).toBeGreaterThanOrEqual(0);
    expect(chatPost).toBeGreaterThan(recordCreate);
    expect(log.filter(isPost)).toHaveLength(1);

    const [message] = await copiesOf(meeting.iCalUId);
    expect(summary.record.postedMessageId).toBe(message?.id);
    const text = textOf(message?.body.content ?? '');
    expect(text).toContain('Write up the sprint goal: Ana Ruiz, due 2026-03-20, On track');
    expect(text).toContain('Fix the login bug: Ben');
    expect(text).toContain('Blocked (Waiting on the identity team)');
    expect(text).toContain('Decisions: • Ship on Friday');

    const stored = await summariesOf(GRACE).get(meeting.iCalUId);
    expect(stored).toMatchObject({ kind: 'found', record: { postedMessageId: message?.id } });
  });

  it('lands once when the connection drops after Teams stored the message', async () => {
    await t.addFault({
      path: '^/chats/[^/]+/messages$',
      methods: ['POST'],
      kind: 'drop',
      when: 'after',
      times: 1,
    });
    const meeting = freshMeeting();
    const summary = posted(await summariesOf(GRACE).post({ meeting, chatId, content: prefilled }));
    const copies = await copiesOf(meeting.iCalUId);
    expect(copies).toHaveLength(1);
    expect(summary.record.postedMessageId).toBe(copies[0]?.id);
    expect((await requests()).filter(isPost)).toHaveLength(1);
  });

  it('finds the message on the person’s retry when the first attempt failed after posting', async () => {
    const meeting = freshMeeting();
    // The post lands, then the connection drops on every write-back of the message id: the
    // call gives up, as a tab closed at that moment would.
    await t.addFault({
      path: '^/sites/.*/items/[^/]+/fields$',
      methods: ['PATCH'],
      kind: 'drop',
      when: 'before',
      times: 20,
    });
    const failed = await summariesOf(GRACE)
      .post({ meeting, chatId, content: prefilled })
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ name: 'ChatPostError', kind: 'unavailable' });
    await t.clearFaults();
    const first = await summariesOf(GRACE).get(meeting.iCalUId);
    if (first.kind !== 'found') throw new Error('the record was not written before the post');
    expect(first.record.postedMessageId).toBeUndefined();

    const retried = await summariesOf(GRACE).post({
      meeting,
      chatId,
      content: prefilled,
      base: first,
    });
    expect(retried).toMatchObject({ kind: 'posted', message: 'updated' });
    const copies = await copiesOf(meeting.iCalUId);
    expect(copies).toHaveLength(1);
    expect(posted(retried).record.postedMessageId).toBe(copies[0]?.id);
    expect((await requests()).filter(isPost)).toHaveLength(1);
  });

  it('posts exactly once through 20% mixed 429, 503 and dropped connections', async () => {
    const faults = [
      { kind: 'status', status: 429, retryAfterSeconds: 0, when: 'after', rate: 0.07 },
      { kind: 'drop', when: 'after', rate: 0.07 },
      { kind: 'status', status: 503, when: 'before', rate: 0.07 },
    ] as const;
    for (const f of faults) await t.addFault({ path: '^/(chats|sites)/', ...f });
    const service = summariesOf(GRACE, { maxPosts: 8 });
    const meetings = Array.from({ length: 10 }, freshMeeting);
    for (const meeting of meetings) {
      // As a person would: after an error, open the summary again and post again.
      let outcome: PostSummaryOutcome | undefined;
      for (let attempt = 0; attempt < 6 && outcome?.kind !== 'posted'; attempt++) {
        const read = await service.get(meeting.iCalUId).catch(() => undefined);
        const base = read?.kind === 'found' ? read : undefined;
        outcome = await service
          .post({ meeting, chatId, content: prefilled, ...(base ? { base } : {}) })
          .catch(() => undefined);
      }
      expect(outcome?.kind).toBe('posted');
    }
    const rules = (await (await fetch(`${t.url}/_local/faults`)).json()) as { applied: number }[];
    expect(rules.map((r) => r.applied > 0)).toEqual([true, true, true]);
    await t.clearFaults();
    for (const meeting of meetings) {
      const copies = await copiesOf(meeting.iCalUId);
      expect(copies).toHaveLength(1);
      const stored = await service.get(meeting.iCalUId);
      expect(stored).toMatchObject({ kind: 'found', record: { postedMessageId: copies[0]?.id } });
    }
  });
});

describe('editing a summary', () => {
  it('updates the record and the same message, and posts nothing new', async () => {
    const meeting = freshMeeting();
    const service = summariesOf(GRACE);
    const first = posted(await service.post({ meeting, chatId, content: prefilled }));
    await t.resetRequests();

    const edited = await service.post({
      meeting,
      chatId,
      content: { ...prefilled, decisions: ['Move the release to Monday'] },
      base: first,
    });
    expect(edited).toMatchObject({ kind: 'posted', message: 'updated' });
    const copies = await copiesOf(meeting.iCalUId);
    expect(copies).toHaveLength(1);
    expect(copies[0]?.id).toBe(first.record.postedMessageId);
    expect(textOf(copies[0]?.body.content ?? '')).toContain('Move the release to Monday');
    const log = await requests();
    expect(log.filter(isPost)).toHaveLength(0);
    expect(log.some((r) => r.method === 'PATCH' && r.path.includes('/messages/'))).toBe(true);
    const stored = await service.get(meeting.iCalUId);
    expect(stored).toMatchObject({
      kind: 'found',
      record: { content: { decisions: ['Move the release to Monday'] } },
    });
  });

  it('is a conflict, touching nothing, when someone else changed the summary since it was read', async () => {
    const meeting = freshMeeting();
    const first = posted(await summariesOf(GRACE).post({ meeting, chatId, content: prefilled }));
    posted(
      await summariesOf(GRACE).post({
        meeting,
        chatId,
        content: { ...prefilled, decisions: ['Theirs'] },
        base: first,
      }),
    );
    const stale = await summariesOf(GRACE).post({
      meeting,
      chatId,
      content: { ...prefilled, decisions: ['Mine'] },
      base: first,
    });
    expect(stale).toMatchObject({ kind: 'conflict', current: { kind: 'found' } });
    const [message] = await copiesOf(meeting.iCalUId);
    expect(textOf(message?.body.content ?? '')).toContain('Theirs');
  });

  it('refuses an edit of the message by someone who did not post it', async () => {
    const meeting = freshMeeting();
    const first = posted(await summariesOf(GRACE).post({ meeting, chatId, content: prefilled }));
    const res = await t.graph(
      ANA.upn,
      'PATCH',
      `/chats/${encodeURIComponent(chatId)}/messages/${first.record.postedMessageId ?? ''}`,
      { body: { contentType: 'html', content: '<p>hijacked</p>' } },
    );
    expect(res.status).toBe(403);
  });
});

describe('user text', () => {
  it('arrives in the chat as escaped text, never as markup', async () => {
    const meeting = freshMeeting();
    const typed = '<script>alert("x")</script><img src=x onerror=alert(1)> & "q"';
    posted(
      await summariesOf(GRACE).post({
        meeting,
        chatId,
        content: { ...prefilled, decisions: [typed] },
      }),
    );
    const [message] = await copiesOf(meeting.iCalUId);
    const html = message?.body.content ?? '';
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(textOf(html)).toContain(typed);
  });

  it('is refused over the limits, with the field named, and nothing is written', async () => {
    const meeting = freshMeeting();
    const outcome = await summariesOf(GRACE).post({
      meeting,
      chatId,
      content: { ...prefilled, decisions: ['x'.repeat(301)] },
    });
    expect(outcome).toMatchObject({
      kind: 'invalid',
      errors: { 'decisions.0': [expect.stringMatching(/A decision can be at most 300/)] },
    });
    expect(await summariesOf(GRACE).get(meeting.iCalUId)).toEqual({ kind: 'missing' });
  });
});

describe('from last time', () => {
  it('gives the next occurrence the last occurrence’s deliverables with their live status', async () => {
    const standupChat = await chatOf(ANA, 'Platform stand-up');
    const wednesday = found(await expectationsOf(ANA).openMeeting(standupChat, NOW));
    expect(wednesday.meeting.seriesKey).toBeDefined();
    await saveExpectations(ANA, wednesday, [
      deliverable('board', BEN, 'Keep the board current'),
      deliverable('runbook', DIVYA, 'Write the runbook', { status: 'notStarted' }),
    ]);
    const view = await t.graph(
      ANA.upn,
      'GET',
      `/me/calendarView?startDateTime=2026-03-16T00:00:00Z&endDateTime=2026-03-17T00:00:00Z&$select=id,subject`,
    );
    const mondayId = (view.body.value as { id: string; subject: string }[]).find(
      (e) => e.subject === 'Platform stand-up',
    )?.id;
    if (!mondayId) throw new Error('no stand-up next Monday');
    const monday = found(await expectationsOf(ANA).openMeetingByEvent(mondayId));

    const last = await summariesOf(BEN).lastOccurrence(monday.meeting);
    expect(last?.meetingKey).toBe(wednesday.meeting.iCalUId);
    expect(
      last?.deliverables.map((d) => [
        d.deliverable.title,
        d.deliverable.ownerId,
        d.deliverable.status,
      ]),
    ).toEqual([
      ['Keep the board current', BEN.id, 'onTrack'],
      ['Write the runbook', DIVYA.id, 'notStarted'],
    ]);
    // Wednesday itself has no earlier occurrence with deliverables of its own.
    expect(await summariesOf(ANA).lastOccurrence(wednesday.meeting)).toBeUndefined();
  });
});
