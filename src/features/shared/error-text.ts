import { FeedbackError } from '../../domain/ports/feedback';
import { wordsOf } from '../../domain/ports/graph-words';
import { graphText } from './graph-text';
import { en, type Messages } from './i18n/en';
import { useT } from './i18n/i18n';

const BUSY = new Set([429, 502, 503, 504]);

/** A relay failure in the catalog's language, by the same rules as the relay client's English. */
function relayText(error: FeedbackError, t: Messages): string {
  const detail = error.detail;
  // Without a detail the error is not the relay client's; the relay's own words stay as sent.
  if (detail === undefined || detail.relayWords === true) return error.message;
  const r = t.relay;
  if (detail.service === 'coffee') {
    if (error.kind === 'alreadyAnswered') return r.coffee.alreadyAnswered;
    if (error.kind === 'notFound') return r.coffee.notFound;
  }
  if (detail.service === 'checkIn') {
    if (error.kind === 'notFound') return r.checkIn.notFound;
    if (error.kind === 'unavailable') return r.checkIn.unavailable;
  }
  const status = error.status;
  switch (error.kind) {
    case 'forbidden':
      return detail.forbidden === undefined ? error.message : r.forbidden[detail.forbidden];
    case 'unavailable':
      if (status === undefined) return r.unreachable;
      return BUSY.has(status) ? r.busy : r.failed(status);
    case 'protocol':
      return r.unreadable;
    case 'invalid':
      return r.refused;
    case 'signIn':
      return r.signIn;
    case 'notFound':
      return r.notFound;
    case 'alreadyAnswered':
      return r.alreadyAnswered;
    case 'answersExist':
      return r.answersExist;
    case 'closed':
      return r.closed;
    case 'conflict':
      return status === 412 ? r.changedMeanwhile : r.changed;
  }
}

/**
 * What a failure says to the person, in the catalog's language where the failure says what it was
 * (a relay failure, or a Graph adapter's failure carrying its words); anything else keeps its own
 * message.
 */
export function errorText(error: unknown, t: Messages = en): string {
  if (error instanceof FeedbackError) return relayText(error, t);
  const words = wordsOf(error);
  if (words !== undefined) return graphText(words, t);
  return error instanceof Error ? error.message : String(error);
}

/** `errorText` in the host's language. */
export function useErrorText(): (error: unknown) => string {
  const t = useT();
  return (error) => errorText(error, t);
}
