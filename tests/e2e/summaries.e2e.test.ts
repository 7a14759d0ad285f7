import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chatMarker } from '../../src/domain/chat/chat-post';
import { tokenizeHtml, visibleText } from '../../src/domain/expectations/html-tags';
import type { Expectations } from '../../src/domain/expectations/schema';
import { summaryKey } from '../../src/domain/summaries/build-summary';
import { instant } from '../../src/domain/time/instant';
import { buildSaveRequest, keysFor } from '../../src/features/meeting/save-plan';
import { createGraphClient } from '../../src/graph/client';
import { graphExpectationsService } from '../../src/graph/expectations/meeting-service';
import type { HostMeeting } from '../../src/local/tenant/controls/routes';
import { PEOPLE, SITES, upnOf } from '../../src/local/tenant/seed/directory';
import { expectAccessible, useHostStack } from '../support/host-pages';
import { TEST_NOW } from '../support/local-tenant';

/**
 * Meeting summaries end to end through the local Teams host: the organizer of a recurring
 * meeting posts the summary of this occurrence (two deliverables agreed), it lands once in the
 * meeting chat with owners and statuses, and the next occurrence's tab opens with them on top.
 */
const h = useHostStack();

const idOf = (alias: string) => {
  const p = PEOPLE.find((x) => x.alias === alias);
  if (!p) throw new Error(alias);
  return { id: p.id, upn: upnOf(p) };
};
const ANA = idOf('ana');
const BEN = idOf('ben');
const DIVYA = idOf('divya');
/** The stand-up after this Wednesday's (Friday's is cancelled): Monday 08:00 in Ana's Pacific time. */
const NEXT_MONDAY = '2026-03-16T14:30:00Z';

async function standupChat(): Promise<string> {
  const res = await fetch(`${h.stack.tenant.url}/_local/people/${ANA.upn}/meetings`);
  const found = ((await res.json()) as HostMeeting[]).find(
    (m) => m.subject === 'Platform stand-up',
  );
  if (!found) throw new Error('Ana has no stand-up');
  return found.chatId;
}

/** Two deliverables agreed for this Wednesday's stand-up, through the app's own service. */
async function agreeDeliverables(chatId: string): Promise<string> {
  const service = graphExpectationsService(
    createGraphClient({
      baseUrl: h.stack.tenant.url,
      getToken: () => h.stack.tenant.token(ANA.upn),
      delaySeconds: 0,
    }),
    { siteId: SITES.team.id },
  );
  const opened = await service.openMeeting(chatId, instant(Date.parse(TEST_NOW)));
  if (opened.kind !== 'found') throw new Error(opened.message);
  const data = opened.data;
  const expectations: Expectations = {
    ...keysFor(data.meeting, 'occurrence'),
    purpose: 'Unblock each other in fifteen minutes.',
    outcome: '',
    agenda: [],
    roles: [],
    deliverables: [
      {
        id: 'board',
        title: 'Keep the board current',
        ownerId: BEN.id,
        due: '2026-03-13',
        status: 'onTrack',
      },
      {
        id: 'runbook',
        title: 'Write the on-call runbook',
        ownerId: DIVYA.id,
        due: '2026-03-18',
        status: 'blocked',
        obstacle: 'Needs access to the pager tool',
      },
    ],
    successMetrics: [],
  };
  const saved = await service.save(buildSaveRequest(data, 'occurrence', undefined, expectations));
  if (saved.kind !== 'saved') throw new Error(JSON.stringify(saved));
  return data.meeting.iCalUId;
}

async function openDetails(
  person: string,
  chatId: string,
): Promise<{ page: Page; tab: FrameLocator }> {
  const page = await h.browser.context.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${h.stack.appUrl}/host.html?person=${person}&surface=details&meeting=${chatId}`);
  const tab = page.frameLocator('iframe.details-frame');
  await tab.getByRole('heading', { name: 'Rapport for this meeting' }).waitFor({ timeout: 30_000 });
  return { page, tab };
}

/** The chat's messages that carry the summary's marker, as Graph returns them. */
async function summaryMessages(chatId: string, iCalUId: string): Promise<string[]> {
  const marker = chatMarker(summaryKey(iCalUId));
  const res = await h.stack.tenant.graph(
    ANA.upn,
    'GET',
    `/chats/${encodeURIComponent(chatId)}/messages?$top=50`,
  );
  return (res.body.value as { body: { content: string } }[])
    .map((m) => m.body.content)
    .filter((html) => html.includes(marker))
    .map((html) => visibleText(html, tokenizeHtml(html)));
}

describe('meeting summaries', () => {
  it(
    'posts once with owners and statuses, and the next occurrence opens with them',
    { timeout: 90_000 },
    async () => {
      const chatId = await standupChat();
      const iCalUId = await agreeDeliverables(chatId);

      const ana = await openDetails('ana', chatId);
      await ana.tab.getByRole('button', { name: 'Write summary' }).click({ timeout: 30_000 });
      await ana.tab
        .getByRole('textbox', { name: 'Decisions' })
        .fill('Ship the <b>pager</b> rota on Friday');
      await ana.tab.getByRole('textbox', { name: 'Next steps' }).fill('Ben shares the board link');
      await ana.tab.getByRole('button', { name: 'Preview' }).click();
      await ana.tab.getByRole('heading', { name: 'Meeting summary: Platform stand-up' }).waitFor();
      await ana.tab.getByRole('button', { name: 'Post to meeting chat' }).click();
      await ana.tab
        .getByText('The summary is posted to the meeting chat.')
        .waitFor({ timeout: 30_000 });
      await ana.tab
        .getByText('Posted to the meeting chat.', { exact: true })
        .waitFor({ timeout: 30_000 });
      await expectAccessible(ana.page);

      const messages = await summaryMessages(chatId, iCalUId);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toContain('Keep the board current: Ben Okafor, due 2026-03-13, On track');
      expect(messages[0]).toContain(
        'Write the on-call runbook: Divya Nair, due 2026-03-18, Blocked (Needs access to the pager tool)',
      );
      expect(messages[0]).toContain('Ship the <b>pager</b> rota on Friday');
      await ana.page.close();

      // Next Monday's stand-up, in Ben's tab: the tenant's and the browser's clocks move together.
      await fetch(`${h.stack.tenant.url}/_local/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ now: NEXT_MONDAY }),
      });
      await h.browser.context.clock.setSystemTime(new Date(NEXT_MONDAY));
      const ben = await openDetails('ben', chatId);
      const top = ben.tab.getByRole('heading', { level: 2 }).first();
      await expect.poll(() => top.textContent(), { timeout: 30_000 }).toBe('From last time');
      const lastTime = ben.tab.getByRole('region', { name: 'From last time' });
      await expect
        .poll(() => lastTime.innerText())
        .toMatch(/Keep the board current: Ben Okafor, due 2026-03-13,\s+On track/);
      expect(await lastTime.innerText()).toMatch(
        /Write the on-call runbook: Divya Nair, due 2026-03-18,\s+Blocked \(Needs access to the pager tool\)/,
      );
      await expectAccessible(ben.page);
    },
  );
});
