import { SUMMARY_LIMITS } from '../../domain/summaries/summary-schema';

/**
 * Decisions and next steps are typed one per line; the domain's errors name items by index
 * (`decisions.2`), which a person reads as a line number in the box.
 */

export type TypedList = 'decisions' | 'nextSteps';

export const TYPED_LISTS: Record<
  TypedList,
  { label: string; hint: string; maxCount: number; maxLength: number }
> = {
  decisions: {
    label: 'Decisions',
    hint: `One decision per line: up to ${String(SUMMARY_LIMITS.decisionsMaxCount)}, each at most ${String(SUMMARY_LIMITS.decisionMaxLength)} characters.`,
    maxCount: SUMMARY_LIMITS.decisionsMaxCount,
    maxLength: SUMMARY_LIMITS.decisionMaxLength,
  },
  nextSteps: {
    label: 'Next steps',
    hint: `One step per line: up to ${String(SUMMARY_LIMITS.nextStepsMaxCount)}, each at most ${String(SUMMARY_LIMITS.nextStepMaxLength)} characters.`,
    maxCount: SUMMARY_LIMITS.nextStepsMaxCount,
    maxLength: SUMMARY_LIMITS.nextStepMaxLength,
  },
};

/** The messages for one typed list, line numbers first; other fields' under `other`. */
export function listErrors(errors: Record<string, string[]>, list: TypedList): string[] {
  const out: string[] = [];
  for (const [path, messages] of Object.entries(errors)) {
    const [head, index] = path.split('.');
    if (head !== list) continue;
    const prefix = index === undefined ? '' : `Line ${String(Number(index) + 1)}: `;
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
