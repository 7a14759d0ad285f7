import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type * as G from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import {
  deliverableSchema,
  EXPECTATIONS_SCHEMA_VERSION,
  expectationsSchema,
  fieldErrors,
  meetingKeySchema,
  type Deliverable,
  type Expectations,
} from '../../domain/expectations/schema';
import type { Instant } from '../../domain/time/instant';
import { idempotentWrite, relativeNextLink } from '../client';

/**
 * Expectations and deliverables in the team site's lists (ARCHITECTURE.md, "Where data lives").
 * Payloads are validated on write and on read (members can write the lists through raw Graph);
 * creates rely on the unique `Key` (a 409 reads back), updates send `If-Match` (a 412 is a
 * conflict carrying the server's version, never an overwrite).
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
  raw: string;
}

export type ExpectationsRead =
  { kind: 'missing' } | ({ kind: 'found'; expectations: Expectations } & ItemVersion) | InvalidItem;

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

/** The Deliverables list's payload: one deliverable and the meeting it belongs to. */
export const storedDeliverableSchema = z.object({
  schemaVersion: z.literal(EXPECTATIONS_SCHEMA_VERSION),
  meetingKey: meetingKeySchema,
  deliverable: deliverableSchema,
});

/** What the Expectations list's query columns hold besides the payload. */
export interface ExpectationsColumns {
  startUtc?: Instant;
  organizerId?: string;
}

export interface ExpectationsRepositoryOptions {
  siteId: string;
  /** A list id (GUID) or display name; defaults to the provisioned names. */
  expectationsList?: string;
  deliverablesList?: string;
}

// ---- Helpers

const statusOf = (err: unknown): number | undefined =>
  err instanceof GraphError ? err.statusCode : undefined;

const sitePath = (siteId: string): string =>
  `/sites/${encodeURIComponent(siteId).replaceAll('%2C', ',')}`;

/** An OData string literal. */
const literal = (value: string): string => `'${value.replaceAll("'", "''")}'`;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The key of a deliverable's item: unique per meeting and deliverable. */
export const deliverableKey = (meetingKey: string, deliverableId: string): string =>
  `${meetingKey}:${deliverableId}`;

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

function versionOf(item: G.ListItem): ItemVersion {
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
function parsePayload<T>(
  item: G.ListItem,
  schema: z.ZodType<T>,
): { kind: 'ok'; value: T } | InvalidItem {
  const raw = stringField(item, 'Payload');
  const invalid = (errors: Record<string, string[]>): InvalidItem => ({
    kind: 'invalid',
    key: stringField(item, 'Key'),
    errors,
    raw,
    ...versionOf(item),
  });
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return invalid({ '': ['The stored payload is not valid JSON.'] });
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { kind: 'ok', value: parsed.data } : invalid(fieldErrors(parsed.error));
}

function readExpectations(item: G.ListItem): ExpectationsRead {
  const parsed = parsePayload(item, expectationsSchema);
  if (parsed.kind === 'invalid') return parsed;
  return { kind: 'found', expectations: parsed.value, ...versionOf(item) };
}

function readDeliverable(item: G.ListItem): StoredDeliverable | InvalidItem {
  const parsed = parsePayload(item, storedDeliverableSchema);
  if (parsed.kind === 'invalid') return parsed;
  return {
    kind: 'found',
    meetingKey: parsed.value.meetingKey,
    deliverable: parsed.value.deliverable,
    ...versionOf(item),
  };
}

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
  const params = new URLSearchParams({ $filter: query.filter, $expand: 'fields', $top: '500' });
  if (query.orderBy !== undefined) params.set('$orderby', query.orderBy);
  let next: string | undefined =
    `${sitePath(siteId)}/lists/${encodeURIComponent(listId)}/items?${params.toString()}`;
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

// ---- The repository

export interface ExpectationsRepository {
  getExpectations(meetingKey: string): Promise<ExpectationsRead>;
  /** Creates when `version` is absent; otherwise updates that item only if it is unchanged. */
  saveExpectations(
    expectations: Expectations,
    version?: Pick<ItemVersion, 'itemId' | 'etag'>,
    columns?: ExpectationsColumns,
  ): Promise<SaveExpectationsResult>;
  listMyDeliverables(ownerId: string): Promise<DeliverablesRead>;
  listMeetingDeliverables(meetingKey: string): Promise<DeliverablesRead>;
  /** One item per deliverable: created when new, updated (If-Match) when changed. */
  upsertDeliverables(
    meetingKey: string,
    deliverables: readonly Deliverable[],
  ): Promise<UpsertDeliverableResult[]>;
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
  const expectationsList = () => listId(options.expectationsList ?? 'Expectations');
  const deliverablesList = () => listId(options.deliverablesList ?? 'Deliverables');

  const getExpectations = async (meetingKey: string): Promise<ExpectationsRead> => {
    const items = await queryItems(client, siteId, await expectationsList(), {
      filter: `fields/MeetingKey eq ${literal(meetingKey)}`,
    });
    // The Key is unique and equals MeetingKey, so at most one item matches.
    const item = items.find(
      (i) => stringField(i, 'Key').toLowerCase() === meetingKey.toLowerCase(),
    );
    return item ? readExpectations(item) : { kind: 'missing' };
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
    const fields: Record<string, unknown> = {
      MeetingKey: expectations.meetingKey,
      SeriesKey: expectations.seriesKey ?? '',
      Payload: JSON.stringify(expectations),
      ...(columns.startUtc === undefined
        ? {}
        : { StartUtc: new Date(columns.startUtc).toISOString() }),
      ...(columns.organizerId === undefined ? {} : { OrganizerId: columns.organizerId }),
    };
    const list = await expectationsList();
    if (version === undefined) {
      try {
        const item = await createItem(client, siteId, list, {
          Key: expectations.meetingKey,
          ...fields,
        });
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

  const readDeliverables = async (filter: string): Promise<DeliverablesRead> => {
    const items = await queryItems(client, siteId, await deliverablesList(), {
      filter,
      orderBy: 'fields/DueDate asc',
    });
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
  };

  const listMyDeliverables = (ownerId: string) =>
    readDeliverables(`fields/OwnerId eq ${literal(ownerId)}`);
  const listMeetingDeliverables = (meetingKey: string) =>
    readDeliverables(`fields/MeetingKey eq ${literal(meetingKey)}`);

  const upsertDeliverables: ExpectationsRepository['upsertDeliverables'] = async (
    meetingKey,
    deliverables,
  ) => {
    const list = await deliverablesList();
    const existing = await queryItems(client, siteId, list, {
      filter: `fields/MeetingKey eq ${literal(meetingKey)}`,
    });
    const byKey = new Map(existing.map((i) => [stringField(i, 'Key').toLowerCase(), i]));
    const results: UpsertDeliverableResult[] = [];
    for (const input of deliverables) {
      const parsed = storedDeliverableSchema.safeParse({
        schemaVersion: EXPECTATIONS_SCHEMA_VERSION,
        meetingKey,
        deliverable: input,
      });
      if (!parsed.success) {
        results.push({ kind: 'invalid', id: input.id, errors: fieldErrors(parsed.error) });
        continue;
      }
      const payload = parsed.data;
      const { deliverable } = payload;
      const key = deliverableKey(meetingKey, deliverable.id);
      const fields = {
        MeetingKey: meetingKey,
        OwnerId: deliverable.ownerId,
        DueDate: deliverable.due,
        Status: deliverable.status,
        Payload: JSON.stringify(payload),
      };
      const same = (read: StoredDeliverable | InvalidItem): read is StoredDeliverable =>
        read.kind === 'found' &&
        canonical({ ...payload, deliverable: read.deliverable, meetingKey: read.meetingKey }) ===
          canonical(payload);
      const readBack = async (): Promise<UpsertDeliverableResult> => {
        const current = (
          await queryItems(client, siteId, list, { filter: `fields/Key eq ${literal(key)}` })
        )[0];
        const read = current ? readDeliverable(current) : undefined;
        if (read && same(read)) return { kind: 'saved', item: read };
        return { kind: 'conflict', id: deliverable.id, current: read };
      };
      const item = byKey.get(key.toLowerCase());
      try {
        if (!item) {
          const created = await createItem(client, siteId, list, { Key: key, ...fields });
          results.push({
            kind: 'saved',
            item: { kind: 'found', meetingKey, deliverable, ...versionOf(created) },
          });
          continue;
        }
        const read = readDeliverable(item);
        if (same(read)) {
          results.push({ kind: 'unchanged', item: read });
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
        results.push({
          kind: 'saved',
          item: { kind: 'found', meetingKey, deliverable, itemId: read.itemId, etag },
        });
      } catch (err) {
        const status = statusOf(err);
        if (status === 409 || status === 412 || status === 404) results.push(await readBack());
        else throw err;
      }
    }
    return results;
  };

  return {
    getExpectations,
    saveExpectations,
    listMyDeliverables,
    listMeetingDeliverables,
    upsertDeliverables,
  };
}
