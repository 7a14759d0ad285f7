import { describe, expect, it } from 'vitest';
import type { Deliverable } from '../../src/domain/expectations/schema';
import { createGraphClient } from '../../src/graph/client';
import { expectationsRepository } from '../../src/graph/expectations/expectations-repository';
import { PEOPLE, SITES, upnOf } from '../../src/local/tenant/seed/directory';
import { expectAccessible, openSurface, openTeamTab, useHostStack } from '../support/host-pages';

/**
 * Commitments and help through the local Teams host: a lead lists a mentor, an owner who is
 * blocked asks that mentor from Home, and the team view counts it without naming anyone.
 */
const host = useHostStack();

const person = (alias: string) => {
  const found = PEOPLE.find((p) => p.alias === alias);
  if (!found) throw new Error(`the seed has no ${alias}`);
  return found;
};
const BEN = person('ben');
const GRACE = person('grace');
const DIVYA = person('divya');
const fullName = (p: { givenName: string; surname: string }) => `${p.givenName} ${p.surname}`;
const NOTE = '<script>alert("x")</script> Waiting on access to the staging <b>cluster</b>';
const TITLE = 'Security <b>sign-off</b> & "notes"';

/** A deliverable Ben owns, as Grace's expectations save would have stored it. */
async function seedDeliverable() {
  const client = createGraphClient({
    baseUrl: host.stack.tenant.url,
    getToken: () => host.stack.tenant.token(upnOf(GRACE)),
    delaySeconds: 0,
  });
  const deliverable = {
    id: 'd-security',
    title: TITLE,
    ownerId: BEN.id,
    due: '2026-03-20',
    status: 'onTrack',
  } as Deliverable;
  const [result] = await expectationsRepository(client, {
    siteId: SITES.team.id,
  }).upsertDeliverables('e2e-sprint-planning', [deliverable], {
    meetingSubject: 'Sprint planning',
  });
  expect(result?.kind).toBe('saved');
}

describe('commitments and help', () => {
  it('a blocked owner asks a mentor from Home; the team view counts it and names no one', async () => {
    await seedDeliverable();
    // Both pages load side by side; the help dialog reads the routes again when it opens.
    const [lead, owner] = await Promise.all([
      openTeamTab(host.browser, host.stack.appUrl, 'grace'),
      openSurface(host.browser, host.stack.appUrl, 'ben', 'personal'),
    ]);

    // The lead lists a mentor in the channel tab.
    await lead.tab.getByRole('button', { name: 'Edit resources and help routes' }).click();
    await lead.tab.getByRole('button', { name: 'Add a mentor or expert' }).click();
    const mentor = lead.tab.getByRole('group', { name: 'Mentor or expert 1' });
    await mentor.getByRole('textbox', { name: 'Topic' }).fill('Security reviews');
    await mentor.getByRole('textbox', { name: 'Name' }).fill('Divya Rao');
    await mentor
      .getByRole('textbox', { name: 'Sign-in address' })
      .fill('divya@rapportdemo.onmicrosoft.com');
    await mentor.getByRole('textbox', { name: 'Expected response time' }).fill('within a day');
    await lead.tab.getByRole('button', { name: 'Save resources and help routes' }).click();
    await lead.tab.getByText('Security reviews:').waitFor({ timeout: 30_000 });

    // The owner marks the deliverable blocked on Home and asks the mentor.
    const card = owner.tab.getByRole('group', { name: TITLE }).or(owner.tab.getByLabel(TITLE));
    await card.getByRole('combobox', { name: 'Status' }).waitFor({ timeout: 60_000 });
    await card.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Blocked' });
    await card.getByRole('textbox', { name: 'Obstacle' }).fill('Waiting on the pen-test report');
    await card.getByRole('button', { name: 'Update status' }).click();
    await card.getByRole('button', { name: 'Ask for help' }).click({ timeout: 30_000 });
    const dialog = owner.tab.getByRole('dialog');
    await dialog.getByRole('radio', { name: /Chat with Divya Rao/ }).waitFor();
    await expectAccessible(owner.page);
    await dialog.getByRole('button', { name: 'Open a chat with Divya Rao' }).click();
    const opened = owner.page.locator('#opened-links li');
    await opened.first().waitFor({ timeout: 30_000 });
    const link = new URL((await opened.first().textContent()) ?? '');
    expect(`${link.origin}${link.pathname}`).toBe('https://teams.microsoft.com/l/chat/0/0');
    expect(link.searchParams.get('users')).toBe('divya@rapportdemo.onmicrosoft.com');
    expect(link.searchParams.get('message')).toContain(TITLE);
    expect(link.searchParams.get('message')).toContain('Waiting on the pen-test report');
    await card.getByText('You asked for help from a mentor on', { exact: false }).waitFor({
      timeout: 30_000,
    });
    // Where to get help is on Home too.
    await owner.tab.getByRole('heading', { name: 'Where to get help' }).waitFor();
    await owner.page.close();

    // The team view: one blocked, and no one named.
    await lead.page.reload();
    const view = lead.tab.getByRole('region', { name: 'Team commitments' });
    await view.getByText('1 deliverable due since', { exact: false }).waitFor({ timeout: 30_000 });
    await expect.poll(() => view.textContent()).toContain('1 blocked');
    const row = view.getByRole('row', { name: /Sprint planning/ });
    await expect.poll(() => row.textContent()).toMatch(/Sprint planning0010001/);
    const text = (await view.textContent()) ?? '';
    for (const name of [BEN.givenName, BEN.surname, upnOf(BEN), BEN.id]) {
      expect(text).not.toContain(name);
    }
    await expectAccessible(lead.page);
  }, 120_000);

  it('a weekly check-in answer reaches its lead only, as text', async () => {
    // Grace turns the check-in on in the channel tab and so leads it.
    const lead = await openTeamTab(host.browser, host.stack.appUrl, 'grace');
    const leadSection = lead.tab.getByRole('region', { name: 'Weekly check-in' });
    await leadSection
      .getByRole('button', { name: 'Turn on the weekly check-in and lead it' })
      .click({ timeout: 30_000 });
    await leadSection.getByText('You lead this check-in', { exact: false }).waitFor({
      timeout: 30_000,
    });
    await leadSection.getByText('No answers for 2026-W11.').waitFor({ timeout: 30_000 });
    await expectAccessible(lead.page);

    // Ben is told who reads his answer before answering, then answers "blocked" with a note.
    const member = await openTeamTab(host.browser, host.stack.appUrl, 'ben');
    const memberSection = member.tab.getByRole('region', { name: 'Weekly check-in' });
    await memberSection
      .getByText(`Only ${fullName(GRACE)} sees your answer`, { exact: false })
      .waitFor({ timeout: 30_000 });
    await memberSection.getByRole('radio', { name: 'Yes, something is blocking me' }).check();
    await memberSection.getByRole('textbox', { name: 'Note (optional)' }).fill(NOTE);
    await memberSection.getByRole('button', { name: 'Send my answer' }).click();
    await memberSection
      .getByText(`Your answer for 2026-W11, given to ${fullName(GRACE)}`, { exact: false })
      .waitFor({ timeout: 30_000 });
    await memberSection.getByRole('button', { name: 'Update my answer' }).waitFor();
    await expectAccessible(member.page);
    await member.page.close();

    // Grace sees it by name, blocked, the note as text (no element made from it).
    await leadSection.getByRole('button', { name: 'Refresh answers' }).click();
    const list = leadSection.getByRole('list', { name: 'Check-in answers for 2026-W11' });
    const item = list.getByRole('listitem').filter({ hasText: fullName(BEN) });
    await item.waitFor({ timeout: 30_000 });
    await expect.poll(() => item.textContent()).toContain('Blocked');
    await expect.poll(() => item.textContent()).toContain(NOTE);
    expect(await lead.tab.locator('li script, li b').count()).toBe(0);
    await expectAccessible(lead.page);
    await lead.page.close();

    // Divya, another member, is told who leads it and gets no lead view; the relay says 403.
    const other = await openTeamTab(host.browser, host.stack.appUrl, 'divya');
    const otherSection = other.tab.getByRole('region', { name: 'Weekly check-in' });
    await otherSection
      .getByText(`Only ${fullName(GRACE)} sees your answer`, { exact: false })
      .waitFor({ timeout: 30_000 });
    expect(await otherSection.getByRole('heading', { name: /Answers for/ }).count()).toBe(0);
    expect(await otherSection.getByRole('button', { name: 'Hand over' }).count()).toBe(0);
    expect(await other.tab.getByText(NOTE).count()).toBe(0);
    const token = await host.stack.tenant.token(upnOf(DIVYA), undefined, 'relay');
    const res = await fetch(`${host.stack.relayUrl}/api/checkin/answers`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('staging');
    await other.page.close();
  }, 180_000);
});
