import {
  TEMPLATES,
  type ExpectationsTemplate,
  type TemplateId,
} from '../../domain/expectations/templates';
import { en, type Messages } from '../shared/i18n/en';

/**
 * The built-in templates in the catalog's language: applying one writes its words into the
 * meeting, so they are the organizer's language. Minutes and order are the domain's.
 */
export function builtInTemplates(t: Messages = en): ExpectationsTemplate[] {
  return TEMPLATES.map((template) => {
    const words = t.templates[template.id as TemplateId];
    return {
      ...template,
      name: words.name,
      purpose: words.purpose,
      outcome: words.outcome,
      agenda: template.agenda.map((item, i) => ({ ...item, title: words.agenda[i] ?? item.title })),
      successMetrics: template.successMetrics.map((metric, i) => words.successMetrics[i] ?? metric),
    };
  });
}
