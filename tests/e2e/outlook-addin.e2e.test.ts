/**
 * The Outlook add-in's task pane (addin.html) in Chromium through the local Outlook compose host
 * (outlook-host.html): the real office.js loads from the app's origin in both pages and reaches
 * `Office.onReady` outside Office; the pane reads the meeting through the AppointmentCompose port
 * (the Office.js adapter over the host's stand-in mailbox), signs in through the host's nested app
 * auth bridge, saves the meeting as a draft, stores expectations with the meeting tab's editor and
 * writes Rapport's section into the invite keeping the organizer's text; "Send" puts the event in
 * every attendee's calendar on the local tenant, where the Teams meeting tab shows the same
 * expectations. axe finds nothing on the host page and the pane.
 */
import type { FrameLocator, Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SITES } from '../../src/local/tenant/seed/directory';
import { relayFeedback } from '../../src/relay-client/relay-feedback';
import { expectAccessible, openSurface, useHostStack } from '../support/host-pages';

const OFFICE_TELEMETRY_HOST = 'telemetryservice.firstpartyapps.oaspapps.com';

const ORGANIZER_TEXT =
  '<p>Grace’s own notes: bring the Q3 numbers.</p><p>Rapport · meeting expectations (not a section, just words)</p><p>— end of Rapport meeting expectations — (not the end, just words)</p>';
const PURPOSE = 'Agree the <Q4> plan & owners.';
const DELIVERABLE = 'Draft the <b>release</b> notes';

/** A refetch after a save greys Refresh out for a moment; axe checks the pane at rest. */
async function atRest(pane: FrameLocator): Promise<void> {
  const refresh = pane.getByRole('button', { name: 'Refresh' });
  await refresh.waitFor({ timeout: 60_000 });
  await expect
    .poll(() => refresh.getAttribute('aria-disabled'), { timeout: 60_000 })
    .not.toBe('true');
}

/** A field by its label, with or without the required mark Fluent adds ("Purpose*"). */
const label = (name: string) => new RegExp(`^${name}\\s*\\*?$`);

describe('the Outlook add-in through the local compose host', { timeout: 120_000 }, () => {
  const env = useHostStack();

  async function attendeeCopies(iCalUId: string) {
    const res = await env.stack.tenant.graph(
      'ana@rapportdemo.onmicrosoft.com',
      'GET',
      `/me/events?$filter=${encodeURIComponent(`iCalUId eq '${iCalUId}'`)}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.value as { subject: string; body: { content: string } }[];
  }

  /** A team-site list's items for one meeting, as any member reads them through Graph. */
  async function listItemsFor(list: 'Expectations' | 'Deliverables', meetingKey: string) {
    const res = await env.stack.tenant.graph(
      'ana@rapportdemo.onmicrosoft.com',
      'GET',
      `/sites/${SITES.team.id}/lists/${list}/items?$expand=fields&$filter=${encodeURIComponent(
        `fields/MeetingKey eq '${meetingKey}'`,
      )}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.value as { fields: Record<string, unknown> }[];
  }

  async function openCompose(): Promise<{ page: Page; pane: FrameLocator; requests: string[] }> {
    const { browser, stack } = env;
    const page = await browser.context.newPage();
    const requests: string[] = [];
    page.on('request', (r: Request) => requests.push(r.url()));
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const query = new URLSearchParams({
      person: 'grace',
      subject: 'Quarterly review',
      required: 'ana@rapportdemo.onmicrosoft.com, ben@rapportdemo.onmicrosoft.com',
      optional: 'divya@rapportdemo.onmicrosoft.com',
      body: ORGANIZER_TEXT,
    });
    await page.goto(`${stack.appUrl}/outlook-host.html?${query.toString()}`);
    return { page, pane: page.frameLocator('iframe[title="Rapport task pane"]'), requests };
  }

  it('loads office.js from the app’s origin, reaches Office.onReady and reads the meeting', async () => {
    const { page, pane, requests } = await openCompose();
    await expect
      .poll(() => pane.getByTestId('compose-subject').textContent(), { timeout: 60_000 })
      .toBe('Quarterly review');
    await expect.poll(() => pane.getByText('Ana Ruiz, Ben Okafor, Divya Nair').count()).toBe(1);

    // The pane's own office.js: onReady resolves outside Office (no host), and no CDN was asked.
    const frame = page.frames().find((f) => f.url().endsWith('/addin.html'));
    expect(frame).toBeDefined();
    const info = await frame!.evaluate(async () => {
      const office = (window as unknown as { Office: typeof Office }).Office;
      const ready = await office.onReady();
      return { host: ready.host, succeeded: office.AsyncResultStatus.Succeeded };
    });
    expect(info).toEqual({ host: null, succeeded: 'succeeded' });
    // The pane's copy may come from the browser's memory cache (no request event), so its own
    // script list says where it loaded office.js from.
    const paneScripts = await frame!.evaluate(() =>
      Array.from(document.scripts, (script) => script.src).filter((src) =>
        src.includes('office.js'),
      ),
    );
    expect(paneScripts).toEqual([`${env.stack.appUrl}/office/office.js`]);
    const officeJs = requests.filter((u) => u.includes('office.js'));
    expect(officeJs.length).toBeGreaterThanOrEqual(1);
    for (const url of officeJs) expect(url).toBe(`${env.stack.appUrl}/office/office.js`);
    // Nothing else leaves the machine but office.js's own telemetry frame (its ULS logger frames
    // telemetryservice.firstpartyapps.oaspapps.com a few seconds in; no network here).
    const elsewhere = requests.filter(
      (u) => !u.startsWith(env.stack.appUrl) && !u.startsWith(env.stack.tenant.url),
    );
    for (const url of elsewhere) expect(new URL(url).host).toBe(OFFICE_TELEMETRY_HOST);
    await page.close();
  });

  it('adds expectations while composing, sends them with the invite and shows them in Teams', async () => {
    const { page, pane } = await openCompose();
    await pane.getByTestId('compose-subject').waitFor({ timeout: 60_000 });

    // Nothing is stored before Outlook saved the item; saving makes a draft only Grace has.
    await pane.getByRole('button', { name: 'Save the meeting and add expectations' }).click();
    await pane.getByRole('heading', { name: 'Add expectations' }).waitFor({ timeout: 60_000 });
    const draftId = await page.locator('#item-id').textContent();
    expect(draftId).toMatch(/^AAMk/);
    const draft = await env.stack.tenant.graph(
      'grace@rapportdemo.onmicrosoft.com',
      'GET',
      `/me/events/${draftId!}?$select=isDraft,iCalUId`,
    );
    expect(draft.body.isDraft).toBe(true);
    const iCalUId = draft.body.iCalUId as string;
    expect(await attendeeCopies(iCalUId)).toHaveLength(0);

    // Bad input: an over-long purpose (past the field's own limit, as a script could) is refused with the
    // editor's message; what was typed stays, and the invite is left alone.
    const purpose = pane.getByLabel(label('Purpose'));
    const tooLong = 'A'.repeat(301);
    await purpose.evaluate((el) => {
      el.removeAttribute('maxlength');
    });
    await purpose.fill(tooLong);
    await pane.getByRole('button', { name: 'Save expectations' }).click();
    await pane.getByText('Fix these before saving').waitFor();
    await expect
      .poll(() => pane.getByRole('alert').filter({ hasText: 'Fix these before' }).innerText())
      .toMatch(/300/);
    expect(await purpose.inputValue()).toBe(tooLong);
    expect(await page.getByLabel('Invite body (HTML)').inputValue()).toBe(ORGANIZER_TEXT);

    await purpose.fill(PURPOSE);
    await pane.getByRole('button', { name: 'Add deliverable' }).click();
    const deliverable = pane.getByRole('group', { name: 'Deliverable 1' });
    await deliverable.getByLabel(label('Deliverable title')).fill(DELIVERABLE);
    await deliverable.getByLabel(label('Owner')).selectOption({ label: 'Ana Ruiz' });
    await deliverable.getByLabel(label('Due date')).fill('2026-03-20');
    await pane.getByRole('button', { name: 'Save expectations' }).click();
    await pane
      .getByText('Written into the invite you are composing', { exact: false })
      .waitFor({ timeout: 60_000 });
    const body = await page.getByLabel('Invite body (HTML)').inputValue();
    expect(body).toContain(ORGANIZER_TEXT);
    expect(body).toContain('Agree the &lt;Q4&gt; plan &amp; owners.');
    expect(body.split('Purpose</h4>').length - 1).toBe(1);
    // Still a draft: nobody has it yet.
    expect(await attendeeCopies(iCalUId)).toHaveLength(0);

    // The feedback poll, through the meeting tab's own poll editor.
    await pane.getByRole('button', { name: 'Add feedback poll' }).click();
    await pane.getByRole('button', { name: 'Add poll', exact: true }).click();
    await pane.getByText('0 people have answered').waitFor({ timeout: 60_000 });

    await atRest(pane);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(() => page.locator('#send-status').textContent(), { timeout: 30_000 })
      .toMatch(/^Sent\./);
    expect(await page.locator('#send-status').getAttribute('data-icaluid')).toBe(iCalUId);

    // Ana's own copy carries the section and Grace's words, the boundary look-alikes included.
    const copies = await attendeeCopies(iCalUId);
    expect(copies).toHaveLength(1);
    const copy = copies[0]!;
    expect(copy.subject).toBe('Quarterly review');
    expect(copy.body.content).toContain('Agree the &lt;Q4&gt; plan &amp; owners.');
    expect(copy.body.content).toContain('Draft the &lt;b&gt;release&lt;/b&gt; notes');
    expect(copy.body.content).toContain('Grace’s own notes: bring the Q3 numbers.');
    expect(copy.body.content).toContain('not the end, just words');

    // Ana's meeting tab in Teams reads the same record.
    const meetings = (await (
      await fetch(`${env.stack.tenant.url}/_local/people/ana@rapportdemo.onmicrosoft.com/meetings`)
    ).json()) as { chatId: string; iCalUId: string }[];
    const chatId = meetings.find((m) => m.iCalUId === iCalUId)?.chatId;
    expect(chatId).toBeTruthy();
    const teams = await env.browser.context.newPage();
    await teams.goto(
      `${env.stack.appUrl}/host.html?person=ana&surface=details&meeting=${encodeURIComponent(chatId!)}`,
    );
    const tab = teams.frameLocator('iframe.details-frame');
    await tab.getByText(PURPOSE).waitFor({ timeout: 60_000 });
    await tab.getByText(DELIVERABLE).waitFor();
    await tab.getByText('How valuable was this meeting?').waitFor({ timeout: 60_000 });
    await teams.close();
    // Opened once sent, the record is no longer marked as a draft's: no sweep will touch it.
    const record = await listItemsFor('Expectations', iCalUId);
    expect(record).toHaveLength(1);
    expect(record[0]?.fields.DraftOf ?? '').toBe('');
    // Saved while a draft, the deliverable got its own item once the meeting was sent and opened:
    // Ana's Home lists it among hers.
    const home = await openSurface(env.browser, env.stack.appUrl, 'ana', 'personal');
    await home.tab.getByText(DELIVERABLE).waitFor({ timeout: 60_000 });
    await home.page.close();

    // Grace opens the sent meeting again: the pane shows what is stored.
    const again = await env.browser.context.newPage();
    await again.goto(
      `${env.stack.appUrl}/outlook-host.html?person=grace&item=${encodeURIComponent(draftId!)}`,
    );
    const paneAgain = again.frameLocator('iframe[title="Rapport task pane"]');
    await paneAgain.getByText(PURPOSE).waitFor({ timeout: 60_000 });
    await paneAgain.getByText(DELIVERABLE).waitFor();
    await atRest(paneAgain);
    await expectAccessible(again);
    await again.close();

    expect(env.browser.errors).toEqual([]);
    await page.close();
  });

  it('discards a saved draft unsent: the meeting is gone, no one was invited, no deliverable is left, and the next pane removes its expectations and closes its poll', async () => {
    const { page, pane } = await openCompose();
    await pane.getByRole('button', { name: 'Save the meeting and add expectations' }).click({
      timeout: 60_000,
    });
    await pane.getByRole('heading', { name: 'Add expectations' }).waitFor({ timeout: 60_000 });
    const draftId = await page.locator('#item-id').textContent();
    const { body: draft } = await env.stack.tenant.graph(
      'grace@rapportdemo.onmicrosoft.com',
      'GET',
      `/me/events/${draftId!}?$select=iCalUId`,
    );
    await pane.getByLabel(label('Purpose')).fill('Never sent.');
    await pane.getByRole('button', { name: 'Add deliverable' }).click();
    const deliverable = pane.getByRole('group', { name: 'Deliverable 1' });
    await deliverable.getByLabel(label('Deliverable title')).fill('Orphan work');
    await deliverable.getByLabel(label('Owner')).selectOption({ label: 'Ana Ruiz' });
    await deliverable.getByLabel(label('Due date')).fill('2026-03-20');
    await pane.getByRole('button', { name: 'Save expectations' }).click();
    await pane
      .getByText('Written into the invite you are composing', { exact: false })
      .waitFor({ timeout: 60_000 });
    await pane.getByRole('button', { name: 'Add feedback poll' }).click();
    await pane.getByRole('button', { name: 'Add poll', exact: true }).click();
    await pane.getByText('0 people have answered').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => page.locator('#send-status').textContent()).toMatch(/^Discarded\./);
    const gone = await env.stack.tenant.graph(
      'grace@rapportdemo.onmicrosoft.com',
      'GET',
      `/me/events/${draftId!}`,
    );
    expect(gone.status).toBe(404);
    expect(await attendeeCopies(draft.iCalUId as string)).toHaveLength(0);
    expect(await env.stack.tenant.outbox(draft.iCalUId as string)).toHaveLength(0);
    // No deliverable item was written for the draft, so no owner's Home lists work from it.
    expect(await listItemsFor('Deliverables', draft.iCalUId as string)).toEqual([]);
    // The expectations record stays until Grace's client learns the draft is gone: Outlook tells
    // no add-in about Discard. The next pane she opens sweeps it away.
    const records = () => listItemsFor('Expectations', draft.iCalUId as string);
    const [orphan] = await records();
    expect(orphan?.fields).toMatchObject({ DraftEventId: draftId });
    await page.close();

    const { page: next, pane: nextPane } = await openCompose();
    await nextPane
      .getByRole('button', { name: 'Save the meeting and add expectations' })
      .waitFor({ timeout: 60_000 });
    await expect.poll(records, { timeout: 30_000 }).toEqual([]);
    // The relay lets a poll's creator close it, not delete it: closed, it takes no answers.
    const graceRelay = relayFeedback({
      baseUrl: env.stack.relayUrl,
      getToken: () =>
        env.stack.tenant.token('grace@rapportdemo.onmicrosoft.com', undefined, 'relay'),
    });
    await expect
      .poll(
        async () => (await graceRelay.pollsFor([draft.iCalUId as string])).map((p) => p.status),
        { timeout: 30_000 },
      )
      .toEqual(['closed']);
    expect(env.browser.errors).toEqual([]);
    await next.close();
  });
});
