import type { Client } from '@microsoft/microsoft-graph-client';
import type * as G from '@microsoft/microsoft-graph-types';
import type { DraftSweep } from '../../domain/ports/expectations';
import { runBatch, type BatchItem, type BatchResult } from '../batch';
import type { DraftRecord, ExpectationsRepository } from './expectations-repository';

/**
 * The organizer's sweep of expectations saved for meetings still unsent in Outlook (issue 9).
 * Outlook never tells an add-in that a draft was sent or discarded, so the organizer's own client
 * asks their calendar about each draft-marked record: the event gone → the record is deleted;
 * still a draft → kept; sent → its draft marker is emptied. Only draft-marked records cost
 * requests (one query, then one `$batch` per ten records, then a write per record that changes,
 * at most `MAX_DRAFTS_PER_SWEEP`), so the sweep does not grow with the person's meetings.
 */

/** Drafts looked at per sweep; more wait for the next one (a person rarely has more than a few). */
export const MAX_DRAFTS_PER_SWEEP = 20;

type Verdict = 'gone' | 'draft' | 'sent' | 'unknown';

const verdictOf = (event: G.Event): Verdict => (event.isDraft === true ? 'draft' : 'sent');

/**
 * One `$batch` (in envelopes of 20): per record, `GET /me/events/{id}?$select=id,isDraft` and,
 * when its payload names the meeting, `GET /me/events?$filter=iCalUId eq '…'`. Event ids change
 * when Exchange moves an item and `iCalUId` does not, so a record counts as gone only when neither
 * finds the meeting. A `$batch` also answers a missing event inside its own 200, which the
 * browser does not log as a failed load; throttled and unavailable reads are re-sent there.
 */
export async function readDraftEvents(
  client: Client,
  records: readonly DraftRecord[],
): Promise<Verdict[]> {
  const items: BatchItem[] = records.flatMap((r, i): BatchItem[] => [
    {
      id: `e${String(i)}`,
      method: 'GET',
      url: `/me/events/${encodeURIComponent(r.draft.eventId)}?$select=id,isDraft`,
    },
    ...(r.meetingKey === undefined
      ? []
      : [
          {
            id: `q${String(i)}`,
            method: 'GET' as const,
            url: `/me/events?$filter=${encodeURIComponent(
              `iCalUId eq '${r.meetingKey.replaceAll("'", "''")}'`,
            )}&$select=id,isDraft`,
          },
        ]),
  ]);
  const answers =
    items.length === 0 ? new Map<string, BatchResult>() : await runBatch(client, items);
  return records.map((r, i): Verdict => {
    const byId = answers.get(`e${String(i)}`);
    if (byId?.status === 200) return verdictOf(byId.body as G.Event);
    if (byId?.status !== 404) return 'unknown';
    if (r.meetingKey === undefined) return 'gone';
    const byUid = answers.get(`q${String(i)}`);
    if (byUid?.status !== 200) return 'unknown';
    const [found] = (byUid.body as { value?: G.Event[] }).value ?? [];
    return found ? verdictOf(found) : 'gone';
  });
}

export async function sweepDraftRecords(
  client: Client,
  repo: ExpectationsRepository,
  organizerId: string,
): Promise<DraftSweep> {
  const outcome: DraftSweep = { removed: 0, removedKeys: [], kept: 0, cleared: 0, failed: 0 };
  const records = await repo.listDraftRecords(organizerId, MAX_DRAFTS_PER_SWEEP);
  if (records.length === 0) return outcome;
  const verdicts = await readDraftEvents(client, records);
  // One write after another: a sweep is background work and must not crowd out the screen's.
  for (const [i, record] of records.entries()) {
    try {
      const verdict = verdicts[i];
      if (verdict === 'draft') {
        outcome.kept++;
      } else if (verdict === 'sent') {
        if ((await repo.clearDraft(record)) !== undefined) outcome.cleared++;
        else outcome.failed++;
      } else if (verdict === 'gone') {
        await repo.deleteExpectations(record.itemId);
        outcome.removed++;
        if (record.meetingKey !== undefined) outcome.removedKeys.push(record.meetingKey);
      } else {
        outcome.failed++;
      }
    } catch {
      // The next sweep tries again; one record's failure does not stop the others.
      outcome.failed++;
    }
  }
  return outcome;
}
