import { describe, expect, it } from 'vitest';
import { helpMessage } from '../../../../src/domain/commitments/help-request';
import {
  findSections,
  formatDueDate,
  renderInviteSection,
  replaceSection,
} from '../../../../src/domain/expectations/invite-section';
import type { MergeConflict } from '../../../../src/domain/expectations/merge';
import type { Deliverable } from '../../../../src/domain/expectations/schema';
import { TEMPLATES, type TemplateId } from '../../../../src/domain/expectations/templates';
import { ICE_BREAKERS } from '../../../../src/domain/social/prompts';
import { LEFT_OUT_TEXT } from '../../../../src/domain/social/round';
import {
  checkSummary,
  deliverableLine,
  summaryChatDraft,
  summarySections,
} from '../../../../src/domain/summaries/build-summary';
import type { SummaryContent } from '../../../../src/domain/summaries/summary-schema';
import { iceBreakerText } from '../../../../src/features/home/ice-breaker';
import { builtInTemplates } from '../../../../src/features/meeting/built-in-templates';
import { conflictLabel } from '../../../../src/features/meeting/conflict-text';
import { de } from '../../../../src/features/shared/i18n/de';
import { en } from '../../../../src/features/shared/i18n/en';

const deliverable: Deliverable = {
  id: 'd1',
  title: 'Launch plan',
  ownerId: 'a',
  due: '2026-03-20',
  status: 'blocked',
  obstacle: 'Waiting on legal',
};

describe('conflict labels', () => {
  const field: MergeConflict = { kind: 'field', field: 'purpose', mine: 'a', theirs: 'b' };
  const part: MergeConflict = {
    kind: 'deliverable',
    id: 'd1',
    part: 'due',
    mine: deliverable,
    theirs: { ...deliverable, title: 'Launch plan v2' },
  };
  const whole: MergeConflict = {
    kind: 'deliverable',
    id: 'd1',
    part: 'whole',
    mine: deliverable,
    theirs: undefined,
  };

  it('keeps the English words', () => {
    expect(conflictLabel(field)).toBe('Purpose');
    expect(conflictLabel(part, en)).toBe('Deliverable “Launch plan v2”: due date');
    expect(conflictLabel(whole)).toBe(
      'Deliverable “Launch plan”: removed on one side, changed on the other',
    );
  });

  it('says them in German', () => {
    expect(conflictLabel(field, de)).toBe('Zweck');
    expect(conflictLabel(part, de)).toBe('Ergebnis „Launch plan v2“: Fälligkeitsdatum');
    expect(conflictLabel(whole, de)).toBe(
      'Ergebnis „Launch plan“: auf einer Seite entfernt, auf der anderen geändert',
    );
  });
});

describe('coffee rounds', () => {
  it('says why someone was left out in the domain’s English, and in German', () => {
    expect(en.domainText.leftOut).toEqual(LEFT_OUT_TEXT);
    expect(de.domainText.leftOut.noFreeTime).toBe(
      'Dein Kalender hat an den Tagen dieser Runde keine freie Zeit in deinen Arbeitszeiten.',
    );
  });

  it('shows a stored English ice-breaker in the reader’s language', () => {
    expect(en.domainText.iceBreakers).toEqual(ICE_BREAKERS);
    expect(de.domainText.iceBreakers).toHaveLength(ICE_BREAKERS.length);
    for (const prompt of ICE_BREAKERS) expect(iceBreakerText(prompt, en)).toBe(prompt);
    expect(iceBreakerText(ICE_BREAKERS[1], de)).toBe(
      'Wie sieht für dich ein guter Arbeitstag aus?',
    );
    expect(iceBreakerText('A prompt someone else wrote', de)).toBe('A prompt someone else wrote');
  });
});

describe('due dates and help requests', () => {
  it('writes a due date in English by default and in German when asked', () => {
    expect(formatDueDate('2026-03-20')).toBe('Fri 20 Mar 2026');
    expect(formatDueDate('2026-03-20', en.domainText.dueDate)).toBe('Fri 20 Mar 2026');
    expect(formatDueDate('2026-03-20', de.domainText.dueDate)).toBe('Fr., 20. März 2026');
    expect(formatDueDate('not a date', de.domainText.dueDate)).toBe('not a date');
  });

  it('writes the help request in the asker’s language, English by default', () => {
    const opts = { greeting: 'Divya', meetingSubject: 'Sprint planning' };
    expect(helpMessage(deliverable, opts, en.domainText.help)).toBe(helpMessage(deliverable, opts));
    expect(helpMessage(deliverable, opts)).toBe(
      'Hi Divya, could you help me with a deliverable?\n“Launch plan”, due Fri 20 Mar 2026 (from Sprint planning).\nWhat is in the way: Waiting on legal',
    );
    expect(helpMessage(deliverable, {}, de.domainText.help)).toBe(
      'Kann mir jemand bei einem Ergebnis helfen?\n„Launch plan“, fällig am Fr., 20. März 2026.\nWas im Weg steht: Waiting on legal',
    );
  });
});

describe('built-in templates', () => {
  it('keep the domain’s English words and minutes', () => {
    expect(builtInTemplates(en)).toEqual(TEMPLATES);
  });

  it('have German words for every item, with the same minutes', () => {
    const german = builtInTemplates(de);
    expect(german.map((t) => t.name)).toContain('Retrospektive');
    german.forEach((template, i) => {
      const english = TEMPLATES[i];
      expect(english).toBeDefined();
      if (english === undefined) return;
      const words = de.templates[english.id as TemplateId];
      expect(words.agenda).toHaveLength(english.agenda.length);
      expect(words.successMetrics).toHaveLength(english.successMetrics.length);
      expect(template.agenda.map((item) => item.minutes)).toEqual(
        english.agenda.map((item) => item.minutes),
      );
      expect(template.purpose).not.toBe(english.purpose);
    });
  });
});

describe('meeting summaries', () => {
  const content: SummaryContent = {
    purpose: 'Pick the launch date.',
    decisions: ['Launch on 20 March.'],
    nextSteps: [],
    deliverables: [
      {
        id: 'd1',
        title: 'Draft',
        ownerId: 'a',
        ownerName: '',
        due: '2026-03-20',
        status: 'blocked',
        obstacle: 'waiting on legal',
      },
    ],
    successMetrics: [],
  };

  it('read in English by default', () => {
    expect(summarySections(content, en.domainText.summary)).toEqual(summarySections(content));
    expect(deliverableLine(content.deliverables[0]!)).toBe(
      'Draft: no owner named, due 2026-03-20, Blocked (waiting on legal)',
    );
  });

  it('read in German, in the preview and in the chat message', () => {
    const words = de.domainText.summary;
    expect(summarySections(content, words).map((s) => s.heading)).toEqual([
      'Zweck',
      'Entscheidungen',
      'Ergebnisse',
    ]);
    expect(deliverableLine(content.deliverables[0]!, words)).toBe(
      'Draft: niemand verantwortlich, fällig 2026-03-20, Blockiert (waiting on legal)',
    );
    const draft = summaryChatDraft('uid-1', 'Launch', content, words);
    expect(draft.paragraphs[0]).toEqual([
      { kind: 'text', text: 'Besprechungszusammenfassung: Launch' },
    ]);
    const empty = { ...content, purpose: '', decisions: [], deliverables: [] };
    expect(checkSummary(empty, words)).toEqual({
      kind: 'invalid',
      errors: {
        decisions: [
          'Füge eine Entscheidung oder einen nächsten Schritt hinzu: Es gibt noch nichts zusammenzufassen.',
        ],
      },
    });
  });
});

describe('the invite section', () => {
  const expectations = {
    purpose: 'Pick the <launch> date.',
    outcome: '',
    agenda: [{ title: 'Options', minutes: 15, presenterId: 'a' }],
    roles: [{ kind: 'facilitator' as const, holderId: 'a' }],
    deliverables: [deliverable],
    successMetrics: [],
  };
  const nameOf = (id: string) => (id === 'a' ? 'Ana Ruiz' : undefined);

  it('is English by default, as before', () => {
    expect(renderInviteSection(expectations, nameOf, en.domainText.invite)).toBe(
      renderInviteSection(expectations, nameOf),
    );
  });

  it('is German in a German organizer’s invite, and still found and replaced as Rapport’s', () => {
    const german = renderInviteSection(expectations, nameOf, de.domainText.invite);
    expect(german).toContain('<h4>Agenda · 15 Min.</h4>');
    expect(german).toContain('<li dir="auto">Moderation: Ana Ruiz</li>');
    expect(german).toContain('Launch plan — Ana Ruiz, fällig am Fr., 20. März 2026');
    expect(german).toContain('Pick the &lt;launch&gt; date.');
    const body = replaceSection('<p>Notes from the organizer.</p>', german);
    expect(findSections(body)).toHaveLength(1);
    const english = renderInviteSection(expectations, nameOf);
    expect(replaceSection(body, english)).toContain('Ana Ruiz, due Fri 20 Mar 2026');
    expect(replaceSection(body, english)).not.toContain('fällig');
  });
});
