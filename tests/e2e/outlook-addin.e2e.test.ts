/**
 * The Outlook add-in's task pane (addin.html) in Chromium through the local Outlook compose host
 * (outlook-host.html): the real office.js loads from the app's origin in both pages and reaches
 * `Office.onReady` outside Office; the pane reads the meeting through the AppointmentCompose port
 * (the Office.js adapter over the host's stand-in mailbox), writes Rapport's section into the
 * invite keeping the organizer's text, and "Send" puts the event in every attendee's calendar on
 * the local tenant. axe finds nothing on the host page and the pane.
 */
import type { FrameLocator, Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, useHostStack } from '../support/host-pages';

const OFFICE_TELEMETRY_HOST = 'telemetryservice.firstpartyapps.oaspapps.com';

const ORGANIZER_TEXT =
  '<p>Grace’s own notes: bring the Q3 numbers.</p><p>Rapport · meeting expectations (not a section, just words)</p>';

describe('the Outlook add-in through the local compose host', { timeout: 120_000 }, () => {
  const env = useHostStack();

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
    const officeJs = requests.filter((u) => u.includes('office.js'));
    expect(officeJs.length).toBeGreaterThanOrEqual(2); // the host page's and the pane's
    for (const url of officeJs) expect(url).toBe(`${env.stack.appUrl}/office/office.js`);
    // Nothing else leaves the machine but office.js's own telemetry frame (its ULS logger frames
    // telemetryservice.firstpartyapps.oaspapps.com a few seconds in; no network here).
    const elsewhere = requests.filter(
      (u) => !u.startsWith(env.stack.appUrl) && !u.startsWith(env.stack.tenant.url),
    );
    for (const url of elsewhere) expect(new URL(url).host).toBe(OFFICE_TELEMETRY_HOST);
    await page.close();
  });

  it('writes the section into the invite, keeps the organizer’s text, and sends it to the attendees', async () => {
    const { page, pane } = await openCompose();
    await pane.getByTestId('compose-subject').waitFor({ timeout: 60_000 });

    // Bad input: no purpose is refused in the pane, and the body is left alone.
    await pane.getByRole('button', { name: 'Add to the invite' }).click();
    await expect.poll(() => pane.getByText('The purpose').first().isVisible()).toBe(true);
    expect(await page.getByLabel('Invite body (HTML)').inputValue()).toBe(ORGANIZER_TEXT);

    await pane.getByLabel('Purpose').fill('Agree the <Q4> plan & owners.');
    for (let i = 0; i < 2; i++) {
      await pane.getByRole('button', { name: 'Add to the invite' }).click();
      await pane.getByText('Added to the invite.').waitFor();
    }
    const body = await page.getByLabel('Invite body (HTML)').inputValue();
    expect(body).toContain(ORGANIZER_TEXT);
    expect(body).toContain('Agree the &lt;Q4&gt; plan &amp; owners.');
    // Twice saved, one section.
    expect(body.split('Purpose</h4>').length - 1).toBe(1);

    await expectAccessible(page);

    await page.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(() => page.locator('#send-status').textContent(), { timeout: 30_000 })
      .toMatch(/^Sent\./);
    const iCalUId = await page.locator('#send-status').getAttribute('data-icaluid');
    expect(iCalUId).toBeTruthy();

    // Ana's own copy carries the section and Grace's words.
    const copies = await env.stack.tenant.graph(
      'ana@rapportdemo.onmicrosoft.com',
      'GET',
      `/me/events?$filter=${encodeURIComponent(`iCalUId eq '${iCalUId!}'`)}`,
    );
    expect(copies.status, JSON.stringify(copies.body)).toBe(200);
    expect(copies.body.value).toHaveLength(1);
    const copy = copies.body.value[0];
    expect(copy.subject).toBe('Quarterly review');
    expect(copy.body.content).toContain('Agree the &lt;Q4&gt; plan &amp; owners.');
    expect(copy.body.content).toContain('Grace’s own notes: bring the Q3 numbers.');
    expect(env.browser.errors).toEqual([]);
    await page.close();
  });
});
