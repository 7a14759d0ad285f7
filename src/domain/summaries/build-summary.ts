import { linkedRuns, type ChatPostDraft, type ChatRun } from '../chat/chat-post';
import type { Deliverable, DeliverableStatus, Expectations } from '../expectations/schema';
import { fieldErrors } from '../expectations/schema';
import {
  summaryContentSchema,
  type SummaryContent,
  type SummaryDeliverable,
} from './summary-schema';

/** A status in English, as the app labels it and a posted summary reads. */
export const SUMMARY_STATUS_WORDS: Record<DeliverableStatus, string> = {
  notStarted: 'Not started',
  onTrack: 'On track',
  atRisk: 'At risk',
  blocked: 'Blocked',
  done: 'Done',
};

/**
 * A summary's words in one language. The chat message is the writer's to send, so the features
 * layer passes their language in; English everywhere else.
 */
export interface SummaryWords {
  status: Record<DeliverableStatus, string>;
  headings: {
    purpose: string;
    decisions: string;
    nextSteps: string;
    deliverables: string;
    successMetrics: string;
  };
  /** The chat message's first line. */
  title: (subject: string) => string;
  noOwner: string;
  /** "Draft: Ana Ruiz, due 2026-03-20, Blocked", then " (obstacle)" when there is one. */
  deliverable: (title: string, owner: string, due: string, status: string) => string;
  nothingToSummarize: string;
}

export const SUMMARY_WORDS: SummaryWords = {
  status: SUMMARY_STATUS_WORDS,
  headings: {
    purpose: 'Purpose',
    decisions: 'Decisions',
    nextSteps: 'Next steps',
    deliverables: 'Deliverables',
    successMetrics: 'Success metrics',
  },
  title: (subject) => `Meeting summary: ${subject}`,
  noOwner: 'no owner named',
  deliverable: (title, owner, due, status) => `${title}: ${owner}, due ${due}, ${status}`,
  nothingToSummarize: 'Add a decision or a next step: there is nothing to summarize yet.',
};

/** What makes two posts of one meeting's summary the same chat message. */
export const summaryKey = (meetingKey: string): string => `summary:${meetingKey}`;

/**
 * A summary's starting point from the meeting's expectations: purpose, deliverables with their
 * live status (each deliverable's own item wins over the copy in the record, since owners report
 * there), success metrics; decisions and next steps start empty.
 *
 * Example: a deliverable "Draft" owned by `u1` whose item says blocked ("waiting on legal") reads
 * `{ title: 'Draft', ownerName: nameOf('u1'), status: 'blocked', obstacle: 'waiting on legal' }`.
 */
export function summaryFromExpectations(
  expectations: Expectations | undefined,
  live: Readonly<Record<string, { deliverable: Deliverable } | undefined>>,
  nameOf: (id: string) => string,
): SummaryContent {
  const deliverables = (expectations?.deliverables ?? []).map((planned): SummaryDeliverable => {
    const d = live[planned.id]?.deliverable ?? planned;
    const { obstacle } = d as { obstacle?: string };
    return {
      id: d.id,
      title: d.title,
      ownerId: d.ownerId,
      ownerName: nameOf(d.ownerId),
      due: d.due,
      status: d.status,
      ...(obstacle === undefined ? {} : { obstacle }),
    };
  });
  return {
    purpose: expectations?.purpose ?? '',
    deliverables,
    successMetrics: [...(expectations?.successMetrics ?? [])],
    decisions: [],
    nextSteps: [],
  };
}

/** One item per non-blank line of a text box, trimmed. */
export const linesOf = (text: string): string[] =>
  text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

export type SummaryCheck =
  { kind: 'ok'; content: SummaryContent } | { kind: 'invalid'; errors: Record<string, string[]> };

/**
 * Validates a summary before it is saved or posted; errors keyed like `decisions.2`. A summary
 * with nothing in it (a meeting without expectations, nothing typed) is refused: posting only a
 * title to the chat would tell people nothing.
 */
export function checkSummary(
  content: SummaryContent,
  words: SummaryWords = SUMMARY_WORDS,
): SummaryCheck {
  const parsed = summaryContentSchema.safeParse(content);
  if (!parsed.success) return { kind: 'invalid', errors: fieldErrors(parsed.error) };
  if (summarySections(parsed.data, words).length === 0) {
    return { kind: 'invalid', errors: { decisions: [words.nothingToSummarize] } };
  }
  return { kind: 'ok', content: parsed.data };
}

/** A summary's sections as read in the chat and in the preview: one heading, its lines. */
export interface SummarySection {
  heading: string;
  lines: string[];
}

/** How a deliverable reads: "Draft: Ana Ruiz, due 2026-03-20, Blocked (waiting on legal)". */
export function deliverableLine(
  d: SummaryDeliverable,
  words: SummaryWords = SUMMARY_WORDS,
): string {
  const owner = d.ownerName === '' ? words.noOwner : d.ownerName;
  const obstacle = d.obstacle === undefined || d.obstacle === '' ? '' : ` (${d.obstacle})`;
  return `${words.deliverable(d.title, owner, d.due, words.status[d.status])}${obstacle}`;
}

/** The sections that have something in them, in the order the chat shows them. */
export function summarySections(
  content: SummaryContent,
  words: SummaryWords = SUMMARY_WORDS,
): SummarySection[] {
  const h = words.headings;
  const sections: SummarySection[] = [
    { heading: h.purpose, lines: content.purpose === '' ? [] : [content.purpose] },
    { heading: h.decisions, lines: content.decisions },
    { heading: h.nextSteps, lines: content.nextSteps },
    { heading: h.deliverables, lines: content.deliverables.map((d) => deliverableLine(d, words)) },
    { heading: h.successMetrics, lines: content.successMetrics },
  ];
  return sections.filter((s) => s.lines.length > 0);
}

/**
 * The chat message: a title paragraph, then one paragraph per section, its lines as bullets.
 * Everything is text runs (addresses in typed lines become links only when `https:` or
 * `msteams:`), so `renderChatPost` escapes every user value.
 */
export function summaryChatDraft(
  meetingKey: string,
  subject: string,
  content: SummaryContent,
  words: SummaryWords = SUMMARY_WORDS,
): ChatPostDraft {
  const title: ChatRun[] = [{ kind: 'text', text: words.title(subject) }];
  const paragraphs = summarySections(content, words).map((section): ChatRun[] => [
    { kind: 'text', text: `${section.heading}:` },
    ...section.lines.flatMap((line): ChatRun[] => [
      { kind: 'text', text: '\n• ' },
      ...linkedRuns(line),
    ]),
  ]);
  return { key: summaryKey(meetingKey), paragraphs: [title, ...paragraphs] };
}
