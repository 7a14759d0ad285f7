import { TEMPLATES, type TemplateId } from '../../../domain/expectations/templates';

/** A built-in template's words: its agenda items' titles in the template's order. */
export interface TemplateWords {
  name: string;
  purpose: string;
  outcome: string;
  agenda: readonly string[];
  successMetrics: readonly string[];
}

const wordsOf = (id: TemplateId): TemplateWords => {
  const template = TEMPLATES.find((candidate) => candidate.id === id);
  if (template === undefined) throw new Error(`No built-in template ${id}`);
  return {
    name: template.name,
    purpose: template.purpose,
    outcome: template.outcome,
    agenda: template.agenda.map((item) => item.title),
    successMetrics: template.successMetrics,
  };
};

/**
 * The built-in templates' words in English, read as `t.templates`: the domain's own, which applying
 * a template writes into the meeting in the organizer's language. The source of truth for
 * `templates.de.ts`, whose type is this object's.
 */
export const templatesEn: Record<TemplateId, TemplateWords> = {
  oneOnOne: wordsOf('oneOnOne'),
  standUp: wordsOf('standUp'),
  planning: wordsOf('planning'),
  retrospective: wordsOf('retrospective'),
  decision: wordsOf('decision'),
};

export type TemplatesMessages = typeof templatesEn;
