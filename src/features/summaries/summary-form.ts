import { SUMMARY_LIMITS } from '../../domain/summaries/summary-schema';
import { en, type Messages } from '../shared/i18n/en';

/**
 * Decisions and next steps are typed one per line; the domain's errors name items by index
 * (`decisions.2`), which a person reads as a line number in the box.
 */

export type TypedList = 'decisions' | 'nextSteps';

/** Each typed list's label, hint and limits, in the catalog's language (English when left out). */
export const typedLists = (
  t: Messages = en,
): Record<TypedList, { label: string; hint: string; maxCount: number; maxLength: number }> => ({
  decisions: {
    label: t.summaries.decisions,
    hint: t.summaries.decisionsHint(
      SUMMARY_LIMITS.decisionsMaxCount,
      SUMMARY_LIMITS.decisionMaxLength,
    ),
    maxCount: SUMMARY_LIMITS.decisionsMaxCount,
    maxLength: SUMMARY_LIMITS.decisionMaxLength,
  },
  nextSteps: {
    label: t.summaries.nextSteps,
    hint: t.summaries.nextStepsHint(
      SUMMARY_LIMITS.nextStepsMaxCount,
      SUMMARY_LIMITS.nextStepMaxLength,
    ),
    maxCount: SUMMARY_LIMITS.nextStepsMaxCount,
    maxLength: SUMMARY_LIMITS.nextStepMaxLength,
  },
});

/** The messages for one typed list, line numbers first; other fields' under `other`. */
export function listErrors(
  errors: Record<string, string[]>,
  list: TypedList,
  t: Messages = en,
): string[] {
  const out: string[] = [];
  for (const [path, messages] of Object.entries(errors)) {
    const [head, index] = path.split('.');
    if (head !== list) continue;
    const prefix = index === undefined ? '' : t.summaries.line(Number(index) + 1);
    for (const m of messages) out.push(`${prefix}${m}`);
  }
  return out;
}

/** Errors about anything but the typed lists (a record changed outside Rapport, say). */
export function otherErrors(errors: Record<string, string[]>): string[] {
  return Object.entries(errors)
    .filter(([path]) => !path.startsWith('decisions') && !path.startsWith('nextSteps'))
    .flatMap(([, messages]) => messages);
}
