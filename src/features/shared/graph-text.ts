import type { GraphWords } from '../../domain/ports/graph-words';
import { en, type Messages } from './i18n/en';

/** A Graph adapter's failure in the catalog's language, from the code it carries. */
export function graphText(words: GraphWords, t: Messages = en): string {
  const g = t.graphErrors;
  switch (words.code) {
    case 'chatForbidden':
      return g.chat.forbidden;
    case 'chatNotFound':
      return g.chat.notFound;
    case 'chatRefused':
      return g.chat.refused(words.detail);
    case 'chatUnavailable':
      return g.chat.unavailable;
    case 'chatUnconfirmed':
      return g.chat.unconfirmed(words.posts);
    case 'summaryEditForbidden':
      return g.summary.editForbidden;
    case 'summaryEditUnavailable':
      return g.summary.editUnavailable;
    case 'summaryNotNoted':
      return g.summary.notNoted;
    case 'inviteAttempts':
      return g.invite.attempts(words.attempts);
    case 'inviteNotUpdated':
      return g.invite.notUpdated(
        words.reason === undefined ? words.detail : graphText(words.reason, t),
      );
    case 'readFailed':
      return g.readFailed(g.readTargets[words.what], words.detail, words.status);
    case 'deliverableNotSaved':
      return g.deliverableNotSaved;
    case 'deliverableGone':
      return g.deliverableGone;
    case 'deliverableGoneHome':
      return g.deliverableGoneHome;
    case 'templateNameTaken':
      return g.templateNameTaken(words.name);
    case 'templatesFull':
      return g.templatesFull(words.max);
    case 'storedNotJson':
      return g.storedNotJson;
    case 'storedExpectationsChanged':
      return g.storedExpectationsChanged;
    case 'noMeetingChat':
      return g.noMeetingChat;
    case 'notInCalendarWindow':
      return g.notInCalendarWindow;
    case 'noLongerInCalendar':
      return g.noLongerInCalendar;
    case 'siteClosed':
      return g.siteClosed;
    case 'groupGone':
      return g.groupGone;
    case 'roundKeptChanging':
      return g.roundKeptChanging;
  }
}

/**
 * An outcome's message in the catalog's language: its words when the adapter gave a code, else
 * the message as it came (a fake service, or an older adapter).
 */
export function wordedText(
  outcome: { message: string; words?: GraphWords },
  t: Messages = en,
): string {
  return outcome.words === undefined ? outcome.message : graphText(outcome.words, t);
}

/**
 * Save-time errors in the catalog's language: an adapter that words its refusal sends one
 * message, so it stands at the path (or paths) the English was at.
 */
export function wordedErrors(
  outcome: { errors: Record<string, string[]>; words?: GraphWords },
  t: Messages = en,
): Record<string, string[]> {
  const words = outcome.words;
  if (words === undefined) return outcome.errors;
  const text = graphText(words, t);
  return Object.fromEntries(Object.keys(outcome.errors).map((path) => [path, [text]]));
}
