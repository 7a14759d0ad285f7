import type { InvalidRecord } from '../../domain/ports/expectations';
import { graphText } from '../shared/graph-text';
import { en, type Messages } from '../shared/i18n/en';
import { localIssueErrors } from '../shared/validation/localize-issue';

/**
 * What is wrong with a stored record, by dotted path, in the catalog's language: from the schema's
 * issues or the adapter's words when it sent them, else its English as it came.
 */
export function invalidRecordErrors(
  invalid: InvalidRecord,
  t: Messages = en,
): Record<string, string[]> {
  if (invalid.words !== undefined) return { '': [graphText(invalid.words, t)] };
  if (invalid.issues === undefined) return invalid.errors;
  return localIssueErrors(invalid.issues, 'expectations', t);
}
