import { HELP_WORDS } from '../../../domain/commitments/help-request';
import { INVITE_WORDS } from '../../../domain/expectations/invite-section';
import type { MergeConflict } from '../../../domain/expectations/merge';
import { ICE_BREAKERS } from '../../../domain/social/prompts';
import { LEFT_OUT_TEXT } from '../../../domain/social/round';
import { SUMMARY_WORDS } from '../../../domain/summaries/build-summary';

type TopField = Extract<MergeConflict, { kind: 'field' }>['field'];

/**
 * Words the domain decides on and the UI shows, in English, read as `t.domainText`: a merge
 * conflict's label, why someone is not in a coffee round, the round's ice-breaker, a due date and
 * the help request a person sends, the meeting summary they post. The domain keeps its English for what it writes on its own;
 * the UI uses these. The source of truth for `domain-text.de.ts`, whose type is this object's.
 */
export const domainTextEn = {
  conflict: {
    fields: {
      purpose: 'Purpose',
      outcome: 'Outcome',
      agenda: 'Agenda',
      roles: 'Roles',
      successMetrics: 'Success metrics',
    } satisfies Record<TopField, string>,
    parts: {
      title: 'title',
      ownerId: 'owner',
      due: 'due date',
      status: 'status',
      whole: 'removed on one side, changed on the other',
    },
    deliverable: (title: string, part: string) => `Deliverable “${title}”: ${part}`,
  },
  leftOut: LEFT_OUT_TEXT,
  /** In the order of the domain's `ICE_BREAKERS`, which a round stores in English. */
  iceBreakers: ICE_BREAKERS as readonly string[],
  dueDate: HELP_WORDS.dueDate,
  help: HELP_WORDS,
  /** The meeting summary as the preview shows it and the chat receives it. */
  summary: SUMMARY_WORDS,
  /** The section Rapport keeps in the Outlook invite (its boundary headings stay English). */
  invite: INVITE_WORDS,
};

export type DomainTextMessages = typeof domainTextEn;
