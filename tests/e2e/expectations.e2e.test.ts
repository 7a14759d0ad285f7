import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { SITES } from '../../src/local/tenant/seed/directory';
import { TEST_NOW, type FaultRuleInput } from '../support/local-tenant';
import { launchHostBrowser, startStack, type Browser, type Stack } from '../support/stack';

/**
 * Meeting expectations end to end through the local Teams host: the organizer writes them in the
 * meeting's details tab, attendees read them in Teams and in their own copy of the invite, owners
 * report progress, two editors meet, and Graph misbehaves.
 */
let stack: Stack;
let browser: Browser;
/** JavaScript dialogs opened by any page: user text must never run. */
const dialogs: string[] = [];

beforeAll(async () => {
  stack = await startStack();
  browser = await launchHostBrowser(TEST_NOW);
  browser.context.on('page', (page) => {
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });
}, 120_000);

afterAll(async () => {
  await browser.close();
  await stack.stop();
});

interface HostMeeting {
  chatId: string;
  subject: string;
  iCalUId: string;
}

async function meetingOf(person: string, subject: string): Promise<HostMeeting> {
  const res = await fetch(
    `${stack.tenant.url}/_local/people/${person}@rapportdemo.onmicrosoft.com/meetings`,
  );
  const found = ((await res.json()) as HostMeeting[]).find((m) => m.subject === subject);
  if (!found) throw new Error(`${person} has no meeting "${subject}"`);
  return found;
}

async function openTab(person: string, surface: 'details' | 'sidePanel', chatId: string) {
  const page = await browser.context.newPage();
  await page.goto(
    `${stack.appUrl}/host.html?person=${person}&surface=${surface}&meeting=${chatId}`,
  );
  const frame = page.frameLocator(
    surface === 'details' ? 'iframe.details-frame' : 'iframe.side-panel-frame',
  );
  await frame.getByRole('heading', { name: 'Rapport for this meeting' }).waitFor({
    timeout: 30_000,
  });
  return { page, frame };
}

async function expectAccessible(page: Page, frame?: FrameLocator): Promise<void> {
  // A refetch after a save greys Refresh out for a moment; check the page at rest.
  const refresh = frame?.getByRole('button', { name: 'Refresh' });
  if (refresh && (await refresh.count()) > 0) {
    await expect
      .poll(() => refresh.getAttribute('aria-disabled'), { timeout: 60_000 })
      .not.toBe('true');
  }
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    // The nodes' HTML says which component it was, where a selector alone would not.
    results.violations.map(
      (v) =>
        `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 200)}`).join(', ')}`,
    ),
  ).toEqual([]);
}

/** The body of a person's own copy of the meeting, as Outlook shows it. */
async function inviteBodyOf(upn: string, iCalUId: string): Promise<string> {
  const filter = encodeURIComponent(`iCalUId eq '${iCalUId}'`);
  const res = await stack.tenant.graph(upn, 'GET', `/me/events?$filter=${filter}&$select=body`);
  expect(res.status).toBe(200);
  const events = (res.body as { value: { body?: { content?: string } }[] }).value;
  expect(events).toHaveLength(1);
  return events[0]?.body?.content ?? '';
}

/** A field by its label, with or without the required mark Fluent adds ("Purpose*"). */
const label = (name: string) => new RegExp(`^${name}\\s*\\*?$`);

const updatesOf = async (iCalUId: string) =>
  (await stack.tenant.outbox(iCalUId)).filter((m) => m.kind === 'update').length;

const PURPOSE = 'Pick the sprint goal <script>alert("x")</script> & agree owners 🚀';
const OUTCOME = 'هدف السبرنت متفق عليه'; // right-to-left text, shown as typed
const DELIVERABLE = 'Draft the <b>release</b> notes';
const NOTES = 'https://contoso.sharepoint.com/sites/platform/notes';
const METRIC = `Everyone knows what they own (notes: ${NOTES}, not javascript:alert(1))`;

async function fillNewDeliverable(
  frame: FrameLocator,
  n: number,
  title: string,
  owner: string,
  due: string,
) {
  await frame.getByRole('button', { name: 'Add deliverable' }).click();
  const group = frame.getByRole('group', { name: `Deliverable ${String(n)}` });
  await group.getByLabel(label('Deliverable title')).fill(title);
  await group.getByLabel(label('Owner')).selectOption({ label: owner });
  await group.getByLabel(label('Due date')).fill(due);
}

/** Clicks, then waits for `done`; when the app offers "Try again" instead, a person would take it. */
async function persist(frame: FrameLocator, act: () => Promise<void>, done: Locator) {
  await act();
  const retry = frame.getByRole('button', { name: 'Try again' });
  try {
    for (let attempt = 0; attempt < 6; attempt++) {
      await done.or(retry).first().waitFor({ timeout: 60_000 });
      if (await done.isVisible()) return;
      await retry.first().click();
    }
    await done.waitFor({ timeout: 60_000 });
  } catch (err) {
    // Say what the person was looking at instead.
    const shown = await frame
      .locator('body')
      .innerText()
      .catch(() => '(no frame)');
    throw new Error(`${String(err)}\n--- the tab showed:\n${shown}`);
  }
}

/** What the organizer sets in done-when 1: a template, purpose, a role, two owners' deliverables, a metric. */
async function setExpectations(frame: FrameLocator, owners: readonly [string, string]) {
  await frame.getByLabel(label('Template')).selectOption({ label: 'Planning' });
  await frame.getByRole('button', { name: 'Apply template' }).click();
  // The template filled the empty purpose; the organizer writes their own over it.
  await expect
    .poll(() => frame.getByLabel(label('Purpose')).inputValue())
    .toBe('Agree on what we take on next and who owns each piece.');
  await frame.getByLabel(label('Purpose')).fill(PURPOSE);
  await frame.getByLabel(label('Outcome or decision')).fill(OUTCOME);
  await frame.getByRole('button', { name: 'Add role' }).click();
  const role = frame.getByRole('group', { name: 'Role 1' });
  await role.getByLabel(label('Role')).selectOption({ label: 'Facilitator' });
  await role.getByLabel(label('Held by')).selectOption({ label: 'Ben Okafor' });
  await fillNewDeliverable(frame, 1, DELIVERABLE, owners[0], '2026-03-20');
  await fillNewDeliverable(frame, 2, 'Estimate the migration', owners[1], '2026-03-24');
  await frame.getByRole('button', { name: 'Add success metric' }).click();
  await frame.getByLabel(label('Success metric')).last().fill(METRIC);
}

/** What storage, the invite and the outbox hold for one meeting. */
async function endState(iCalUId: string, reader: string) {
  const site = `/sites/${SITES.team.id}/lists`;
  const filter = (column: string) =>
    `$expand=fields&$filter=${encodeURIComponent(`fields/${column} eq '${iCalUId}'`)}`;
  const records = await stack.tenant.graph(
    reader,
    'GET',
    `${site}/Expectations/items?${filter('Key')}`,
  );
  const items = await stack.tenant.graph(
    reader,
    'GET',
    `${site}/Deliverables/items?${filter('MeetingKey')}`,
  );
  const body = await inviteBodyOf(reader, iCalUId);
  const payloads = (items.body as { value: { fields: { Payload: string } }[] }).value.map(
    (i) => JSON.parse(i.fields.Payload) as { deliverable: { title: string; status: string } },
  );
  return {
    records: (records.body as { value: unknown[] }).value.length,
    deliverables: payloads.map((p) => `${p.deliverable.title}: ${p.deliverable.status}`).sort(),
    sections: body.split('Rapport · meeting expectations').length - 1,
    purposeInInvite: body.includes('Pick the sprint goal &lt;script&gt;'),
    updates: await updatesOf(iCalUId),
  };
}

/**
 * Done-when 1–3 for one meeting: the organizer sets expectations in the side panel, an owner
 * reads them in the meeting tab, on Home and in their invite, and reports a blocker.
 */
async function expectationsScenario(m: {
  subject: string;
  organizer: string;
  owner: { alias: string; name: string };
  otherOwner: string;
}) {
  const meeting = await meetingOf(m.organizer, m.subject);
  const outboxBefore = await updatesOf(meeting.iCalUId);
  const organizer = await openTab(m.organizer, 'sidePanel', meeting.chatId);
  const add = organizer.frame.getByRole('button', { name: 'Add expectations' });
  await persist(organizer.frame, () => Promise.resolve(), add);
  await add.click();
  await setExpectations(organizer.frame, [m.owner.name, m.otherOwner]);
  await expectAccessible(organizer.page);
  await persist(
    organizer.frame,
    () => organizer.frame.getByRole('button', { name: 'Save expectations' }).click(),
    organizer.frame.getByText('Expectations saved.', { exact: false }),
  );
  // Shown as text: the markup is visible characters, nothing ran.
  await organizer.frame.getByText(PURPOSE).waitFor();
  // Only the https address became a link.
  const links = organizer.frame.getByRole('main').getByRole('link');
  await expect.poll(() => links.allTextContents()).toContain(NOTES);
  expect((await links.allTextContents()).filter((l) => /javascript/i.test(l))).toEqual([]);
  await expectAccessible(organizer.page, organizer.frame);

  const owner = await openTab(m.owner.alias, 'details', meeting.chatId);
  const progress = owner.frame.getByRole('form', { name: `Your progress on ${DELIVERABLE}` });
  await persist(owner.frame, () => Promise.resolve(), progress);
  await owner.frame.getByText(PURPOSE).waitFor();
  await owner.frame.getByText(OUTCOME).waitFor();
  await owner.frame.getByText('Estimate the migration').waitFor();
  expect(await owner.frame.getByRole('button', { name: 'Edit expectations' }).count()).toBe(0);
  await progress.getByLabel(label('Status')).selectOption({ label: 'Blocked' });
  await progress.getByRole('button', { name: 'Update status' }).click();
  // A blocked deliverable needs its obstacle, in the owner's words.
  await progress.getByText('Say what is in the way').waitFor();
  await progress.getByLabel(label('Obstacle')).fill('Waiting on the API freeze');
  await persist(
    owner.frame,
    () => progress.getByRole('button', { name: 'Update status' }).click(),
    owner.frame.getByText('Status updated.'),
  );
  await expectAccessible(owner.page, owner.frame);

  // The organizer sees the blocker after a refresh.
  await persist(
    organizer.frame,
    () => organizer.frame.getByRole('button', { name: 'Refresh' }).click(),
    organizer.frame.getByText('Waiting on the API freeze'),
  );

  // The owner's Home lists what they owe, with where it came from.
  const home = await browser.context.newPage();
  await home.emulateMedia({ reducedMotion: 'reduce' });
  await home.goto(`${stack.appUrl}/host.html?person=${m.owner.alias}&surface=personal`);
  const personal = home.frameLocator('iframe.personal-frame');
  const mine = personal.getByRole('region', { name: 'Your deliverables' });
  await persist(personal, () => Promise.resolve(), mine.getByText(DELIVERABLE));
  await mine.getByText(`From ${m.subject}`).waitFor();
  await mine.getByText('Obstacle: Waiting on the API freeze').waitFor();
  await expectAccessible(home);

  for (const p of [organizer.page, owner.page, home]) await p.close();
  return { meeting, outboxBefore };
}

describe('meeting expectations', () => {
  it('the organizer sets them; attendees see them in Teams, on Home and in their invite; owners report', async () => {
    const { meeting, outboxBefore } = await expectationsScenario({
      subject: 'Sprint planning',
      organizer: 'grace',
      owner: { alias: 'ana', name: 'Ana Ruiz' },
      otherOwner: 'Jonas Berg',
    });
    // Every attendee's own copy carries the section, escaped, next to what the organizer wrote.
    for (const upn of ['ana', 'divya', 'noah']) {
      const body = await inviteBodyOf(`${upn}@rapportdemo.onmicrosoft.com`, meeting.iCalUId);
      expect(body).toContain('Rapport · meeting expectations');
      expect(body).toContain('&lt;script&gt;');
      expect(body).not.toContain('<script>');
      expect(body).toContain('Draft the &lt;b&gt;release&lt;/b&gt; notes');
      expect(body).toContain('Pick the sprint goal and the work that serves it.');
    }
    // One update for the save; the blocked status sent nothing.
    expect(await endState(meeting.iCalUId, 'ana@rapportdemo.onmicrosoft.com')).toEqual({
      records: 1,
      deliverables: [`${DELIVERABLE}: blocked`, 'Estimate the migration: notStarted'],
      sections: 1,
      purposeInInvite: true,
      updates: outboxBefore + 1,
    });
    expect(dialogs).toEqual([]);
    expect(browser.errors).toEqual([]);
  }, 180_000);

  it('ends in the same state when Graph throttles, fails and drops 20% of requests', async () => {
    // Writes first: the first rule that fires decides how a request fails.
    const rules: FaultRuleInput[] = [
      { kind: 'drop', when: 'after', methods: ['POST', 'PATCH', 'DELETE'], rate: 0.15 },
      { kind: 'status', status: 503, when: 'after', methods: ['POST', 'PATCH'], rate: 0.1 },
      { kind: 'status', status: 429, retryAfterSeconds: 0, rate: 0.08 },
      { kind: 'status', status: 503, rate: 0.04 },
      { kind: 'drop', rate: 0.04 },
    ];
    for (const rule of rules)
      await stack.tenant.addFault({ path: '^/(me|sites|users|chats|\\$batch)', ...rule });
    let result: Awaited<ReturnType<typeof expectationsScenario>>;
    let applied: { applied: number; kind: string; when: string; status?: number }[] = [];
    try {
      result = await expectationsScenario({
        subject: 'Lunch & learn: reading dashboards',
        organizer: 'kemi',
        owner: { alias: 'ben', name: 'Ben Okafor' },
        otherOwner: 'Isla Murphy',
      });
    } finally {
      applied = (await (await fetch(`${stack.tenant.url}/_local/faults`)).json()) as typeof applied;
      await stack.tenant.clearFaults();
      // The injected failures were logged by the browser as they happened; they say nothing here.
      browser.errors.length = 0;
    }
    // The run met each kind of fault (throttling, 503, a drop, a write lost after it landed);
    // otherwise it proved nothing.
    const met = (test: (r: (typeof applied)[number]) => boolean) =>
      applied.filter(test).reduce((sum, r) => sum + r.applied, 0) > 0;
    expect({
      throttled: met((r) => r.status === 429),
      unavailable: met((r) => r.status === 503),
      dropped: met((r) => r.kind === 'drop'),
      afterWrite: met((r) => r.when === 'after'),
    }).toEqual({ throttled: true, unavailable: true, dropped: true, afterWrite: true });
    expect(await endState(result.meeting.iCalUId, 'ben@rapportdemo.onmicrosoft.com')).toEqual({
      records: 1,
      deliverables: [`${DELIVERABLE}: blocked`, 'Estimate the migration: notStarted'],
      sections: 1,
      purposeInInvite: true,
      updates: result.outboxBefore + 1,
    });
    expect(dialogs).toEqual([]);
  }, 300_000);

  it('Home flags meetings I organize without a purpose and adds expectations in one step', async () => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${stack.appUrl}/host.html?person=ana&surface=personal`);
    const home = page.frameLocator('iframe.personal-frame');
    const add = home.getByRole('button', { name: 'Add expectations to Ana / Ben 1:1' });
    await add.waitFor({ timeout: 30_000 });
    await add.click();
    const dialog = home.getByRole('dialog', { name: 'Ana / Ben 1:1' });
    // Straight into the editor: the one click was the step.
    await dialog.getByLabel(label('Purpose')).fill('Clear Ben’s blockers for the release.');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Save expectations' }).click();
    await dialog
      .getByText('Expectations saved. Invite updated for attendees.')
      .waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Close' }).click();
    const card = home.getByRole('listitem').filter({ hasText: 'Ana / Ben 1:1' }).first();
    await card.getByText('Expectations set').waitFor({ timeout: 30_000 });
    await card.getByText('Clear Ben’s blockers for the release.').waitFor();
    expect(
      await home.getByRole('button', { name: 'Add expectations to Ana / Ben 1:1' }).count(),
    ).toBe(0);
    expect(browser.errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('merges two editors’ separate changes and asks only about the same field', async () => {
    const review = await meetingOf('emma', 'Design review: onboarding flow');
    const emma = await openTab('emma', 'details', review.chatId);
    await emma.frame.getByRole('button', { name: 'Add expectations' }).click();
    await emma.frame.getByLabel(label('Purpose')).fill('Agree the onboarding flow.');
    // Emma keeps this shape for her team's next reviews.
    await emma.frame.getByRole('button', { name: 'Save as team template' }).click();
    await emma.frame.getByLabel(label('Template name')).fill('Design review');
    await emma.frame.getByRole('button', { name: 'Save template' }).click();
    await emma.frame
      .getByText('Saved “Design review” as a template for your team.')
      .waitFor({ timeout: 30_000 });
    await emma.frame.getByRole('button', { name: 'Add role' }).click();
    const role = emma.frame.getByRole('group', { name: 'Role 1' });
    await role.getByLabel(label('Role')).selectOption({ label: 'Co-organizer' });
    await role.getByLabel(label('Held by')).selectOption({ label: 'Hiro Tanaka' });
    await emma.frame.getByRole('button', { name: 'Save expectations' }).click();
    await emma.frame.getByText('Expectations saved.', { exact: false }).waitFor({
      timeout: 30_000,
    });

    // Hiro, co-organizer, opens the editor at the same version as Emma.
    const hiro = await openTab('hiro', 'details', review.chatId);
    await hiro.frame.getByRole('button', { name: 'Edit expectations' }).click();
    await emma.frame.getByRole('button', { name: 'Edit expectations' }).click();
    // The team's template is offered to Hiro too.
    await expect
      .poll(() =>
        hiro.frame
          .getByLabel(label('Template'))
          .locator('option', { hasText: 'Design review' })
          .count(),
      )
      .toBe(1);

    // Separate fields: Emma changes the outcome, Hiro adds a deliverable; both survive.
    await emma.frame.getByLabel(label('Outcome or decision')).fill('Go or no-go');
    await emma.frame.getByRole('button', { name: 'Save expectations' }).click();
    await emma.frame.getByText('Invite updated for attendees.', { exact: false }).waitFor({
      timeout: 30_000,
    });
    await fillNewDeliverable(hiro.frame, 1, 'Usability notes', 'Divya Nair', '2026-03-18');
    await hiro.frame.getByRole('button', { name: 'Save expectations' }).click();
    await hiro.frame.getByText('Expectations saved', { exact: false }).waitFor({
      timeout: 30_000,
    });
    await hiro.frame.getByText('Go or no-go').waitFor();
    await hiro.frame.getByText('Usability notes').waitFor();

    // The same field: both change the purpose; the second to save chooses.
    await hiro.frame.getByRole('button', { name: 'Edit expectations' }).click();
    await emma.frame.getByRole('button', { name: 'Refresh' }).click();
    await emma.frame.getByText('Usability notes').waitFor({ timeout: 30_000 });
    await emma.frame.getByRole('button', { name: 'Edit expectations' }).click();
    await emma.frame.getByLabel(label('Purpose')).fill('Emma’s purpose.');
    await emma.frame.getByRole('button', { name: 'Save expectations' }).click();
    await emma.frame.getByText('Expectations saved', { exact: false }).waitFor({
      timeout: 30_000,
    });
    await hiro.frame.getByLabel(label('Purpose')).fill('Hiro’s purpose.');
    await hiro.frame.getByRole('button', { name: 'Save expectations' }).click();
    await hiro.frame
      .getByRole('heading', { name: 'Choose which changes to keep' })
      .waitFor({ timeout: 30_000 });
    await expectAccessible(hiro.page, hiro.frame);
    await hiro.frame.getByRole('radio', { name: 'Keep mine' }).first().check();
    await hiro.frame.getByRole('button', { name: 'Save with these choices' }).click();
    await hiro.frame.getByText('Hiro’s purpose.').waitFor({ timeout: 30_000 });
    await hiro.frame.getByText('Usability notes').waitFor();

    // Hiro cannot change Emma's invite; her tab brings it up to date when it next loads.
    await hiro.frame
      .getByText('Only the organizer’s Rapport can change the invite', { exact: false })
      .waitFor();
    await emma.frame.getByRole('button', { name: 'Refresh' }).click();
    const divyaCopy = () => inviteBodyOf('divya@rapportdemo.onmicrosoft.com', review.iCalUId);
    await expect
      .poll(async () => (await divyaCopy()).includes('Hiro’s purpose.'), { timeout: 30_000 })
      .toBe(true);
    // One section in the invite, the deliverable stored once.
    const body = await divyaCopy();
    expect(body.split('Rapport · meeting expectations')).toHaveLength(2);
    expect(body.split('Usability notes')).toHaveLength(2);
    expect(dialogs).toEqual([]);
    // The losing saves' 412 answers are logged by the browser; nothing else may be.
    expect(browser.errors.filter((e) => !/\b(409|412)\b/.test(e))).toEqual([]);
    await emma.page.close();
    await hiro.page.close();
  }, 180_000);
});
