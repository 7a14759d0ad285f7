import { Temporal } from 'temporal-polyfill';
import { escapeHtml } from './html-escape';
import { tokenizeHtml, visibleText, type HtmlToken } from './html-tags';
import type { AgendaItem, Deliverable, Expectations, Role } from './schema';

/**
 * The expectations as a section of the organizer's event body, so attendees see them in Outlook
 * and Teams without the app (ARCHITECTURE.md, "Where data lives": the invite).
 *
 * Boundaries. Exchange rewrites bodies: comments, `data-*` and unknown attributes and custom
 * elements are gone when the body is read back, and Outlook may add `class`/`style` attributes or
 * wrap text in spans. So the section is delimited by two headings a person reads naturally:
 *
 *     <h3>Rapport · meeting expectations</h3>
 *     … purpose, outcome, agenda, roles, deliverables, success metrics …
 *     <h5>— end of Rapport meeting expectations —</h5>
 *
 * A boundary counts only when it is that heading element (same level) whose visible text is
 * exactly that line; attributes and inline markup inside the heading are tolerated and character
 * references decoded, because servers and editors add and change those. What does not count:
 * the same words in a paragraph or list item (the organizer quoting them), escaped markup typed as
 * text (`&lt;h3&gt;…`), anything inside a comment, an attribute value or a raw-text element.
 * User text is never rendered inside a heading, so nothing a person types into a field can become
 * a boundary either.
 *
 * A section runs from a start heading to the first end heading after it. A start heading with no
 * end after it, or followed by another start heading first, is left alone (an orphan boundary
 * never makes Rapport delete the organizer's text that follows it); an end heading with no start
 * before it is left alone too. Everything inside a section is Rapport's and is replaced on save,
 * which the section's own closing note tells readers.
 */

export const SECTION_START_TEXT = 'Rapport · meeting expectations';
export const SECTION_END_TEXT = '— end of Rapport meeting expectations —';
const START_HEADING = 'h3';
const END_HEADING = 'h5';
export const SECTION_START_HTML = `<${START_HEADING}>${escapeHtml(SECTION_START_TEXT)}</${START_HEADING}>`;
export const SECTION_END_HTML = `<${END_HEADING}>${escapeHtml(SECTION_END_TEXT)}</${END_HEADING}>`;

/** Names people by attendee id; undefined when the id is not known. */
export type DisplayNameOf = (id: string) => string | undefined;

/** A language's names for a due date's parts, and how it puts them together. */
export interface DueDateWords {
  /** Monday first, as ISO 8601 numbers the days. */
  weekdays: readonly string[];
  months: readonly string[];
  date: (weekday: string, day: number, month: string, year: number) => string;
}

/** English, the default wherever no language is passed in. */
export const DUE_DATE_WORDS: DueDateWords = {
  weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  date: (weekday, day, month, year) => `${weekday} ${String(day)} ${month} ${String(year)}`,
};

/**
 * The words inside the section, in the organizer's language (the features layer passes it in;
 * English otherwise). The two boundary headings stay English in every language: they are how
 * Rapport finds its own section again, whoever saved it last.
 */
export interface InviteWords {
  unknownPerson: string;
  roles: Record<Exclude<Role['kind'], 'custom'>, string>;
  headings: {
    purpose: string;
    outcome: string;
    agenda: string;
    roles: string;
    deliverables: string;
    successMetrics: string;
  };
  minutes: (minutes: number) => string;
  /** "<owner>, due <date>" after a deliverable's title. */
  ownerDue: (owner: string, due: string) => string;
  /** The section's closing note, plain text. */
  keptByRapport: string;
  dueDate: DueDateWords;
}

/** English, the default wherever no language is passed in. */
export const INVITE_WORDS: InviteWords = {
  unknownPerson: 'Unknown attendee',
  roles: {
    facilitator: 'Facilitator',
    noteTaker: 'Note-taker',
    decisionMaker: 'Decision-maker',
    coOrganizer: 'Co-organizer',
  },
  headings: {
    purpose: 'Purpose',
    outcome: 'Decision or outcome',
    agenda: 'Agenda',
    roles: 'Roles',
    deliverables: 'Deliverables',
    successMetrics: 'Success metrics',
  },
  minutes: (minutes) => `${String(minutes)} min`,
  ownerDue: (owner, due) => `${owner}, due ${due}`,
  keptByRapport:
    'Kept by Rapport: open the meeting’s Rapport tab to see deliverable status or to change ' +
    'these. Edits made here in the invite are replaced the next time they are saved there.',
  dueDate: DUE_DATE_WORDS,
};

/** "2026-03-20" → "Fri 20 Mar 2026": unambiguous in every locale, unlike 03/20 or 20/03. */
export function formatDueDate(due: string, words: DueDateWords = DUE_DATE_WORDS): string {
  try {
    const date = Temporal.PlainDate.from(due, { overflow: 'reject' });
    const weekday = words.weekdays[date.dayOfWeek - 1] ?? '';
    const month = words.months[date.month - 1] ?? '';
    return words.date(weekday, date.day, month, date.year);
  } catch {
    return due;
  }
}

/**
 * The section's HTML. Every piece of user text (and every display name) is escaped; deliverables'
 * status and obstacles are left out on purpose: they change often, and every PATCH of the event
 * emails all attendees.
 *
 * Example: purpose "Pick a <launch> date" renders as `<p dir="auto">Pick a &lt;launch&gt; date</p>`
 * under the "Purpose" heading.
 */
export function renderInviteSection(
  expectations: Pick<
    Expectations,
    'purpose' | 'outcome' | 'agenda' | 'roles' | 'deliverables' | 'successMetrics'
  >,
  displayNameOf: DisplayNameOf,
  words: InviteWords = INVITE_WORDS,
): string {
  const plainName = (id: string): string => displayNameOf(id) ?? words.unknownPerson;
  const name = (id: string): string => escapeHtml(plainName(id));
  const h = words.headings;
  const heading = (text: string): string => `<h4>${escapeHtml(text)}</h4>`;
  const para = (text: string): string => `<p dir="auto">${escapeHtml(text)}</p>`;
  const list = (tag: 'ol' | 'ul', items: readonly string[]): string =>
    `<${tag}>${items.map((item) => `<li dir="auto">${item}</li>`).join('')}</${tag}>`;

  const parts: string[] = [SECTION_START_HTML, heading(h.purpose), para(expectations.purpose)];
  if (expectations.outcome !== '') {
    parts.push(heading(h.outcome), para(expectations.outcome));
  }
  if (expectations.agenda.length > 0) {
    const total = expectations.agenda.reduce((sum, item) => sum + (item.minutes ?? 0), 0);
    parts.push(
      heading(total > 0 ? `${h.agenda} · ${words.minutes(total)}` : h.agenda),
      list(
        'ol',
        expectations.agenda.map((item) => agendaLine(item, name, words)),
      ),
    );
  }
  if (expectations.roles.length > 0) {
    parts.push(
      heading(h.roles),
      list(
        'ul',
        expectations.roles.map((role) => `${roleName(role, words)}: ${name(role.holderId)}`),
      ),
    );
  }
  if (expectations.deliverables.length > 0) {
    parts.push(
      heading(h.deliverables),
      list(
        'ul',
        expectations.deliverables.map((d) => deliverableLine(d, plainName, words)),
      ),
    );
  }
  if (expectations.successMetrics.length > 0) {
    parts.push(
      heading(h.successMetrics),
      list(
        'ul',
        expectations.successMetrics.map((metric) => escapeHtml(metric)),
      ),
    );
  }
  parts.push(`<p>${escapeHtml(words.keptByRapport)}</p>`, SECTION_END_HTML);
  return parts.join('\r\n');
}

function roleName(role: Role, words: InviteWords): string {
  return role.kind === 'custom' ? escapeHtml(role.label) : escapeHtml(words.roles[role.kind]);
}

function agendaLine(item: AgendaItem, name: (id: string) => string, words: InviteWords): string {
  const details = [
    ...(item.presenterId !== undefined ? [name(item.presenterId)] : []),
    ...(item.minutes !== undefined ? [escapeHtml(words.minutes(item.minutes))] : []),
  ];
  const title = escapeHtml(item.title);
  return details.length > 0 ? `${title} — ${details.join(', ')}` : title;
}

function deliverableLine(
  deliverable: Deliverable,
  plainName: (id: string) => string,
  words: InviteWords,
): string {
  const ownerDue = words.ownerDue(
    plainName(deliverable.ownerId),
    formatDueDate(deliverable.due, words.dueDate),
  );
  return `${escapeHtml(deliverable.title)} — ${escapeHtml(ownerDue)}`;
}

// ---------------------------------------------------------------------------------------------
// Finding and replacing the section

interface Span {
  from: number;
  to: number;
}

/** Index of the token closing the heading opened at `tokens[at]`, if the heading reads `text`. */
function headingEnd(
  html: string,
  tokens: readonly HtmlToken[],
  at: number,
  heading: string,
  text: string,
): number | undefined {
  for (let i = at + 1; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined || token.kind === 'text') continue;
    if (token.kind === 'end' && token.name === heading) {
      return visibleText(html, tokens.slice(at + 1, i)) === text ? i : undefined;
    }
    // Another heading or a block starting inside means this is not our one-line heading.
    if (/^h[1-6]$/.test(token.name) || token.name === 'p' || token.name === 'div') return undefined;
  }
  return undefined;
}

/** Every complete Rapport section in `html`, in order (see the module comment for the rules). */
export function findSections(html: string): Span[] {
  const tokens = tokenizeHtml(html);
  const sections: Span[] = [];
  let open: number | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token?.kind !== 'start') continue;
    if (token.name === START_HEADING) {
      const end = headingEnd(html, tokens, i, START_HEADING, SECTION_START_TEXT);
      if (end !== undefined) {
        open = token.from;
        i = end;
      }
    } else if (token.name === END_HEADING) {
      const end = headingEnd(html, tokens, i, END_HEADING, SECTION_END_TEXT);
      if (end === undefined) continue;
      const close = tokens[end];
      if (open !== undefined && close !== undefined) {
        sections.push({ from: open, to: close.to });
        open = undefined;
      }
      i = end;
    }
  }
  return sections;
}

/**
 * `body` with its Rapport section replaced by `sectionHtml`, everything else byte for byte as it
 * was (the organizer's text, and the Teams join block Exchange keeps at the end of the body).
 *
 * - With a section in the body, the first one is replaced where it stands. A later one (which no
 *   save by this function creates) is left as it is: removing it could pair an orphan start
 *   heading before it with an orphan end heading after it, and the next save would then delete
 *   the organizer's text between those two.
 * - Without one, the section goes at the top of the body: right after the `<body>` tag when the
 *   body is a document, else at the very start.
 * - An empty `sectionHtml` removes the section.
 *
 * So `replaceSection(replaceSection(body, s1), s2)` equals `replaceSection(body, s2)`: saving twice
 * leaves the same body as saving once. `sectionHtml` must be one whole section as
 * `renderInviteSection` makes it (or empty); anything else throws, because a malformed section
 * would not be found again and every save would add one more.
 */
export function replaceSection(body: string, sectionHtml: string): string {
  if (sectionHtml !== '') {
    const own = findSections(sectionHtml);
    if (own.length !== 1 || own[0]?.from !== 0 || own[0].to !== sectionHtml.length) {
      throw new Error('replaceSection: sectionHtml must be exactly one Rapport section');
    }
  }
  const first = findSections(body)[0];
  if (first === undefined) {
    if (sectionHtml === '') return body;
    const at = bodyContentStart(body);
    return body.slice(0, at) + sectionHtml + body.slice(at);
  }
  return body.slice(0, first.from) + sectionHtml + body.slice(first.to);
}

/** Where the content of the body starts: just past the first real `<body …>` tag, else 0. */
function bodyContentStart(html: string): number {
  const tag = tokenizeHtml(html).find((t) => t.kind === 'start' && t.name === 'body');
  return tag?.to ?? 0;
}

/** The visible text of the Rapport section in `html`, or of all of `html` when it has none. */
export function sectionText(html: string): string {
  const section = findSections(html)[0];
  const fragment = section === undefined ? html : html.slice(section.from, section.to);
  return visibleText(fragment, tokenizeHtml(fragment));
}

/**
 * Whether two renderings read differently. Each side may be a section or a whole event body (its
 * section is compared). Markup, attributes, character references and whitespace are ignored,
 * because Exchange re-serializes what it stores: comparing the stored body with a fresh rendering
 * byte for byte would PATCH (and email every attendee) on every save.
 *
 * Example: `<h4>Purpose</h4><p>Ship&nbsp;it</p>` and `<h4 class="x">Purpose</h4>\r\n<p>Ship it</p>`
 * have not changed; `Ship it` and `Ship it!` have.
 */
export function renderedTextChanged(a: string, b: string): boolean {
  return sectionText(a) !== sectionText(b);
}
