import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../../src/domain/expectations/html-escape';
import {
  SECTION_END_HTML,
  SECTION_START_HTML,
  findSections,
  formatDueDate,
  renderInviteSection,
  renderedTextChanged,
  replaceSection,
  sectionText,
} from '../../../../src/domain/expectations/invite-section';
import { rewriteBodyAsExchange } from '../../../../src/local/tenant/calendar/exchange-html';
import { deliverable, expectations, nameOf } from './builders';

/** The shape of the block Exchange appends to a Teams meeting's body. */
const JOIN_BLOCK =
  '<div style="width:100%"><span style="white-space:nowrap;color:#5F5F5F;opacity:.36">____</span></div>' +
  '<div class="me-email-text" lang="en-US"><span style="font-size:24px">Microsoft Teams meeting</span>' +
  '<a class="me-email-headline" href="https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0">Click here to join the meeting</a></div>';

const organizerBody = (content: string): string =>
  `<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n<body>\r\n${content}${JOIN_BLOCK}\r\n</body>\r\n</html>\r\n`;

const section = renderInviteSection(expectations(), nameOf);

/** An organizer body with `section` inserted where a first save puts it: right after `<body>`. */
const withSectionOnTop = (content: string, sectionHtml = section): string =>
  organizerBody(content).replace('<body>\r\n', `<body>${sectionHtml}\r\n`);

describe('renderInviteSection', () => {
  it('renders every part between the two boundary headings', () => {
    expect(section.startsWith(SECTION_START_HTML)).toBe(true);
    expect(section.endsWith(SECTION_END_HTML)).toBe(true);
    expect(sectionText(section)).toBe(
      [
        'Rapport · meeting expectations',
        'Purpose Agree on the launch date.',
        'Decision or outcome A launch date everyone can commit to.',
        'Agenda · 25 min Wins since last week — 10 min Risks — Bo Builder, 15 min',
        'Roles Facilitator: Olu Organizer Co-organizer: Cy Co-organizer',
        'Deliverables Draft the launch plan — Ana Attendee, due Fri 20 Mar 2026',
        'Check the budget — Bo Builder, due Fri 27 Mar 2026',
        'Success metrics We leave with one date.',
        'Kept by Rapport: open the meeting’s Rapport tab to see deliverable status or to change these.',
        'Edits made here in the invite are replaced the next time they are saved there.',
        '— end of Rapport meeting expectations —',
      ].join(' '),
    );
  });

  it('leaves out empty parts, live status and obstacles', () => {
    const minimal = renderInviteSection(
      expectations({
        outcome: '',
        agenda: [],
        roles: [],
        successMetrics: [],
        deliverables: [deliverable({ status: 'blocked', obstacle: 'Waiting on legal' } as never)],
      }),
      nameOf,
    );
    expect(minimal).not.toMatch(/Agenda|Roles|Success metrics|Decision or outcome/);
    expect(minimal).not.toMatch(/blocked|legal/i);
  });

  it('names custom roles by their label and unknown people plainly', () => {
    const html = renderInviteSection(
      expectations({ roles: [{ kind: 'custom', label: 'Timekeeper', holderId: 'ghost' }] }),
      nameOf,
    );
    expect(html).toContain('<li dir="auto">Timekeeper: Unknown attendee</li>');
  });

  it('escapes hostile text in every field and in display names', () => {
    const hostile = `<script>alert("x")</script> & 'quoted' <img src=x onerror=alert(1)>`;
    const html = renderInviteSection(
      expectations({
        purpose: hostile,
        outcome: hostile,
        agenda: [{ title: hostile, presenterId: 'evil', minutes: 5 }],
        roles: [{ kind: 'custom', label: hostile, holderId: 'evil' }],
        deliverables: [deliverable({ title: hostile, ownerId: 'evil', due: hostile })],
        successMetrics: [hostile],
      }),
      (id) => (id === 'evil' ? hostile : undefined),
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain(`"x"`);
    expect(html).not.toContain(`'quoted'`);
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39; &lt;img src=x onerror=alert(1)&gt;',
    );
    // Still exactly one section, found where it was rendered.
    expect(findSections(html)).toEqual([{ from: 0, to: html.length }]);
  });

  it('never turns user text into a boundary', () => {
    const html = renderInviteSection(
      expectations({
        purpose: '— end of Rapport meeting expectations —',
        successMetrics: ['Rapport · meeting expectations'],
      }),
      nameOf,
    );
    expect(findSections(html)).toEqual([{ from: 0, to: html.length }]);
  });

  it('writes due dates the same way in every locale', () => {
    expect(formatDueDate('2026-03-20')).toBe('Fri 20 Mar 2026');
    expect(formatDueDate('2024-02-29')).toBe('Thu 29 Feb 2024');
    expect(formatDueDate('not a date')).toBe('not a date');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters and nothing else', () => {
    expect(escapeHtml(`<b title="x">Tom & Jerry's</b> 🚀 مرحبا`)).toBe(
      '&lt;b title=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt; 🚀 مرحبا',
    );
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

describe('replaceSection', () => {
  it('inserts the section at the top of the body and keeps the join block', () => {
    const body = organizerBody('<p>Bring your numbers.</p>');
    const out = replaceSection(body, section);
    expect(out).toBe(withSectionOnTop('<p>Bring your numbers.</p>'));
    expect(out.endsWith(`${JOIN_BLOCK}\r\n</body>\r\n</html>\r\n`)).toBe(true);
  });

  it('inserts at the very start of a fragment without <body>', () => {
    expect(replaceSection('<p>Hi</p>', section)).toBe(`${section}<p>Hi</p>`);
    expect(replaceSection('', section)).toBe(section);
  });

  it('replaces only the section, idempotently', () => {
    const body = organizerBody('<p>Before</p>');
    const once = replaceSection(body, section);
    expect(replaceSection(once, section)).toBe(once);
    const changed = renderInviteSection(expectations({ purpose: 'A new purpose.' }), nameOf);
    const twice = replaceSection(once, changed);
    expect(twice).toBe(replaceSection(body, changed));
    expect(twice).toContain('<p>Before</p>');
    expect(twice).toContain(JOIN_BLOCK);
    expect(findSections(twice)).toHaveLength(1);
  });

  it('removes the section when given an empty one', () => {
    const body = organizerBody('<p>Before</p>');
    expect(replaceSection(replaceSection(body, section), '')).toBe(body);
    expect(replaceSection(body, '')).toBe(body);
  });

  it('survives Exchange rewriting the body, and finds its section again', () => {
    const stored = rewriteBodyAsExchange({
      contentType: 'html',
      content: replaceSection(organizerBody('<p>Before</p>'), section),
    }).content;
    expect(findSections(stored)).toHaveLength(1);
    expect(renderedTextChanged(stored, section)).toBe(false);
    const changed = renderInviteSection(expectations({ purpose: 'Moved.' }), nameOf);
    const next = replaceSection(stored, changed);
    expect(findSections(next)).toHaveLength(1);
    expect(next).toContain('<p>Before</p>');
    expect(next).toContain('me-email-headline');
    // Exchange rewriting the new body again still leaves one section.
    const restored = rewriteBodyAsExchange({ contentType: 'html', content: next }).content;
    expect(findSections(restored)).toHaveLength(1);
    expect(sectionText(restored)).toBe(sectionText(changed));
  });

  it('recognises its headings after an editor adds attributes, spans and references', () => {
    const outlooked =
      '<h3 class="x_MsoNormal" style="margin:0"><span style="font-family:Aptos">Rapport &middot; meeting\r\n expectations</span></h3>' +
      '<p>old content</p>' +
      '<H5 id="x_end">&#8212;&nbsp;end of Rapport meeting expectations&nbsp;&mdash;</H5>';
    const body = organizerBody(`<p>Mine</p>${outlooked}<p>Also mine</p>`);
    expect(replaceSection(body, section)).toBe(
      organizerBody(`<p>Mine</p>${section}<p>Also mine</p>`),
    );
  });

  describe('when the organizer’s own text looks like a boundary', () => {
    const lookalikes = [
      '<p>Rapport · meeting expectations</p>',
      '<p>— end of Rapport meeting expectations —</p>',
      '<p>&lt;h3&gt;Rapport · meeting expectations&lt;/h3&gt;</p>',
      '<!-- <h3>Rapport · meeting expectations</h3> -->',
      '<p title="<h5>— end of Rapport meeting expectations —</h5>">hover me</p>',
      '<style>/* <h3>Rapport · meeting expectations</h3> */</style>',
      '<div>Rapport · meeting expectations <b>— end of Rapport meeting expectations —</b></div>',
      '<h3>Rapport · meeting expectations for next week</h3>',
      '<h4>Rapport · meeting expectations</h4>',
    ];

    it.each(lookalikes)('keeps %s and puts the section above it', (lookalike) => {
      const body = organizerBody(`<p>Agenda notes</p>${lookalike}<p>Bring snacks</p>`);
      const out = replaceSection(body, section);
      expect(out).toBe(withSectionOnTop(`<p>Agenda notes</p>${lookalike}<p>Bring snacks</p>`));
      expect(replaceSection(out, section)).toBe(out);
    });

    it('keeps paragraphs with the boundary text typed before, inside-looking and after the section', () => {
      const before =
        '<p>Rapport · meeting expectations</p><p>— end of Rapport meeting expectations —</p>';
      const after = '<p>— end of Rapport meeting expectations —</p><p>PS: see you there</p>';
      const body = organizerBody(`${before}${section}${after}`);
      const changed = renderInviteSection(expectations({ purpose: 'Changed.' }), nameOf);
      expect(replaceSection(body, changed)).toBe(organizerBody(`${before}${changed}${after}`));
    });

    it('never lets an orphan start heading eat the text that follows it', () => {
      const orphan = `${SECTION_START_HTML}<p>The organizer pasted a heading and kept writing</p>`;
      const body = organizerBody(`${orphan}${section}<p>After</p>`);
      const changed = renderInviteSection(expectations({ purpose: 'Changed.' }), nameOf);
      expect(replaceSection(body, changed)).toBe(organizerBody(`${orphan}${changed}<p>After</p>`));
    });

    it('ignores an end heading with no start before it', () => {
      const body = organizerBody(`<p>x</p>${SECTION_END_HTML}<p>y</p>`);
      expect(replaceSection(body, section)).toBe(
        withSectionOnTop(`<p>x</p>${SECTION_END_HTML}<p>y</p>`),
      );
    });
  });

  it('replaces the first of two sections and leaves the second alone', () => {
    const body = organizerBody(`${section}<p>between</p>${section}<p>end</p>`);
    const changed = renderInviteSection(expectations({ purpose: 'Changed.' }), nameOf);
    expect(replaceSection(body, changed)).toBe(
      organizerBody(`${changed}<p>between</p>${section}<p>end</p>`),
    );
  });

  it('regression: replacing a section never pairs leftover headings (deduplicating did)', () => {
    // An orphan start, then a section, then an orphan end around the organizer's text: the
    // orphans stay orphans, and the organizer's text between them stays.
    const body = organizerBody(
      `${section}<p>a</p>${SECTION_START_HTML}<p>keep me</p>${section}<p>and me</p>${SECTION_END_HTML}`,
    );
    const changed = renderInviteSection(expectations({ purpose: 'Changed.' }), nameOf);
    const once = replaceSection(body, changed);
    expect(once).toContain('<p>keep me</p>');
    expect(once).toContain('<p>and me</p>');
    expect(replaceSection(once, section)).toBe(replaceSection(body, section));
  });

  it('refuses a section it would not find again', () => {
    expect(() => replaceSection('<p>x</p>', '<p>not a section</p>')).toThrow(/exactly one/);
    expect(() => replaceSection('<p>x</p>', `${section}${section}`)).toThrow(/exactly one/);
    expect(() => replaceSection('<p>x</p>', `<p>${section}`)).toThrow(/exactly one/);
  });
});

describe('renderedTextChanged', () => {
  it('does not re-render for a status or obstacle change', () => {
    const blocked = expectations({
      deliverables: [deliverable({ status: 'blocked', obstacle: 'Legal' } as never)],
    });
    const onTrack = expectations({ deliverables: [deliverable()] });
    expect(
      renderedTextChanged(
        renderInviteSection(blocked, nameOf),
        renderInviteSection(onTrack, nameOf),
      ),
    ).toBe(false);
  });

  it('re-renders when anything shown changes, display names included', () => {
    expect(
      renderedTextChanged(
        section,
        renderInviteSection(expectations({ purpose: 'Agree on the launch date!' }), nameOf),
      ),
    ).toBe(true);
    expect(
      renderedTextChanged(
        section,
        renderInviteSection(expectations(), (id) => `${nameOf(id) ?? id} (renamed)`),
      ),
    ).toBe(true);
  });

  it('ignores markup, references and whitespace', () => {
    expect(
      renderedTextChanged(
        '<h4>Purpose</h4><p>Ship&nbsp;it &amp; rest</p>',
        '<h4 class="x">Purpose</h4>\r\n<p dir="auto"><span>Ship it &#38; rest</span></p>',
      ),
    ).toBe(false);
    expect(renderedTextChanged('<p>Ship it</p>', '<p>Ship it!</p>')).toBe(true);
  });

  it('compares the section of a whole body with a fresh rendering', () => {
    const body = replaceSection(organizerBody('<p>Organizer text</p>'), section);
    expect(renderedTextChanged(body, section)).toBe(false);
    expect(renderedTextChanged(organizerBody('<p>Organizer text</p>'), section)).toBe(true);
  });
});
