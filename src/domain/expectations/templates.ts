import type { AgendaItem, ExpectationsDraft } from './schema';

/**
 * Starting points for common meetings. A template fills in what the organizer has not written yet
 * and never replaces what they have (see `applyTemplate`). Roles and deliverables are about
 * people, so no template sets them.
 */

export type TemplateId = 'oneOnOne' | 'standUp' | 'planning' | 'retrospective' | 'decision';

export interface ExpectationsTemplate {
  /** A built-in's `TemplateId`, or a team template's UUID. */
  id: string;
  /** Shown in the template picker. */
  name: string;
  purpose: string;
  outcome: string;
  agenda: readonly Readonly<AgendaItem>[];
  successMetrics: readonly string[];
}

export const TEMPLATES: readonly ExpectationsTemplate[] = [
  {
    id: 'oneOnOne',
    name: 'One-on-one',
    purpose: 'Check in with each other, clear what is in the way, and agree on next steps.',
    outcome: 'Each of us leaves with the next steps we own.',
    agenda: [
      { title: 'How are things going?', minutes: 5 },
      { title: 'Progress and blockers', minutes: 10 },
      { title: 'Growth and feedback, both ways', minutes: 10 },
      { title: 'Next steps', minutes: 5 },
    ],
    successMetrics: [
      'Every blocker raised has an owner or a next step.',
      'Both of us had time to bring up what mattered to us.',
    ],
  },
  {
    id: 'standUp',
    name: 'Stand-up',
    purpose: 'Share progress and surface blockers so nobody stays stuck.',
    outcome: 'Every blocker has someone helping with it.',
    agenda: [
      { title: 'Since last time', minutes: 5 },
      { title: 'Next up', minutes: 5 },
      { title: 'Blockers and who can help', minutes: 5 },
    ],
    successMetrics: ['We finished on time.', 'Every blocker left with a helper.'],
  },
  {
    id: 'planning',
    name: 'Planning',
    purpose: 'Agree on what we take on next and who owns each piece.',
    outcome: 'A committed plan with an owner and a due date for every item.',
    agenda: [
      { title: 'Goals for the period', minutes: 10 },
      { title: 'Candidate work and estimates', minutes: 25 },
      { title: 'Commitments and owners', minutes: 15 },
      { title: 'Risks and dependencies', minutes: 10 },
    ],
    successMetrics: [
      'Every committed item has one owner and a due date.',
      'The plan fits the capacity we have.',
    ],
  },
  {
    id: 'retrospective',
    name: 'Retrospective',
    purpose: 'Look back at how we worked together and choose what to change.',
    outcome: 'One to three improvements, each with an owner.',
    agenda: [
      { title: 'What went well', minutes: 10 },
      { title: 'What was hard', minutes: 10 },
      { title: 'Ideas to improve', minutes: 15 },
      { title: 'Pick actions and owners', minutes: 10 },
    ],
    successMetrics: [
      'Everyone had a chance to speak.',
      'We chose at most three actions, each with an owner.',
    ],
  },
  {
    id: 'decision',
    name: 'Decision meeting',
    purpose: 'Make a decision together with the information we have.',
    outcome: 'A decision, or a clear owner and date for making it.',
    agenda: [
      { title: 'The question and why it matters now', minutes: 5 },
      { title: 'Options and trade-offs', minutes: 15 },
      { title: 'Concerns and open questions', minutes: 10 },
      { title: 'Decide and record who does what', minutes: 10 },
    ],
    successMetrics: [
      'The decision and its reasons are written down.',
      'Everyone affected knows what happens next.',
    ],
  },
];

/** The template with this id. */
export function templateById(id: TemplateId): ExpectationsTemplate {
  const template = TEMPLATES.find((t) => t.id === id);
  if (template === undefined) throw new Error(`Unknown template ${id}`);
  return template;
}

/**
 * Fills the parts of `draft` the organizer left empty from `template`, field by field:
 * purpose and outcome when blank (whitespace counts as blank), the agenda and the success metrics
 * when they have no items. A field with anything in it is kept exactly as typed; lists are not
 * merged, because half a template's agenda appended to the organizer's own reads as neither.
 * Roles and deliverables are never touched.
 *
 * Example: a draft with purpose "Pick the Q3 launch date" and an empty agenda, with the decision
 * template, keeps that purpose and gets the template's outcome, four agenda items and two metrics.
 */
export function applyTemplate(
  draft: ExpectationsDraft,
  template: ExpectationsTemplate,
): ExpectationsDraft {
  return {
    ...draft,
    purpose: draft.purpose.trim() === '' ? template.purpose : draft.purpose,
    outcome: draft.outcome.trim() === '' ? template.outcome : draft.outcome,
    agenda: draft.agenda.length === 0 ? template.agenda.map((item) => ({ ...item })) : draft.agenda,
    successMetrics:
      draft.successMetrics.length === 0 ? [...template.successMetrics] : draft.successMetrics,
  };
}
