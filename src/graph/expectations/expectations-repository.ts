import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type * as G from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import {
  attendeeIdSchema,
  deliverableSchema,
  EXPECTATIONS_SCHEMA_VERSION,
  expectationsSchema,
  fieldErrors,
  meetingKeySchema,
  type Deliverable,
  type Expectations,
} from '../../domain/expectations/schema';
import { helpAskedSchema, type HelpAsked } from '../../domain/commitments/help-request';
import type { GraphWords } from '../../domain/ports/graph-words';
import type { Instant } from '../../domain/time/instant';
import { idempotentWrite, relativeNextLink } from '../client';

/**
 * Expectations and deliverables in the team site's lists (ARCHITECTURE.md, "Where data lives").
 * Payloads are validated on write and on read (members can write the lists through raw Graph);
 * creates rely on the unique `Key` (a 409 reads back), updates send `If-Match` (a 412 is a
 * conflict carrying the server's version, never an overwrite).
 *
 * Key columns hold `storageKey`s: the key itself, or its hash when it could outgrow SharePoint's
 * 255-character single line of text. Payloads keep the full keys, and reads match on those.
 */

// ---- Results

/** Who wrote an item last and when, as SharePoint records it. */
export interface ItemVersion {
  itemId: string;
  etag: string;
  lastModifiedBy?: { id?: string; displayName?: string };
  lastModifiedDateTime?: string;
}

/** A stored item whose payload is not valid JSON or fails the schema: reported, never dropped. */
export interface InvalidItem extends ItemVersion {
  kind: 'invalid';
  key: string;
  /** Validation messages by dotted path ("" for a payload that is not JSON at all). */
  errors: Record<string, string[]>;
  /** The schema's issues behind `errors`, with their inputs, for a screen's own language. */
  issues?: readonly z.core.$ZodIssue[];
  /** Set instead of `issues` when the payload is not JSON at all. */
  words?: GraphWords;
  raw: string;
}

/**
 * A record saved while its meeting was an unsent Outlook draft (the DraftOf and DraftEventId
 * columns): whose draft, and its event id in their calendar.
 */
export interface DraftMarker {
  organizerId: string;
  eventId: string;
}

export type ExpectationsRead =
  | { kind: 'missing' }
  | ({ kind: 'found'; expectations: Expectations; draft?: DraftMarker } & ItemVersion)
  | InvalidItem;

/** An Expectations item marked as an Outlook draft's, as the organizer's sweep reads it. */
export interface DraftRecord extends ItemVersion {
  draft: DraftMarker;
  /** The payload's meeting key; undefined when the payload does not read correctly. */
  meetingKey: string | undefined;
}

export type SaveExpectationsResult =
  | ({ kind: 'saved'; expectations: Expectations } & ItemVersion)
  /** The server holds another version (or none any more); the caller merges or asks. */
  | { kind: 'conflict'; current: ExpectationsRead }
  /** What the caller tried to save fails validation; nothing was written. */
  | { kind: 'invalid'; errors: Record<string, string[]> };

export interface StoredDeliverable extends ItemVersion {
  kind: 'found';
  meetingKey: string;
  deliverable: Deliverable;
  /** The attendee id of whoever set the current status, when the app recorded it. */
  statusSetBy?: string;
  meetingSubject?: string;
  /** The owner asked for help with it; kept while the status and obstacle stay as they were. */
  helpAsked?: HelpAsked;
}

/** Expectations items as read from a list query (`parseExpectationsItems`). */
export type FoundExpectations = Extract<ExpectationsRead, { kind: 'found' }>;

export interface ExpectationsItems {
  found: FoundExpectations[];
  invalid: InvalidItem[];
}

export interface DeliverablesRead {
  /** Soonest due first. */
  items: StoredDeliverable[];
  invalid: InvalidItem[];
}

export type UpsertDeliverableResult =
  | { kind: 'saved'; item: StoredDeliverable }
  | { kind: 'unchanged'; item: StoredDeliverable }
  | { kind: 'conflict'; id: string; current: StoredDeliverable | InvalidItem | undefined }
  | { kind: 'invalid'; id: string; errors: Record<string, string[]> };

export type UpdateDeliverableResult =
  | { kind: 'saved'; item: StoredDeliverable }
  /** The item changed (or went) since it was read: what is there now, if anything. */
  | { kind: 'conflict'; current: StoredDeliverable | InvalidItem | undefined };

/** Exchange's own limit on a subject. */
const MEETING_SUBJECT_MAX_LENGTH = 255;

/** The Deliverables list's payload: one deliverable and the meeting it belongs to. */
export const storedDeliverableSchema = z.object({
  schemaVersion: z.literal(EXPECTATIONS_SCHEMA_VERSION),
  meetingKey: meetingKeySchema,
  deliverable: deliverableSchema,
  /** Who set the current status (an attendee id); absent in items written before it existed. */
  statusSetBy: attendeeIdSchema.optional(),
  /**
   * The meeting's subject when the deliverable was saved, so an owner's list can say where it came
   * from after the meeting has left their calendar window.
   */
  meetingSubject: z.string().max(MEETING_SUBJECT_MAX_LENGTH).optional(),
  /** Written by the owner's "Ask for help"; absent in items written before it existed. */
  helpAsked: helpAskedSchema.optional(),
});

type DeliverablePayload = z.output<typeof storedDeliverableSchema>;

/** What the Expectations list's query columns hold besides the payload. */
export interface ExpectationsColumns {
  startUtc?: Instant;
  organizerId?: string;
  /**
   * Marks the record as an unsent Outlook draft's. Left out, the columns are not written at all,
   * so saves of sent meetings work on a site provisioned before the columns existed.
   */
  draft?: DraftMarker;
}

export interface ExpectationsRepositoryOptions {
  siteId: string;
  /** A list id (GUID) or display name; defaults to the provisioned names. */
  expectationsList?: string;
  deliverablesList?: string;
}

// ---- Helpers

export const statusOf = (err: unknown): number | undefined =>
  err instanceof GraphError ? err.statusCode : undefined;

const sitePath = (siteId: string): string =>
  `/sites/${encodeURIComponent(siteId).replaceAll('%2C', ',')}`;

/** An OData string literal. */
export const literal = (value: string): string => `'${value.replaceAll("'", "''")}'`;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The key of a deliverable's item: unique per meeting and deliverable. */
export const deliverableKey = (meetingKey: string, deliverableId: string): string =>
  `${meetingKey}:${deliverableId}`;

/** Keys up to this length are stored as they are; longer ones as their hash. */
export const MAX_PLAIN_KEY_LENGTH = 190;

/**
 * What a Key, MeetingKey or SeriesKey column holds for `key`: the key itself when it has at most
 * `MAX_PLAIN_KEY_LENGTH` characters, else `sha256:` and the base64url SHA-256 of its UTF-8 (50
 * characters). SharePoint's single line of text holds 255, and a deliverable's key is a meeting key
 * (up to 255 itself) plus the deliverable's id. Web Crypto, so the same in browsers and Node.
 */
export async function storageKey(key: string): Promise<string> {
  if (key.length <= MAX_PLAIN_KEY_LENGTH) return key;
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  let binary = '';
  for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
  return `sha256:${btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')}`;
}

/** Default list names, as provisioned (`STORAGE_LISTS`); Graph takes a list's title in the path. */
const EXPECTATIONS_LIST = 'Expectations';
const DELIVERABLES_LIST = 'Deliverables';

/** At most this many keys go into one `expectationsByKeysQuery` (`or` chains stay short). */
export const MAX_KEYS_PER_QUERY = 10;

/** `…/lists/{list}/items?$filter=…&$expand=fields&$top=500`, relative to the Graph version. */
export function itemsQuery(siteId: string, list: string, filter: string, orderBy?: string): string {
  const query = [`$filter=${encodeURIComponent(filter)}`, '$expand=fields', '$top=500'];
  if (orderBy !== undefined) query.push(`$orderby=${encodeURIComponent(orderBy)}`);
  return `${sitePath(siteId)}/lists/${encodeURIComponent(list)}/items?${query.join('&')}`;
}

/**
 * The Expectations items of occurrences starting in [start, end) (series-level records have no
 * start). A relative URL for `$batch` or `client.api`; read the answer with `parseExpectationsItems`.
 */
export function expectationsByStartQuery(
  siteId: string,
  startIso: string,
  endIso: string,
  list = EXPECTATIONS_LIST,
): string {
  return itemsQuery(
    siteId,
    list,
    `fields/StartUtc ge ${literal(startIso)} and fields/StartUtc lt ${literal(endIso)}`,
  );
}

/** The Expectations items with these Keys (already `storageKey`s; 1 to `MAX_KEYS_PER_QUERY`). */
export function expectationsByKeysQuery(
  siteId: string,
  keys: readonly string[],
  list = EXPECTATIONS_LIST,
): string {
  if (keys.length === 0 || keys.length > MAX_KEYS_PER_QUERY) {
    throw new Error(
      `expectationsByKeysQuery takes 1 to ${String(MAX_KEYS_PER_QUERY)} keys, not ${String(keys.length)}.`,
    );
  }
  return itemsQuery(siteId, list, keys.map((k) => `fields/Key eq ${literal(k)}`).join(' or '));
}

/** The Deliverables items one person owns, across meetings; read with `parseDeliverableItems`. */
export function deliverablesByOwnerQuery(
  siteId: string,
  ownerId: string,
  list = DELIVERABLES_LIST,
): string {
  return itemsQuery(siteId, list, `fields/OwnerId eq ${literal(ownerId)}`);
}

/** Canonical JSON (sorted keys) so a read-back can be compared with what was written. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}

const fieldsOf = (item: G.ListItem): Record<string, unknown> =>
  (item.fields ?? {}) as Record<string, unknown>;

const stringField = (item: G.ListItem, name: string): string => {
  const v = fieldsOf(item)[name];
  return typeof v === 'string' ? v : '';
};

export function versionOf(item: G.ListItem): ItemVersion {
  const user = item.lastModifiedBy?.user;
  return {
    itemId: item.id ?? '',
    etag: item.eTag ?? '',
    ...(user
      ? {
          lastModifiedBy: {
            ...(user.id ? { id: user.id } : {}),
            ...(user.displayName ? { displayName: user.displayName } : {}),
          },
        }
      : {}),
    ...(item.lastModifiedDateTime ? { lastModifiedDateTime: item.lastModifiedDateTime } : {}),
  };
}

/** Parses an item's Payload with a schema; a bad payload becomes an `InvalidItem`. */
export function parsePayload<T>(
  item: G.ListItem,
  schema: z.ZodType<T>,
): { kind: 'ok'; value: T } | InvalidItem {
  const raw = stringField(item, 'Payload');
  const invalid = (
    errors: Record<string, string[]>,
    why: Pick<InvalidItem, 'issues' | 'words'>,
  ): InvalidItem => ({
    kind: 'invalid',
    key: stringField(item, 'Key'),
    errors,
    ...why,
    raw,
    ...versionOf(item),
  });
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return invalid(
      { '': ['The stored payload is not valid JSON.'] },
      { words: { code: 'storedNotJson' } },
    );
  }
  // With their inputs, the issues say "(this one has N)" in every language, as the message does.
  const parsed = schema.safeParse(json, { reportInput: true });
  return parsed.success
    ? { kind: 'ok', value: parsed.data }
    : invalid(fieldErrors(parsed.error), { issues: parsed.error.issues });
}

/** The draft marker of an Expectations item; both columns must be set (members can edit them). */
function draftOf(item: G.ListItem): DraftMarker | undefined {
  const organizerId = stringField(item, 'DraftOf');
  const eventId = stringField(item, 'DraftEventId');
  return organizerId === '' || eventId === '' ? undefined : { organizerId, eventId };
}

function readExpectations(item: G.ListItem): ExpectationsRead {
  const parsed = parsePayload(item, expectationsSchema);
  if (parsed.kind === 'invalid') return parsed;
  const draft = draftOf(item);
  return {
    kind: 'found',
    expectations: parsed.value,
    ...(draft ? { draft } : {}),
    ...versionOf(item),
  };
}

function storedOf(payload: DeliverablePayload, version: ItemVersion): StoredDeliverable {
  return {
    kind: 'found',
    meetingKey: payload.meetingKey,
    deliverable: payload.deliverable,
    ...(payload.statusSetBy === undefined ? {} : { statusSetBy: payload.statusSetBy }),
    ...(payload.meetingSubject === undefined ? {} : { meetingSubject: payload.meetingSubject }),
    ...(payload.helpAsked === undefined ? {} : { helpAsked: payload.helpAsked }),
    ...version,
  };
}

function readDeliverable(item: G.ListItem): StoredDeliverable | InvalidItem {
  const parsed = parsePayload(item, storedDeliverableSchema);
  if (parsed.kind === 'invalid') return parsed;
  return storedOf(parsed.value, versionOf(item));
}

/** Expectations list items (a query's answer, in a `$batch` or not), read and validated. */
export function parseExpectationsItems(items: readonly G.ListItem[]): ExpectationsItems {
  const out: ExpectationsItems = { found: [], invalid: [] };
  for (const item of items) {
    const read = readExpectations(item);
    if (read.kind === 'found') out.found.push(read);
    else if (read.kind === 'invalid') out.invalid.push(read);
  }
  return out;
}

/** Deliverables list items, read and validated, soonest due first. */
export function parseDeliverableItems(items: readonly G.ListItem[]): DeliverablesRead {
  const out: DeliverablesRead = { items: [], invalid: [] };
  for (const item of items) {
    const read = readDeliverable(item);
    if (read.kind === 'found') out.items.push(read);
    else out.invalid.push(read);
  }
  // The payload is the source of truth; the DueDate column only narrows the query.
  out.items.sort((a, b) =>
    a.deliverable.due < b.deliverable.due ? -1 : a.deliverable.due > b.deliverable.due ? 1 : 0,
  );
  return out;
}

const sameStatus = (a: Deliverable, b: Deliverable): boolean =>
  a.status === b.status &&
  ('obstacle' in a ? a.obstacle : undefined) === ('obstacle' in b ? b.obstacle : undefined);

interface ItemsPage {
  value: G.ListItem[];
  '@odata.nextLink'?: string;
}

// ---- One Graph call each

/** `GET /sites/{site}/lists/{name}?$select=id`: a list's id from its display name. */
export async function getListId(client: Client, siteId: string, name: string): Promise<string> {
  const list = (await client
    .api(`${sitePath(siteId)}/lists/${encodeURIComponent(name)}`)
    .select('id')
    .get()) as G.List;
  if (!list.id) throw new Error(`The list '${name}' has no id.`);
  return list.id;
}

/** `GET …/items?$filter=…&$expand=fields` (every page). */
export async function queryItems(
  client: Client,
  siteId: string,
  listId: string,
  query: { filter: string; orderBy?: string },
): Promise<G.ListItem[]> {
  const items: G.ListItem[] = [];
  let next: string | undefined = itemsQuery(siteId, listId, query.filter, query.orderBy);
  while (next !== undefined) {
    const page = (await client.api(next).get()) as ItemsPage;
    items.push(...page.value);
    const link = page['@odata.nextLink'];
    next = link === undefined ? undefined : relativeNextLink(link);
  }
  return items;
}

/** `POST …/items`: safe to repeat, since the unique Key refuses a second copy (409). */
export async function createItem(
  client: Client,
  siteId: string,
  listId: string,
  fields: Record<string, unknown>,
): Promise<G.ListItem> {
  return (await client
    .api(`${sitePath(siteId)}/lists/${encodeURIComponent(listId)}/items`)
    .headers(idempotentWrite)
    .post({ fields })) as G.ListItem;
}

/** `PATCH …/items/{id}/fields` with `If-Match`; answers the item's new fields and eTag. */
export async function updateItemFields(
  client: Client,
  siteId: string,
  listId: string,
  itemId: string,
  etag: string,
  fields: Record<string, unknown>,
): Promise<{ etag: string }> {
  const body = (await client
    .api(
      `${sitePath(siteId)}/lists/${encodeURIComponent(listId)}/items/${encodeURIComponent(itemId)}/fields`,
    )
    .header('If-Match', etag)
    .patch(fields)) as Record<string, unknown>;
  const tag = body['@odata.etag'];
  return { etag: typeof tag === 'string' ? tag : '' };
}

/** `DELETE …/items/{id}`; an item already gone (404) counts as deleted. */
export async function deleteItem(
  client: Client,
  siteId: string,
  listId: string,
  itemId: string,
): Promise<void> {
  try {
    await client
      .api(
        `${sitePath(siteId)}/lists/${encodeURIComponent(listId)}/items/${encodeURIComponent(itemId)}`,
      )
      .delete();
  } catch (err) {
    if (statusOf(err) !== 404) throw err;
  }
}

// ---- The repository

export interface ExpectationsRepository {
  getExpectations(meetingKey: string): Promise<ExpectationsRead>;
  /** Creates when `version` is absent; otherwise updates that item only if it is unchanged. */
  saveExpectations(
    expectations: Expectations,
    version?: Pick<ItemVersion, 'itemId' | 'etag'>,
    columns?: ExpectationsColumns,
  ): Promise<SaveExpectationsResult>;
  /** The records marked as this organizer's unsent Outlook drafts (DraftOf), at most `limit`. */
  listDraftRecords(organizerId: string, limit: number): Promise<DraftRecord[]>;
  /**
   * Empties a record's draft marker if the item is still as it was read (If-Match): its new
   * ETag, or undefined when it changed or went meanwhile (a later sweep or load sees it again).
   */
  clearDraft(version: Pick<ItemVersion, 'itemId' | 'etag'>): Promise<string | undefined>;
  /** Deletes an Expectations item (a discarded draft's); one already gone is fine. */
  deleteExpectations(itemId: string): Promise<void>;
  listMyDeliverables(ownerId: string): Promise<DeliverablesRead>;
  listMeetingDeliverables(meetingKey: string): Promise<DeliverablesRead>;
  /**
   * One item per deliverable: created when new, updated (If-Match) when changed. Who set the status
   * (`statusSetBy`) is kept while the status and obstacle stay as they were.
   */
  upsertDeliverables(
    meetingKey: string,
    deliverables: readonly Deliverable[],
    /** `statusSetBy`: whoever set the statuses being written (an owner's own first report). */
    opts?: { meetingSubject?: string; statusSetBy?: string },
  ): Promise<UpsertDeliverableResult[]>;
  /** Deletes the items of deliverables taken off a meeting; ones already gone are fine. */
  deleteDeliverables(meetingKey: string, deliverableIds: readonly string[]): Promise<void>;
  /**
   * Writes `next` over one stored deliverable if the item is still as it was read (If-Match);
   * otherwise a conflict with what is there now. `statusSetBy` records who set the status; left
   * out, the stored one is kept while the status and obstacle are unchanged. Throws when `next`
   * fails validation or is another deliverable: callers validate first.
   */
  updateDeliverable(
    stored: StoredDeliverable,
    next: Deliverable,
    /** `helpAsked`: left out, the stored one is kept while the status and obstacle are unchanged. */
    opts?: { statusSetBy?: string; helpAsked?: HelpAsked },
  ): Promise<UpdateDeliverableResult>;
}

export function expectationsRepository(
  client: Client,
  options: ExpectationsRepositoryOptions,
): ExpectationsRepository {
  const { siteId } = options;
  const ids = new Map<string, Promise<string>>();
  /** List ids are resolved once per name and cached (a failed lookup is retried next time). */
  const listId = (nameOrId: string): Promise<string> => {
    if (GUID.test(nameOrId)) return Promise.resolve(nameOrId);
    let id = ids.get(nameOrId);
    if (!id) {
      id = getListId(client, siteId, nameOrId);
      ids.set(nameOrId, id);
      id.catch(() => ids.delete(nameOrId));
    }
    return id;
  };
  const expectationsList = () => listId(options.expectationsList ?? EXPECTATIONS_LIST);
  const deliverablesList = () => listId(options.deliverablesList ?? DELIVERABLES_LIST);

  const getExpectations = async (meetingKey: string): Promise<ExpectationsRead> => {
    const stored = await storageKey(meetingKey);
    const items = await queryItems(client, siteId, await expectationsList(), {
      filter: `fields/MeetingKey eq ${literal(stored)}`,
    });
    // The Key is unique and equals MeetingKey, so at most one item matches; its payload must
    // name this very meeting (SharePoint compares text without case).
    for (const item of items) {
      const read = readExpectations(item);
      const mine =
        read.kind === 'found'
          ? read.expectations.meetingKey === meetingKey
          : read.kind === 'invalid' && read.key.toLowerCase() === stored.toLowerCase();
      if (mine) return read;
    }
    return { kind: 'missing' };
  };

  /** After a 409 or 412: our own write (a retry that already landed) or someone else's. */
  const settle = async (expectations: Expectations): Promise<SaveExpectationsResult> => {
    const current = await getExpectations(expectations.meetingKey);
    if (current.kind === 'found' && canonical(current.expectations) === canonical(expectations)) {
      return { ...current, kind: 'saved' };
    }
    return { kind: 'conflict', current };
  };

  const saveExpectations: ExpectationsRepository['saveExpectations'] = async (
    input,
    version,
    columns = {},
  ) => {
    const parsed = expectationsSchema.safeParse(input);
    if (!parsed.success) return { kind: 'invalid', errors: fieldErrors(parsed.error) };
    const expectations = parsed.data;
    const key = await storageKey(expectations.meetingKey);
    const fields: Record<string, unknown> = {
      MeetingKey: key,
      SeriesKey:
        expectations.seriesKey === undefined ? '' : await storageKey(expectations.seriesKey),
      Payload: JSON.stringify(expectations),
      ...(columns.startUtc === undefined
        ? {}
        : { StartUtc: new Date(columns.startUtc).toISOString() }),
      ...(columns.organizerId === undefined ? {} : { OrganizerId: columns.organizerId }),
      ...(columns.draft === undefined
        ? {}
        : { DraftOf: columns.draft.organizerId, DraftEventId: columns.draft.eventId }),
    };
    const list = await expectationsList();
    if (version === undefined) {
      try {
        const item = await createItem(client, siteId, list, { Key: key, ...fields });
        return { kind: 'saved', expectations, ...versionOf(item) };
      } catch (err) {
        if (statusOf(err) === 409) return settle(expectations);
        throw err;
      }
    }
    try {
      const { etag } = await updateItemFields(
        client,
        siteId,
        list,
        version.itemId,
        version.etag,
        fields,
      );
      return { kind: 'saved', expectations, itemId: version.itemId, etag };
    } catch (err) {
      const status = statusOf(err);
      // 412: changed since it was read; 404: deleted since. Either way, show what is there now.
      if (status === 412 || status === 404) return settle(expectations);
      throw err;
    }
  };

  const listDraftRecords: ExpectationsRepository['listDraftRecords'] = async (
    organizerId,
    limit,
  ) => {
    const items = await queryItems(client, siteId, await expectationsList(), {
      filter: `fields/DraftOf eq ${literal(organizerId)}`,
    });
    const out: DraftRecord[] = [];
    for (const item of items) {
      const draft = draftOf(item);
      // SharePoint compares text without case; ids are GUIDs, so compare them that way too.
      if (draft?.organizerId.toLowerCase() !== organizerId.toLowerCase()) continue;
      const read = readExpectations(item);
      out.push({
        draft,
        meetingKey: read.kind === 'found' ? read.expectations.meetingKey : undefined,
        ...versionOf(item),
      });
      if (out.length >= limit) break;
    }
    return out;
  };

  const clearDraft: ExpectationsRepository['clearDraft'] = async (version) => {
    try {
      const { etag } = await updateItemFields(
        client,
        siteId,
        await expectationsList(),
        version.itemId,
        version.etag,
        { DraftOf: '', DraftEventId: '' },
      );
      return etag;
    } catch (err) {
      const status = statusOf(err);
      if (status === 412 || status === 404) return undefined;
      throw err;
    }
  };

  const deleteExpectations: ExpectationsRepository['deleteExpectations'] = async (itemId) =>
    deleteItem(client, siteId, await expectationsList(), itemId);

  const readDeliverables = async (filter: string): Promise<DeliverablesRead> =>
    parseDeliverableItems(
      await queryItems(client, siteId, await deliverablesList(), {
        filter,
        orderBy: 'fields/DueDate asc',
      }),
    );

  const listMyDeliverables = (ownerId: string) =>
    readDeliverables(`fields/OwnerId eq ${literal(ownerId)}`);

  const listMeetingDeliverables = async (meetingKey: string): Promise<DeliverablesRead> => {
    const read = await readDeliverables(
      `fields/MeetingKey eq ${literal(await storageKey(meetingKey))}`,
    );
    return { ...read, items: read.items.filter((i) => i.meetingKey === meetingKey) };
  };

  /** The deliverable's payload as it would be written, or the validation errors. */
  const payloadOf = (
    meetingKey: string,
    deliverable: Deliverable,
    statusSetBy: string | undefined,
    meetingSubject: string | undefined,
    helpAsked?: HelpAsked,
  ) =>
    storedDeliverableSchema.safeParse({
      schemaVersion: EXPECTATIONS_SCHEMA_VERSION,
      meetingKey,
      deliverable,
      ...(statusSetBy === undefined ? {} : { statusSetBy }),
      ...(meetingSubject === undefined
        ? {}
        : { meetingSubject: meetingSubject.slice(0, MEETING_SUBJECT_MAX_LENGTH) }),
      ...(helpAsked === undefined ? {} : { helpAsked }),
    });

  /** The list columns for a payload: the query columns copy values out of it. */
  const deliverableFields = async (payload: DeliverablePayload) => ({
    MeetingKey: await storageKey(payload.meetingKey),
    OwnerId: payload.deliverable.ownerId,
    DueDate: payload.deliverable.due,
    Status: payload.deliverable.status,
    Payload: JSON.stringify(payload),
  });

  /** The item with this storage key, read; undefined when there is none. */
  const deliverableByKey = async (
    list: string,
    key: string,
  ): Promise<StoredDeliverable | InvalidItem | undefined> => {
    const [item] = await queryItems(client, siteId, list, {
      filter: `fields/Key eq ${literal(key)}`,
    });
    return item ? readDeliverable(item) : undefined;
  };

  const samePayload = (read: StoredDeliverable | InvalidItem, payload: DeliverablePayload) =>
    read.kind === 'found' &&
    canonical({
      schemaVersion: payload.schemaVersion,
      meetingKey: read.meetingKey,
      deliverable: read.deliverable,
      ...(read.statusSetBy === undefined ? {} : { statusSetBy: read.statusSetBy }),
      ...(read.meetingSubject === undefined ? {} : { meetingSubject: read.meetingSubject }),
      ...(read.helpAsked === undefined ? {} : { helpAsked: read.helpAsked }),
    }) === canonical(payload);

  const upsertDeliverables: ExpectationsRepository['upsertDeliverables'] = async (
    meetingKey,
    deliverables,
    opts = {},
  ) => {
    const list = await deliverablesList();
    const existing = await queryItems(client, siteId, list, {
      filter: `fields/MeetingKey eq ${literal(await storageKey(meetingKey))}`,
    });
    const byKey = new Map(existing.map((i) => [stringField(i, 'Key').toLowerCase(), i]));
    const results: UpsertDeliverableResult[] = [];
    for (const input of deliverables) {
      const key = await storageKey(deliverableKey(meetingKey, input.id));
      const item = byKey.get(key.toLowerCase());
      const read = item ? readDeliverable(item) : undefined;
      // Who set the status stays recorded while the status does not change.
      const keptSetter =
        opts.statusSetBy ??
        (read?.kind === 'found' && sameStatus(read.deliverable, input)
          ? read.statusSetBy
          : undefined);
      const subject =
        opts.meetingSubject ?? (read?.kind === 'found' ? read.meetingSubject : undefined);
      // An organizer's save must not erase that the owner asked for help with the same obstacle.
      const keptHelp =
        read?.kind === 'found' && sameStatus(read.deliverable, input) ? read.helpAsked : undefined;
      const parsed = payloadOf(meetingKey, input, keptSetter, subject, keptHelp);
      if (!parsed.success) {
        results.push({ kind: 'invalid', id: input.id, errors: fieldErrors(parsed.error) });
        continue;
      }
      const payload = parsed.data;
      const { deliverable } = payload;
      const fields = await deliverableFields(payload);
      const readBack = async (): Promise<UpsertDeliverableResult> => {
        const current = await deliverableByKey(list, key);
        if (current && samePayload(current, payload)) {
          return { kind: 'saved', item: current as StoredDeliverable };
        }
        return { kind: 'conflict', id: deliverable.id, current };
      };
      try {
        if (!read) {
          const created = await createItem(client, siteId, list, { Key: key, ...fields });
          results.push({ kind: 'saved', item: storedOf(payload, versionOf(created)) });
          continue;
        }
        if (samePayload(read, payload)) {
          results.push({ kind: 'unchanged', item: read as StoredDeliverable });
          continue;
        }
        const { etag } = await updateItemFields(
          client,
          siteId,
          list,
          read.itemId,
          read.etag,
          fields,
        );
        results.push({ kind: 'saved', item: storedOf(payload, { itemId: read.itemId, etag }) });
      } catch (err) {
        const status = statusOf(err);
        if (status === 409 || status === 412 || status === 404) results.push(await readBack());
        else throw err;
      }
    }
    return results;
  };

  const deleteDeliverables: ExpectationsRepository['deleteDeliverables'] = async (
    meetingKey,
    deliverableIds,
  ) => {
    if (deliverableIds.length === 0) return;
    const list = await deliverablesList();
    const existing = await queryItems(client, siteId, list, {
      filter: `fields/MeetingKey eq ${literal(await storageKey(meetingKey))}`,
    });
    const byKey = new Map(existing.map((i) => [stringField(i, 'Key').toLowerCase(), i]));
    for (const id of deliverableIds) {
      const item = byKey.get((await storageKey(deliverableKey(meetingKey, id))).toLowerCase());
      if (item?.id) await deleteItem(client, siteId, list, item.id);
    }
  };

  const updateDeliverable: ExpectationsRepository['updateDeliverable'] = async (
    stored,
    next,
    opts = {},
  ) => {
    if (next.id !== stored.deliverable.id) {
      throw new Error(
        `updateDeliverable: '${next.id}' cannot overwrite deliverable '${stored.deliverable.id}'.`,
      );
    }
    const setter =
      opts.statusSetBy ?? (sameStatus(stored.deliverable, next) ? stored.statusSetBy : undefined);
    const help =
      opts.helpAsked ?? (sameStatus(stored.deliverable, next) ? stored.helpAsked : undefined);
    const parsed = payloadOf(stored.meetingKey, next, setter, stored.meetingSubject, help);
    if (!parsed.success) {
      const messages = Object.values(fieldErrors(parsed.error)).flat().join(' ');
      throw new Error(`updateDeliverable: the deliverable is not valid. ${messages}`);
    }
    const payload = parsed.data;
    const list = await deliverablesList();
    try {
      const { etag } = await updateItemFields(
        client,
        siteId,
        list,
        stored.itemId,
        stored.etag,
        await deliverableFields(payload),
      );
      return { kind: 'saved', item: storedOf(payload, { itemId: stored.itemId, etag }) };
    } catch (err) {
      const status = statusOf(err);
      if (status !== 412 && status !== 404) throw err;
      // Changed or deleted since it was read, or our own write already landed (a retry's 412).
      const key = await storageKey(deliverableKey(stored.meetingKey, next.id));
      const current = await deliverableByKey(list, key);
      if (current && samePayload(current, payload)) {
        return { kind: 'saved', item: current as StoredDeliverable };
      }
      return { kind: 'conflict', current };
    }
  };

  return {
    getExpectations,
    saveExpectations,
    listDraftRecords,
    clearDraft,
    deleteExpectations,
    listMyDeliverables,
    listMeetingDeliverables,
    upsertDeliverables,
    deleteDeliverables,
    updateDeliverable,
  };
}
