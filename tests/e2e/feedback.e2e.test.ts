import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { expectAccessible } from '../support/host-pages';
import { TEST_NOW } from '../support/local-tenant';
import { launchHostBrowser, startStack, type Browser, type Stack } from '../support/stack';

/**
 * Issue 5's "done when" through the local Teams host: the organizer adds a poll in the side panel
 * and shares it to the stage; attendees answer in their own clients; the stage counts; results
 * stay "after N more responses" until k, then show aggregates; a second answer is refused; user
 * text never runs. The stack runs the relay.
 */
let stack: Stack;
let browser: Browser;
const dialogs: string[] = [];

const MEETING = 'Sprint planning'; // Grace's, with Ana, Ben, Divya, Jonas, Noah and Felipe
const COMMENT = '<script>alert("x")</script> & shorter please';

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

async function chatOf(person: string, subject: string): Promise<string> {
  const res = await fetch(
    `${stack.tenant.url}/_local/people/${person}@rapportdemo.onmicrosoft.com/meetings`,
  );
  const found = ((await res.json()) as { chatId: string; subject: string }[]).find(
    (m) => m.subject === subject,
  );
  if (!found) throw new Error(`${person} has no meeting "${subject}"`);
  return found.chatId;
}

async function openTab(
  person: string,
  surface: 'details' | 'sidePanel',
  chatId: string,
): Promise<{ page: Page; frame: FrameLocator }> {
  const page = await browser.context.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(
    `${stack.appUrl}/host.html?person=${person}&surface=${surface}&meeting=${chatId}`,
  );
  const frame = page.frameLocator(
    surface === 'details' ? 'iframe.details-frame' : 'iframe.side-panel-frame',
  );
  await frame.getByRole('heading', { name: 'Feedback', exact: true }).waitFor({ timeout: 60_000 });
  return { page, frame };
}

const shown = (frame: FrameLocator) =>
  frame
    .locator('body')
    .innerText()
    .catch(() => '(no frame)');

/** Fills the default questions and sends; `comment` goes in "One thing to improve". */
async function answer(frame: FrameLocator, rating: number, comment?: string) {
  const send = frame.getByRole('button', { name: 'Send answer' });
  await send.waitFor({ timeout: 60_000 });
  for (const question of [
    'How valuable was this meeting?',
    'Were the expectations clear?',
    'Could you speak up?',
  ]) {
    await frame
      .getByRole('radiogroup', { name: question })
      .getByRole('radio', { name: new RegExp(`^${String(rating)}`) })
      .check();
  }
  if (comment !== undefined) await frame.getByLabel('One thing to improve').fill(comment);
  await send.click();
}

/** Waits for `target`; when it does not come, says what the person was looking at instead. */
async function waitInTab(frame: FrameLocator, target: Locator, timeout = 60_000) {
  try {
    await target.waitFor({ timeout });
  } catch (err) {
    throw new Error(`${String(err)}\n--- the tab showed:\n${await shown(frame)}`);
  }
}

const expectThanks = (frame: FrameLocator) =>
  waitInTab(frame, frame.getByText('Thanks — your answer is anonymous.'));

describe('feedback polls in the meeting', () => {
  it('goes from an organizer’s poll to aggregates, counting on the stage', async () => {
    const chatId = await chatOf('grace', MEETING);
    const organizer = await openTab('grace', 'sidePanel', chatId);
    const { frame } = organizer;

    // Adding the poll: the defaults are there, anonymity is explained, who can answer is listed.
    await frame.getByRole('button', { name: 'Add feedback poll' }).click();
    await expect
      .poll(() => frame.getByLabel(/^Question 1\s*\*?$/).inputValue())
      .toBe('How valuable was this meeting?');
    await expect
      .poll(() => frame.getByText(/^Anonymous: answers are stored without names/).count())
      .toBe(1);
    await expect
      .poll(() => frame.getByRole('heading', { name: /Who can answer \(7\)/ }).count())
      .toBe(1);
    await expectAccessible(organizer.page);
    await frame.getByRole('button', { name: 'Add poll', exact: true }).click();
    await frame.getByText('0 people have answered').waitFor({ timeout: 60_000 });

    // To the stage, which shows the count and nothing else.
    await frame.getByRole('button', { name: 'Share poll to stage' }).click();
    const stage = organizer.page.frameLocator('iframe.stage-frame');
    await stage.getByRole('heading', { name: /Feedback on/ }).waitFor({ timeout: 60_000 });
    await expect
      .poll(() => stage.getByRole('status').innerText())
      .toMatch(/^0\s+0 people have answered/);
    await expect
      .poll(() => frame.getByText('Results appear after 5 more responses.').count(), {
        timeout: 30_000,
      })
      .toBe(1);

    // Ben has the tab open twice; he answers in one, then tries again in the other.
    const benAgain = await openTab('ben', 'details', await chatOf('ben', MEETING));
    await benAgain.frame.getByRole('button', { name: 'Send answer' }).waitFor({ timeout: 60_000 });
    // Named or not is said before answering.
    await expect.poll(() => benAgain.frame.getByText(/This poll is anonymous/).count()).toBe(1);

    const first = ['ana', 'ben', 'divya', 'jonas'];
    for (const [i, person] of first.entries()) {
      const tab = await openTab(person, 'details', await chatOf(person, MEETING));
      await answer(tab.frame, (i % 5) + 1, i === 0 ? COMMENT : undefined);
      await expectThanks(tab.frame);
      if (i === 0) await expectAccessible(tab.page);
      await tab.page.close();
    }

    // The stage counts up on its own; the organizer still sees no answers, only how many more.
    await expect
      .poll(() => stage.getByRole('status').innerText(), { timeout: 30_000 })
      .toMatch(/^4\s+4 people have answered/);
    await frame.getByRole('button', { name: 'Reload poll' }).click();
    await expect
      .poll(() => frame.getByText('Results appear after 1 more response.').count(), {
        timeout: 30_000,
      })
      .toBe(1);
    expect(await frame.getByRole('table').count()).toBe(0);

    // A second answer from Ben is refused, and the count does not move.
    await answer(benAgain.frame, 1);
    await benAgain.frame
      .getByText(/You have already answered this poll/)
      .waitFor({ timeout: 60_000 });
    await benAgain.page.close();

    // The fifth answer brings the results.
    const noah = await openTab('noah', 'details', await chatOf('noah', MEETING));
    await answer(noah.frame, 5);
    await expectThanks(noah.frame);
    await noah.page.close();
    await expect
      .poll(() => stage.getByRole('status').innerText(), { timeout: 30_000 })
      .toMatch(/^5\s+5 people have answered/);
    await frame.getByRole('button', { name: 'Reload poll' }).click();
    const valuable = frame.getByRole('table', { name: /^How valuable was this meeting\? — mean/ });
    await waitInTab(frame, valuable, 30_000);
    // Ratings 1, 2, 3, 4 and 5: one each, mean 3.0, in words and numbers, not colour only.
    await expect.poll(() => valuable.innerText()).toMatch(/mean 3\.0 of 5/);
    await expect.poll(() => frame.getByText('5 people answered', { exact: false }).count()).toBe(1);
    // Comments wait for k + 2 respondents.
    await expect
      .poll(() => frame.getByText('Comments show once at least 7 people have answered.').count())
      .toBe(1);
    await expectAccessible(organizer.page);
    expect(dialogs).toEqual([]);
  }, 600_000);

  it('closes the poll, and a new poll’s comments show as text, never run', async () => {
    const chatId = await chatOf('grace', MEETING);
    const organizer = await openTab('grace', 'sidePanel', chatId);
    const { frame } = organizer;
    await frame.getByRole('button', { name: 'Close poll' }).click();
    await frame
      .getByRole('heading', { name: 'Feedback poll · closed' })
      .waitFor({ timeout: 60_000 });
    await frame.getByRole('button', { name: 'Add feedback poll' }).click();
    await frame.getByRole('button', { name: 'Add poll', exact: true }).click();
    await frame.getByText('0 people have answered').waitFor({ timeout: 60_000 });

    // Seven people answer through the relay's API (the browser path is the test above), so the
    // first publish has k + 2 respondents and carries comments.
    const relayUrl = stack.relayUrl;
    const relayCall = async (person: string, path: string, body: unknown) => {
      const token = await stack.tenant.token(
        `${person}@rapportdemo.onmicrosoft.com`,
        undefined,
        'relay',
      );
      return fetch(`${relayUrl}${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    };
    const meetings = (await (
      await fetch(`${stack.tenant.url}/_local/people/grace@rapportdemo.onmicrosoft.com/meetings`)
    ).json()) as { subject: string; iCalUId: string }[];
    const iCalUId = meetings.find((m) => m.subject === MEETING)?.iCalUId ?? '';
    const listed = (await (
      await relayCall('grace', '/api/polls/query', { meetingKeys: [iCalUId] })
    ).json()) as { polls: { id: string; status: string }[] };
    const poll = listed.polls.find((p) => p.status === 'open');
    expect(poll).toBeDefined();
    const people = ['grace', 'ana', 'ben', 'divya', 'jonas', 'noah', 'felipe'];
    for (const [i, person] of people.entries()) {
      const res = await relayCall(person, `/api/polls/${poll?.id ?? ''}/answers`, {
        submissionId: crypto.randomUUID(),
        answers: {
          valuable: 4,
          'expectations-clear': 4,
          'speak-up': 4,
          ...(i === 0 ? { improve: COMMENT } : {}),
        },
      });
      expect(res.status).toBe(201);
    }

    // The closed poll stays listed above the new one.
    const open = frame.getByRole('article', { name: 'Feedback poll · open' });
    await open.getByRole('button', { name: 'Reload poll' }).click();
    const comment = open.getByRole('listitem').filter({ hasText: COMMENT });
    await waitInTab(frame, comment, 30_000);
    expect(await comment.innerText()).toBe(COMMENT);
    // Text, not markup: no element came of it (the page's own scripts are Vite's).
    expect(await open.locator('script').count()).toBe(0);
    await expectAccessible(organizer.page);
    expect(dialogs).toEqual([]);
  }, 300_000);
});
