import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTenant, type TestTenant } from '../support/local-tenant';
import { PEOPLE, upnOf } from '../../src/local/tenant/seed/directory';

/**
 * The local tenant's drafts for the local Outlook compose host (issue 9): Outlook's saveAsync
 * puts an unsent meeting in the organizer's calendar only; Send reaches the attendees; a draft
 * discarded unsent leaves nothing anywhere and mails no one.
 */
const grace = upnOf(PEOPLE.find((p) => p.alias === 'grace')!);
const ana = upnOf(PEOPLE.find((p) => p.alias === 'ana')!);
let t: TestTenant;

beforeAll(async () => {
  t = await startTestTenant();
});
afterAll(async () => {
  await t.stop();
});

const event = (subject: string) => ({
  subject,
  start: { dateTime: '2026-03-12T15:00:00', timeZone: 'UTC' },
  end: { dateTime: '2026-03-12T16:00:00', timeZone: 'UTC' },
  body: { contentType: 'html', content: '<p>Notes</p>' },
  attendees: [{ type: 'required', emailAddress: { address: ana } }],
  isOnlineMeeting: true,
});

async function control(method: string, path: string, body?: unknown) {
  const res = await fetch(`${t.url}/_local/people/${encodeURIComponent(grace)}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, any>) : {} };
}

const copiesOf = async (upn: string, iCalUId: string) =>
  (await t.graph(upn, 'GET', `/me/events?$filter=${encodeURIComponent(`iCalUId eq '${iCalUId}'`)}`))
    .body.value as Record<string, any>[];

describe('Outlook drafts on the local tenant', () => {
  it('keeps a saved draft in the organizer’s calendar only, then sends it once', async () => {
    const created = await control('POST', '/drafts', { event: event('Draft review') });
    expect(created.status).toBe(201);
    const { id, iCalUId } = created.body as { id: string; iCalUId: string };
    const own = await t.graph(grace, 'GET', `/me/events/${id}?$select=isDraft,subject`);
    expect(own.body.isDraft).toBe(true);
    expect(await copiesOf(ana, iCalUId)).toHaveLength(0);
    expect(await t.outbox(iCalUId)).toHaveLength(0);

    expect(
      (await control('PATCH', `/drafts/${id}`, { event: event('Draft review 2') })).status,
    ).toBe(200);
    expect(await copiesOf(ana, iCalUId)).toHaveLength(0);
    expect(await t.outbox(iCalUId)).toHaveLength(0);

    const sent = await control('POST', `/drafts/${id}/send`, { event: event('Sent review') });
    expect(sent.status).toBe(200);
    expect(sent.body.isDraft).toBe(false);
    const copies = await copiesOf(ana, iCalUId);
    expect(copies.map((c) => c.subject)).toEqual(['Sent review']);
    expect((await t.outbox(iCalUId)).map((m) => m.kind)).toEqual(['request']);
    // A Teams meeting gets its chat when it is sent.
    const meetings = (await (
      await fetch(`${t.url}/_local/people/${encodeURIComponent(ana)}/meetings`)
    ).json()) as { iCalUId: string }[];
    expect(meetings.some((m) => m.iCalUId === iCalUId)).toBe(true);

    // A sent meeting cannot be discarded; saved changes reach attendees only when sent.
    expect((await control('DELETE', `/drafts/${id}`)).status).toBe(400);
    expect((await control('PATCH', `/drafts/${id}`, { event: event('Renamed') })).status).toBe(200);
    expect((await copiesOf(ana, iCalUId)).map((c) => c.subject)).toEqual(['Sent review']);
    expect((await control('POST', `/drafts/${id}/send`, { event: event('Renamed') })).status).toBe(
      200,
    );
    expect((await copiesOf(ana, iCalUId)).map((c) => c.subject)).toEqual(['Renamed']);
    expect((await t.outbox(iCalUId)).map((m) => m.kind)).toEqual(['request', 'update']);
  });

  it('discards a draft never sent without mailing anyone', async () => {
    const { body } = await control('POST', '/drafts', { event: event('Never sent') });
    expect((await control('DELETE', `/drafts/${String(body.id)}`)).status).toBe(204);
    expect((await t.graph(grace, 'GET', `/me/events/${String(body.id)}`)).status).toBe(404);
    expect(await t.outbox(String(body.iCalUId))).toHaveLength(0);
  });
});
