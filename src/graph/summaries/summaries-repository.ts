import type { Client } from '@microsoft/microsoft-graph-client';
import type * as G from '@microsoft/microsoft-graph-types';
import type { Expectations } from '../../domain/expectations/schema';
import type { SummaryRead } from '../../domain/ports/summaries';
import { summaryRecordSchema, type SummaryRecord } from '../../domain/summaries/summary-schema';
import {
  createItem,
  getListId,
  literal,
  parseExpectationsItems,
  parsePayload,
  queryItems,
  statusOf,
  storageKey,
  updateItemFields,
  versionOf,
} from '../expectations/expectations-repository';

/**
 * Summaries in the team site's `Summaries` list, one item per meeting occurrence (Key and
 * MeetingKey: the occurrence's iCalUId, or its hash when long). Created through the unique Key
 * (a retried create answers 409 and reads back), updated with If-Match (a 412 is someone else's
 * change, or our own retry that already landed: the caller compares).
 */

const SUMMARIES_LIST = 'Summaries';
const EXPECTATIONS_LIST = 'Expectations';

export type SummaryWrite =
  | { kind: 'saved'; itemId: string; etag: string }
  /** 409 or 412: what the list holds now. */
  | { kind: 'changed'; current: SummaryRead };

export interface SummariesRepository {
  get(meetingKey: string): Promise<SummaryRead>;
  /** Creates the item when `version` is absent, else updates it if unchanged since read. */
  write(record: SummaryRecord, version?: { itemId: string; etag: string }): Promise<SummaryWrite>;
  /**
   * The latest occurrence of a series that has its own expectations record, starting before
   * `before` (ISO): its expectations and start.
   */
  lastOccurrence(
    seriesKey: string,
    before: string,
  ): Promise<{ expectations: Expectations; start: string } | undefined>;
}

export function summariesRepository(client: Client, siteId: string): SummariesRepository {
  const ids = new Map<string, Promise<string>>();
  const listId = (name: string): Promise<string> => {
    let id = ids.get(name);
    if (!id) {
      id = getListId(client, siteId, name);
      ids.set(name, id);
      id.catch(() => ids.delete(name));
    }
    return id;
  };

  const readItem = (item: G.ListItem): SummaryRead => {
    const parsed = parsePayload(item, summaryRecordSchema);
    if (parsed.kind === 'invalid') {
      const { itemId, etag } = parsed;
      return { kind: 'invalid', version: { itemId, etag }, errors: parsed.errors };
    }
    return { kind: 'found', record: parsed.value, version: versionOf(item) };
  };

  const get = async (meetingKey: string): Promise<SummaryRead> => {
    const key = await storageKey(meetingKey);
    const items = await queryItems(client, siteId, await listId(SUMMARIES_LIST), {
      filter: `fields/MeetingKey eq ${literal(key)}`,
    });
    // SharePoint compares text without case; the payload must name this very meeting.
    for (const item of items) {
      const read = readItem(item);
      if (read.kind !== 'found' || read.record.meetingKey === meetingKey) return read;
    }
    return { kind: 'missing' };
  };

  const write: SummariesRepository['write'] = async (input, version) => {
    const record = summaryRecordSchema.parse(input);
    const key = await storageKey(record.meetingKey);
    const fields = { MeetingKey: key, Payload: JSON.stringify(record) };
    const list = await listId(SUMMARIES_LIST);
    try {
      if (version === undefined) {
        const item = await createItem(client, siteId, list, { Key: key, ...fields });
        return { kind: 'saved', itemId: item.id ?? '', etag: item.eTag ?? '' };
      }
      const { etag } = await updateItemFields(
        client,
        siteId,
        list,
        version.itemId,
        version.etag,
        fields,
      );
      return { kind: 'saved', itemId: version.itemId, etag };
    } catch (err) {
      const status = statusOf(err);
      if (status === 409 || status === 412 || status === 404) {
        return { kind: 'changed', current: await get(record.meetingKey) };
      }
      throw err;
    }
  };

  const lastOccurrence: SummariesRepository['lastOccurrence'] = async (seriesKey, before) => {
    const items = await queryItems(client, siteId, await listId(EXPECTATIONS_LIST), {
      filter: `fields/SeriesKey eq ${literal(await storageKey(seriesKey))} and fields/StartUtc lt ${literal(before)}`,
    });
    const startOf = (item: G.ListItem): string => {
      const v = (item.fields as Record<string, unknown> | undefined)?.StartUtc;
      return typeof v === 'string' ? v : '';
    };
    // Latest first; an unreadable record is passed over rather than hiding older ones.
    const sorted = items
      .filter((i) => startOf(i) !== '')
      .sort((a, b) => (startOf(a) < startOf(b) ? 1 : -1));
    for (const item of sorted) {
      const [found] = parseExpectationsItems([item]).found;
      if (found && found.expectations.seriesKey === seriesKey) {
        return { expectations: found.expectations, start: new Date(startOf(item)).toISOString() };
      }
    }
    return undefined;
  };

  return { get, write, lastOccurrence };
}
