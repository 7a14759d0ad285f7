import { describe, expect, it } from 'vitest';
import { de } from '../../../../src/features/shared/i18n/de';
import { en } from '../../../../src/features/shared/i18n/en';
import { languageOf } from '../../../../src/features/shared/i18n/language';
import { loadMessages } from '../../../../src/features/shared/i18n/load';
import { plural } from '../../../../src/features/shared/i18n/plural';

type Leaf = string | ((...args: never[]) => string);

/** Every message of a catalog by its dotted path. */
function leaves(node: unknown, path = ''): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  if (typeof node === 'string' || typeof node === 'function') {
    out.set(path, node as Leaf);
    return out;
  }
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    for (const [p, leaf] of leaves(value, path ? `${path}.${key}` : key)) out.set(p, leaf);
  }
  return out;
}

/**
 * German that is rightly the same as English: words both languages use (Status, Agenda, Link,
 * Name) and punctuation.
 */
const SAME_IN_GERMAN = new Set([
  'meeting.status_',
  'meeting.statusLabel',
  'meeting.agenda',
  'commitments.kinds.link',
  'commitments.editor.link',
  'commitments.editor.name',
  'home.coffee.meetingAfter',
  'validation.where.field.agenda',
  'domainText.conflict.fields.agenda',
  'domainText.invite.headings.agenda',
  // The product's name, the pane's title in every language.
  'outlook.title',
]);

/** Sample arguments: a number stands in for counts, strings and flags alike. */
const call = (fn: Leaf): string | undefined => {
  if (typeof fn === 'string') return fn;
  try {
    return (fn as (...args: unknown[]) => string)(...Array.from({ length: fn.length }, () => 3));
  } catch {
    return undefined; // takes a list: covered by its own test below
  }
};

describe('the German catalog', () => {
  const english = leaves(en);
  const german = leaves(de);

  it('has every English message and nothing else', () => {
    expect([...german.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('has no empty message and none left in English, but for the few that are the same', () => {
    const same: string[] = [];
    for (const [path, enLeaf] of english) {
      const deLeaf = german.get(path);
      expect(typeof deLeaf, path).toBe(typeof enLeaf);
      if (typeof enLeaf === 'function') expect((deLeaf as Leaf).length, path).toBe(enLeaf.length);
      const enText = call(enLeaf);
      const deText = deLeaf === undefined ? undefined : call(deLeaf);
      if (enText === undefined) continue;
      expect(deText?.trim(), path).toBeTruthy();
      if (deText === enText && !SAME_IN_GERMAN.has(path)) same.push(path);
    }
    expect(same).toEqual([]);
  });

  it('carries no markup: messages are plain text that React escapes', () => {
    for (const [path, leaf] of [...english, ...german]) {
      expect(call(leaf) ?? '', path).not.toMatch(/<[a-z/]/i);
    }
  });

  it('joins lists in its own words', () => {
    expect(en.meeting.list(['purpose', 'agenda'])).toBe('purpose and agenda');
    expect(de.meeting.list(['Zweck', 'Agenda', 'Erfolgskriterien'])).toBe(
      'Zweck, Agenda und Erfolgskriterien',
    );
  });
});

describe('languageOf', () => {
  it.each([
    ['de-DE', 'de'],
    ['de-de', 'de'],
    ['de-AT', 'de'],
    ['de-CH', 'de'],
    ['de', 'de'],
    ['DE_de', 'de'],
    ['en-us', 'en'],
    ['en-GB', 'en'],
    ['fr-FR', 'en'],
    ['deu', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ] as const)('%s → %s', (locale, language) => {
    expect(languageOf(locale)).toBe(language);
  });
});

describe('plurals', () => {
  it('follow each language’s CLDR rules', () => {
    const forms = { one: 'one', other: 'other' };
    expect(plural('en', 1, forms)).toBe('one');
    expect(plural('en', 0, forms)).toBe('other');
    expect(plural('en', 2, forms)).toBe('other');
    expect(plural('de', 1, forms)).toBe('one');
    expect(plural('de', 0, forms)).toBe('other');
    expect(plural('de', 1.5, forms)).toBe('other');
    expect(plural('en', 3, { other: 'only other' })).toBe('only other');
  });

  it('shape the catalog’s counted messages', () => {
    expect(en.home.moreDone(1)).toBe('1 more is done.');
    expect(en.home.moreDone(4)).toBe('4 more are done.');
    expect(de.home.moreDone(1)).toBe('1 weiteres ist erledigt.');
    expect(de.home.moreDone(4)).toBe('4 weitere sind erledigt.');
    expect(en.meeting.agendaTime(55, 45, 10, 1)).toBe(
      '55 of 45 minutes planned, plus 1 untimed item — 10 over',
    );
    expect(de.meeting.agendaTime(30, 45, 0, 2)).toBe(
      '30 von 45 Minuten geplant, dazu 2 Punkte ohne Zeitangabe',
    );
    expect(en.commitments.dueSince(1, 'Mar 1, 2026', 'h')).toBe(
      '1 deliverable due since Mar 1, 2026: h.',
    );
    expect(de.commitments.notCounted(2)).toBe(
      '2 außerhalb von Rapport geänderte Einträge konnten nicht gezählt werden.',
    );
  });
});

describe('loadMessages', () => {
  it('gives English at once and German from its own chunk', async () => {
    expect(await loadMessages('en')).toBe(en);
    expect(await loadMessages('de')).toBe(de);
  });
});
