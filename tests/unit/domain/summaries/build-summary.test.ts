import { describe, expect, it } from 'vitest';
import { renderChatPost, chatMarker } from '../../../../src/domain/chat/chat-post';
import { tokenizeHtml, visibleText } from '../../../../src/domain/expectations/html-tags';
import type { Deliverable, Expectations } from '../../../../src/domain/expectations/schema';
import {
  checkSummary,
  linesOf,
  summaryChatDraft,
  summaryFromExpectations,
  summaryKey,
  summarySections,
} from '../../../../src/domain/summaries/build-summary';
import {
  SUMMARY_LIMITS,
  type SummaryContent,
} from '../../../../src/domain/summaries/summary-schema';

const deliverable = (over: Partial<Deliverable> = {}): Deliverable => ({
  id: 'd1',
  title: 'Draft the rollout plan',
  ownerId: 'u-ana',
  due: '2026-03-20',
  status: 'notStarted',
  ...over,
});

const expectations = (over: Partial<Expectations> = {}): Expectations => ({
  schemaVersion: 1,
  meetingKey: 'ical-1',
  purpose: 'Agree the sprint goal.',
  outcome: '',
  agenda: [],
  roles: [],
  deliverables: [
    deliverable(),
    deliverable({ id: 'd2', title: 'Fix login', ownerId: 'u-ben', due: '2026-03-18' }),
  ],
  successMetrics: ['Everyone knows their next task'],
  ...over,
});

const names: Record<string, string> = { 'u-ana': 'Ana Ruiz', 'u-ben': 'Ben Okafor' };
const nameOf = (id: string) => names[id] ?? 'Unknown attendee';

const content = (over: Partial<SummaryContent> = {}): SummaryContent => ({
  ...summaryFromExpectations(expectations(), {}, nameOf),
  ...over,
});

describe('summaryFromExpectations', () => {
  it('fills purpose, deliverables with owners, due dates and live status, and metrics', () => {
    const live = {
      d2: {
        deliverable: deliverable({
          id: 'd2',
          title: 'Fix login',
          ownerId: 'u-ben',
          due: '2026-03-18',
          status: 'blocked',
          obstacle: 'Waiting on the identity team',
        }),
      },
    };
    const summary = summaryFromExpectations(expectations(), live, nameOf);
    expect(summary).toEqual({
      purpose: 'Agree the sprint goal.',
      deliverables: [
        {
          id: 'd1',
          title: 'Draft the rollout plan',
          ownerId: 'u-ana',
          ownerName: 'Ana Ruiz',
          due: '2026-03-20',
          status: 'notStarted',
        },
        {
          id: 'd2',
          title: 'Fix login',
          ownerId: 'u-ben',
          ownerName: 'Ben Okafor',
          due: '2026-03-18',
          status: 'blocked',
          obstacle: 'Waiting on the identity team',
        },
      ],
      successMetrics: ['Everyone knows their next task'],
      decisions: [],
      nextSteps: [],
    });
  });

  it('starts empty for a meeting without expectations', () => {
    expect(summaryFromExpectations(undefined, {}, nameOf)).toEqual({
      purpose: '',
      deliverables: [],
      successMetrics: [],
      decisions: [],
      nextSteps: [],
    });
  });
});

describe('linesOf and checkSummary', () => {
  it('takes one item per non-blank line, trimmed, whatever the line endings', () => {
    expect(linesOf('  Ship Friday \r\n\n\rKeep the scope\n   \n')).toEqual([
      'Ship Friday',
      'Keep the scope',
    ]);
  });

  it('names the field and the limit when a line or the list is too long', () => {
    const long = 'x'.repeat(SUMMARY_LIMITS.decisionMaxLength + 1);
    const tooMany = Array.from({ length: SUMMARY_LIMITS.nextStepsMaxCount + 1 }, (_, i) =>
      String(i),
    );
    const check = checkSummary(content({ decisions: ['ok', long], nextSteps: tooMany }));
    expect(check.kind).toBe('invalid');
    if (check.kind !== 'invalid') return;
    expect(check.errors['decisions.1']).toEqual([
      `A decision can be at most ${String(SUMMARY_LIMITS.decisionMaxLength)} characters (this one has ${String(long.length)}).`,
    ]);
    expect(check.errors.nextSteps).toEqual([
      `A summary can have at most ${String(SUMMARY_LIMITS.nextStepsMaxCount)} next steps.`,
    ]);
  });

  it('refuses a summary with nothing in it, and says what to add', () => {
    const empty = summaryFromExpectations(undefined, {}, nameOf);
    expect(checkSummary(empty)).toEqual({
      kind: 'invalid',
      errors: { decisions: ['Add a decision or a next step: there is nothing to summarize yet.'] },
    });
    expect(checkSummary({ ...empty, nextSteps: ['Book the retro'] }).kind).toBe('ok');
  });

  it('refuses control characters inside an item', () => {
    const check = checkSummary(content({ decisions: ['tab\there'] }));
    expect(check).toMatchObject({ kind: 'invalid' });
  });
});

describe('summaryChatDraft', () => {
  it('is keyed by the meeting, so every version of one summary carries the same marker', () => {
    const a = renderChatPost(summaryChatDraft('ical-1', 'Sprint planning', content()));
    const b = renderChatPost(
      summaryChatDraft('ical-1', 'Sprint planning', content({ decisions: ['Ship Friday'] })),
    );
    expect(summaryKey('ical-1')).toBe('summary:ical-1');
    expect(a.marker).toBe(chatMarker('summary:ical-1'));
    expect(b.marker).toBe(a.marker);
    expect(renderChatPost(summaryChatDraft('ical-2', 'x', content())).marker).not.toBe(a.marker);
  });

  it('reads as the preview does: title, then sections with bullets', () => {
    const summary = content({ decisions: ['Ship Friday'], nextSteps: ['Ben pairs with Ana'] });
    const post = renderChatPost(summaryChatDraft('ical-1', 'Sprint planning', summary));
    const text = visibleText(post.html, tokenizeHtml(post.html));
    expect(text).toContain('Meeting summary: Sprint planning');
    // Each item is its own line in Teams (a <br>); visible text reads the break as a space.
    expect(post.html).toContain('<p>Decisions:<br>• Ship Friday</p>');
    expect(text).toContain('Next steps: • Ben pairs with Ana');
    expect(text).toContain(
      'Deliverables: • Draft the rollout plan: Ana Ruiz, due 2026-03-20, Not started • Fix login: Ben Okafor, due 2026-03-18, Not started',
    );
    expect(summarySections(summary).map((s) => s.heading)).toEqual([
      'Purpose',
      'Decisions',
      'Next steps',
      'Deliverables',
      'Success metrics',
    ]);
  });

  it('escapes script and HTML in every user value, and links only https', () => {
    const evil = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const summary = content({
      purpose: `Purpose ${evil}`,
      decisions: [`Decided ${evil}`, 'See https://contoso.example/plan and javascript:alert(1)'],
      nextSteps: [`Next & "quoted" 'too'`],
      deliverables: [
        {
          id: 'd1',
          title: `Title ${evil}`,
          ownerId: 'u-ana',
          ownerName: `<b>Ana</b>`,
          due: '2026-03-20',
          status: 'atRisk',
          obstacle: `<i>legal</i>`,
        },
      ],
    });
    const post = renderChatPost(summaryChatDraft('ical-1', `Subject ${evil}`, summary));
    expect(post.html).not.toMatch(/<(script|img|b|i)[\s>]/i);
    expect(post.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(post.html).toContain('<a href="https://contoso.example/plan">');
    expect(post.html).not.toContain('href="javascript');
    const text = visibleText(post.html, tokenizeHtml(post.html));
    expect(text).toContain(`Decided ${evil}`);
    expect(text).toContain(`Title ${evil}: <b>Ana</b>, due 2026-03-20, At risk (<i>legal</i>)`);
    expect(text).toContain(`Next & "quoted" 'too'`);
  });
});
