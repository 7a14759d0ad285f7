import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostMeeting } from '../../src/local/tenant/controls/routes';
import { PEOPLE, upnOf } from '../../src/local/tenant/seed/directory';
import { startTestTenant, type TestTenant } from '../support/local-tenant';
import { checkAgainstCsdl } from './support/csdl';

/**
 * Update chatMessage (`PATCH /chats/{id}/messages/{id}`) on the local tenant, as Graph documents
 * it: 204 with no body, Chat.ReadWrite as the least privileged delegated permission, the sender
 * only; the message read back is still a valid `chatMessage` with its edit times set.
 */
const upn = (alias: string) => {
  const p = PEOPLE.find((x) => x.alias === alias);
  if (!p) throw new Error(alias);
  return upnOf(p);
};
const GRACE = upn('grace');
const ANA = upn('ana');

let t: TestTenant;
let chatPath = '';

async function call(user: string, scopes: string[], method: string, path: string, body?: unknown) {
  const res = await fetch(`${t.url}/v1.0${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${await t.token(user, scopes)}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

beforeAll(async () => {
  t = await startTestTenant();
  const res = await fetch(`${t.url}/_local/people/${GRACE}/meetings`);
  const planning = ((await res.json()) as HostMeeting[]).find(
    (m) => m.subject === 'Sprint planning',
  );
  if (!planning) throw new Error('no Sprint planning');
  chatPath = `/chats/${encodeURIComponent(planning.chatId)}/messages`;
});
afterAll(async () => {
  await t.stop();
});

describe('PATCH /chats/{id}/messages/{id}', () => {
  it('changes the sender’s message body: 204, and the message reads back edited', async () => {
    const sent = await t.graph(GRACE, 'POST', chatPath, {
      body: { contentType: 'html', content: '<p>First words</p>' },
    });
    expect(sent.status).toBe(201);
    const id = sent.body.id as string;
    const patched = await call(GRACE, ['Chat.ReadWrite'], 'PATCH', `${chatPath}/${id}`, {
      body: { contentType: 'html', content: '<p>Second words</p>' },
    });
    expect(patched).toEqual({ status: 204, text: '' });
    const read = await t.graph(GRACE, 'GET', `${chatPath}/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.body).toEqual({ contentType: 'html', content: '<p>Second words</p>' });
    expect(read.body.lastEditedDateTime).toEqual(expect.any(String));
    expect(checkAgainstCsdl('chatMessage', read.body)).toEqual([]);
  });

  it('needs Chat.ReadWrite, is the sender’s only, and wants a body', async () => {
    const sent = await t.graph(GRACE, 'POST', chatPath, { body: { content: 'Mine' } });
    const path = `${chatPath}/${sent.body.id as string}`;
    const change = { body: { contentType: 'text', content: 'Changed' } };
    expect(
      (await call(GRACE, ['ChatMessage.Send', 'Chat.Read'], 'PATCH', path, change)).status,
    ).toBe(403);
    expect((await call(ANA, ['Chat.ReadWrite'], 'PATCH', path, change)).status).toBe(403);
    expect((await call(GRACE, ['Chat.ReadWrite'], 'PATCH', path, {})).status).toBe(400);
    expect((await call(GRACE, ['Chat.ReadWrite'], 'PATCH', `${chatPath}/1`, change)).status).toBe(
      404,
    );
  });
});
