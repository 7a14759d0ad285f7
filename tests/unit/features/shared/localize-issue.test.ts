import { describe, expect, it } from 'vitest';
import { resourcesContentSchema } from '../../../../src/domain/commitments/team-resources';
import { expectationsSchema } from '../../../../src/domain/expectations/schema';
import { teamTemplateFrom } from '../../../../src/domain/expectations/team-templates';
import { pollDraftSchema } from '../../../../src/domain/feedback/schema';
import { programSchema } from '../../../../src/domain/social/program';
import { describePath, errorSummary } from '../../../../src/features/meeting/form-errors';
import { de } from '../../../../src/features/shared/i18n/de';
import { en } from '../../../../src/features/shared/i18n/en';
import {
  localFieldErrors,
  localizeIssue,
  type IssueForm,
} from '../../../../src/features/shared/validation/localize-issue';
import type { z } from 'zod';

const long = (n: number) => 'x'.repeat(n);

const badExpectations = {
  schemaVersion: 2,
  meetingKey: '',
  seriesKey: long(300),
  purpose: `${long(301)}\u0001`,
  outcome: 5,
  agenda: [
    { title: '', minutes: 1.5, presenterId: '' },
    { title: long(121), minutes: Number.NaN },
    { title: 'Tab\there', minutes: 0 },
    { title: 'x', minutes: 500 },
    { title: 'y', minutes: '3' },
  ],
  roles: [
    { kind: 'bogus', holderId: 'a' },
    { kind: 'custom', label: '', holderId: 'a' },
    { kind: 'custom', label: long(41), holderId: '' },
    { kind: 'facilitator', holderId: 'a' },
    { kind: 'facilitator', holderId: 'a' },
    7,
  ],
  deliverables: [
    { id: 'd', title: '', ownerId: 'a', due: '2026-1-1', status: 'x' },
    { id: 'd', title: 't', ownerId: 'a', due: '2026-02-30', status: 'blocked' },
    { id: '', title: long(161), ownerId: 'a', status: 'atRisk', obstacle: long(501) },
  ],
  successMetrics: ['', 3, long(201)],
};

const tooManyExpectations = {
  schemaVersion: 1,
  meetingKey: 'k',
  purpose: 'One. Two. Three.',
  agenda: Array.from({ length: 21 }, () => ({ title: 'a' })),
  roles: Array.from({ length: 13 }, (_, i) => ({ kind: 'facilitator', holderId: `p${String(i)}` })),
  deliverables: Array.from({ length: 31 }, (_, i) => ({
    id: `d${String(i)}`,
    title: 't',
    ownerId: 'a',
    due: '2026-03-20',
    status: 'done',
  })),
  successMetrics: Array.from({ length: 9 }, () => 'm'),
};

const badResources = {
  schemaVersion: 9,
  resources: [
    { id: '', kind: 'video', title: '', url: 'http://example.com', note: long(301) },
    { id: 'r', kind: 'link', title: long(121), url: '', note: '' },
  ],
  helpChannel: { name: '', url: 'javascript:alert(1)', responseTime: long(61) },
  routes: [
    { id: 'a', topic: '', mentorName: '', mentorUpn: '', responseTime: '' },
    { id: 'b', topic: long(81), mentorName: long(101), mentorUpn: 'nobody', responseTime: '' },
  ],
};

const badProgram = {
  schemaVersion: 1,
  id: 'nope',
  name: '',
  cadence: 'daily',
  groupSize: 9,
  lengthMinutes: 25,
  preferredPart: 'any',
  lookAheadDays: 0,
  avoidRepeatWeeks: 60,
  mixSubTeams: false,
  leadIds: ['a'],
  firstRoundAt: '2026-03-02T00:00:00Z',
  members: [{ id: 'a', joinedAt: '2026-03-02T00:00:00Z', subTeam: long(61) }],
};

const issuesOf = (result: { success: boolean; error?: z.ZodError }): z.core.$ZodIssue[] =>
  result.error?.issues ?? [];

const cases: [IssueForm, z.core.$ZodIssue[]][] = [
  ['expectations', issuesOf(expectationsSchema.safeParse(badExpectations, { reportInput: true }))],
  [
    'expectations',
    issuesOf(expectationsSchema.safeParse(tooManyExpectations, { reportInput: true })),
  ],
  ['resources', issuesOf(resourcesContentSchema.safeParse(badResources, { reportInput: true }))],
  ['program', issuesOf(programSchema.safeParse(badProgram, { reportInput: true }))],
  [
    'template',
    issuesOf(
      teamTemplateFrom('not-a-uuid', 'Weekly team sync', {
        purpose: '',
        outcome: long(301),
        agenda: [{ title: '', minutes: 0 }],
        successMetrics: [''],
      }),
    ),
  ],
  [
    'template',
    issuesOf(
      teamTemplateFrom('not-a-uuid', '', {
        purpose: 'Fine.',
        outcome: '',
        agenda: [],
        successMetrics: [],
      }),
    ),
  ],
];

describe('localizeIssue', () => {
  it.each(cases.map(([form, issues], i) => [i, form, issues] as const))(
    'gives the domain’s own English words (case %i, %s)',
    (_i, form, issues) => {
      expect(issues.length).toBeGreaterThan(1);
      for (const issue of issues) {
        expect(localizeIssue(issue, form, en), issue.path.join('.')).toBe(issue.message);
      }
    },
  );

  it('has German words for every issue of the forms (no English left)', () => {
    for (const [form, issues] of cases) {
      for (const issue of issues) {
        const german = localizeIssue(issue, form, de);
        expect(german, `${form} ${issue.path.join('.')}`).not.toBe(issue.message);
      }
    }
  });

  it('says in German what is wrong with a meeting’s expectations', () => {
    const parsed = expectationsSchema.safeParse(badExpectations, { reportInput: true });
    const errors = localFieldErrors(parsed.error as z.ZodError, 'expectations', de);
    expect(errors.purpose).toEqual([
      'Der Zweck darf höchstens 300 Zeichen lang sein (jetzt: 302).',
      'Der Zweck darf keine Zeilenumbrüche, Tabulatoren oder anderen Steuerzeichen enthalten.',
    ]);
    expect(errors['agenda.0.title']).toEqual(['Gib jedem Agendapunkt einen Titel.']);
    expect(errors['agenda.0.minutes']).toEqual([
      'Die Minuten eines Agendapunkts müssen ganze Minuten sein.',
    ]);
    expect(errors['deliverables.1.due']).toEqual([
      'Dieses Fälligkeitsdatum gibt es im Kalender nicht.',
    ]);
    expect(errors['deliverables.1.obstacle']).toEqual([
      'Sag, was im Weg steht: Ein gefährdetes oder blockiertes Ergebnis braucht sein Hindernis.',
    ]);
  });

  it('says in German that a person already holds a role', () => {
    const holder = { kind: 'facilitator', holderId: 'a' };
    const parsed = expectationsSchema.safeParse({
      ...tooManyExpectations,
      purpose: 'Fine.',
      agenda: [],
      deliverables: [],
      successMetrics: [],
      roles: [holder, holder],
    });
    const issues = parsed.error?.issues ?? [];
    expect(issues.map((issue) => localizeIssue(issue, 'expectations', en))).toEqual([
      'The same person already holds this role.',
    ]);
    expect(issues.map((issue) => localizeIssue(issue, 'expectations', de))).toEqual([
      'Diese Person hat diese Rolle schon.',
    ]);
  });

  it('says in German what is wrong with a team’s resources and a program', () => {
    const resources = resourcesContentSchema.safeParse(badResources, { reportInput: true });
    expect(
      localFieldErrors(resources.error as z.ZodError, 'resources', de)['helpChannel.url'],
    ).toEqual([
      'Links müssen mit https:// oder msteams: beginnen (andere Adressen werden aus Teams nicht geöffnet).',
    ]);
    const program = programSchema.safeParse(badProgram, { reportInput: true });
    const errors = localFieldErrors(program.error as z.ZodError, 'program', de);
    expect(errors.name).toEqual(['Gib dem Programm einen Namen.']);
    expect(errors.groupSize).toEqual(['Gruppen haben 2 bis 4 Personen.']);
  });

  it('keeps zod’s own English for checks without words of ours, and says so generally in German', () => {
    const program = programSchema.safeParse(badProgram, { reportInput: true });
    const lookAhead = program.error?.issues.find((issue) => issue.path[0] === 'lookAheadDays');
    expect(lookAhead).toBeDefined();
    if (lookAhead === undefined) return;
    expect(localizeIssue(lookAhead, 'program', en)).toBe(lookAhead.message);
    expect(localizeIssue(lookAhead, 'program', de)).toBe('Dieser Wert ist ungültig.');
  });
});

describe('a poll’s remaining checks', () => {
  it('says a control character in a question in German, and as the relay does in English', () => {
    const parsed = pollDraftSchema
      .pick({ questions: true })
      .safeParse(
        { questions: [{ id: 'q1', kind: 'text', text: 'Line\u0007bell' }] },
        { reportInput: true },
      );
    const issue = parsed.error?.issues[0];
    expect(issue).toBeDefined();
    if (issue === undefined) return;
    expect(localizeIssue(issue, 'poll', en)).toBe(issue.message);
    expect(localizeIssue(issue, 'poll', de)).toBe(
      'Eine Frage darf keine Zeilenumbrüche, Tabulatoren oder anderen Steuerzeichen enthalten.',
    );
  });
});

describe('the error summary in German', () => {
  it('says where each message is', () => {
    expect(describePath('agenda.2.title', de)).toBe('Agendapunkt 3');
    expect(describePath('successMetrics.0', de)).toBe('Erfolgskriterium 1');
    expect(describePath('outcome', de)).toBe('Ergebnis oder Entscheidung');
    expect(describePath('', de)).toBe('Erwartungen');
    expect(errorSummary({ 'roles.1.label': ['Gib der eigenen Rolle einen Namen.'] }, de)).toEqual([
      'Rolle 2: Gib der eigenen Rolle einen Namen.',
    ]);
  });
});
