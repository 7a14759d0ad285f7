import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type * as G from '@microsoft/microsoft-graph-types';
import type { StorageListDefinition } from './list-definitions';

/**
 * Creates Rapport's storage lists on a site, or completes them: the one routine that the local
 * tenant runs on first start and that admins run against a real tenant. It is idempotent and
 * safe to run concurrently: lists and columns that exist are left alone, and a 409 from a
 * concurrent creator is read back, not treated as a failure.
 */

const statusOf = (err: unknown): number | undefined =>
  err instanceof GraphError ? err.statusCode : undefined;

/** Site ids hold commas (`host,siteGuid,webGuid`), which Graph takes as they are. */
export const sitePath = (siteId: string): string =>
  `/sites/${encodeURIComponent(siteId).replaceAll('%2C', ',')}`;

/** GET a list by its title, with its columns; undefined when it does not exist. */
export async function getList(
  client: Client,
  siteId: string,
  displayName: string,
): Promise<G.List | undefined> {
  try {
    return (await client
      .api(`${sitePath(siteId)}/lists/${encodeURIComponent(displayName)}`)
      .expand('columns')
      .get()) as G.List;
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
}

/** POST a new generic list with all its columns; 'exists' when someone created it first. */
export async function createList(
  client: Client,
  siteId: string,
  definition: StorageListDefinition,
): Promise<G.List | 'exists'> {
  const body: G.List = {
    displayName: definition.displayName,
    description: definition.description,
    columns: [...definition.columns],
    list: { template: 'genericList' },
  };
  try {
    return (await client.api(`${sitePath(siteId)}/lists`).post(body)) as G.List;
  } catch (err) {
    if (statusOf(err) === 409) return 'exists';
    throw err;
  }
}

/** POST one column to an existing list. */
export async function addColumn(
  client: Client,
  siteId: string,
  listId: string,
  column: G.ColumnDefinition,
): Promise<G.ColumnDefinition> {
  return (await client
    .api(`${sitePath(siteId)}/lists/${listId}/columns`)
    .post(column)) as G.ColumnDefinition;
}

/** One column of a list as the routine left it: created now, or found. */
export interface ColumnOutcome {
  name: string;
  status: 'created' | 'already there';
  indexed: boolean;
  /** Enforces unique values (the record's key). */
  unique: boolean;
}

/** One list as the routine left it, with each of its columns. */
export interface ListOutcome {
  name: string;
  status: 'created' | 'already there';
  columns: ColumnOutcome[];
}

export interface ProvisionReport {
  siteId: string;
  /** Every list of the definitions, in their order, with what was done to it and its columns. */
  lists: ListOutcome[];
  createdLists: string[];
  addedColumns: { list: string; columns: string[] }[];
  /**
   * Existing columns whose type, index or uniqueness differ from their definition. Reported,
   * never changed: altering a live column is an admin's decision, not a routine's.
   */
  mismatches: { list: string; column: string; problem: string }[];
}

const TYPE_FACETS = ['text', 'number', 'dateTime', 'boolean', 'choice'] as const;
const typeOf = (c: G.ColumnDefinition): string => TYPE_FACETS.find((f) => c[f] != null) ?? 'other';

function differences(wanted: G.ColumnDefinition, actual: G.ColumnDefinition): string[] {
  const problems: string[] = [];
  if (typeOf(wanted) !== typeOf(actual))
    problems.push(`is ${typeOf(actual)}, expected ${typeOf(wanted)}`);
  if (Boolean(wanted.indexed) && !actual.indexed) problems.push('is not indexed');
  if (Boolean(wanted.enforceUniqueValues) && !actual.enforceUniqueValues)
    problems.push('does not enforce unique values');
  if (
    Boolean(wanted.text?.allowMultipleLines) !== Boolean(actual.text?.allowMultipleLines) &&
    typeOf(wanted) === 'text'
  ) {
    problems.push(
      wanted.text?.allowMultipleLines
        ? 'is single-line, expected multi-line'
        : 'is multi-line, expected single-line',
    );
  }
  return problems;
}

/** Creates or completes each list of `definitions` on the site and reports what it changed. */
export async function provisionStorage(
  client: Client,
  siteId: string,
  definitions: readonly StorageListDefinition[],
): Promise<ProvisionReport> {
  const report: ProvisionReport = {
    siteId,
    lists: [],
    createdLists: [],
    addedColumns: [],
    mismatches: [],
  };
  // One list at a time: provisioning is rare, and a burst would only meet throttling sooner.
  for (const definition of definitions) {
    const name = definition.displayName;
    let list = await getList(client, siteId, name);
    if (!list) {
      const created = await createList(client, siteId, definition);
      if (created !== 'exists') {
        report.createdLists.push(name);
        report.lists.push({
          name,
          status: 'created',
          columns: definition.columns.map((c) => columnOutcome(c, 'created')),
        });
        continue;
      }
      list = await getList(client, siteId, name);
      if (!list)
        throw new Error(
          `List '${name}' was reported as existing but cannot be read on site ${siteId}.`,
        );
    }
    const added = await completeColumns(client, siteId, list, definition);
    if (added.length > 0) report.addedColumns.push({ list: name, columns: added });
    const current =
      (added.length > 0 ? (await getList(client, siteId, name))?.columns : list.columns) ?? [];
    const columns: ColumnOutcome[] = [];
    for (const wanted of definition.columns) {
      const actual = current.find((c) => c.name === wanted.name);
      for (const problem of actual ? differences(wanted, actual) : []) {
        report.mismatches.push({ list: name, column: wanted.name ?? '', problem });
      }
      columns.push(
        columnOutcome(
          actual ?? wanted,
          added.includes(wanted.name ?? '') ? 'created' : 'already there',
        ),
      );
    }
    report.lists.push({ name, status: 'already there', columns });
  }
  return report;
}

const columnOutcome = (
  column: G.ColumnDefinition,
  status: ColumnOutcome['status'],
): ColumnOutcome => ({
  name: column.name ?? '',
  status,
  indexed: Boolean(column.indexed),
  unique: Boolean(column.enforceUniqueValues),
});

async function completeColumns(
  client: Client,
  siteId: string,
  list: G.List,
  definition: StorageListDefinition,
): Promise<string[]> {
  const have = new Set((list.columns ?? []).map((c) => c.name));
  const missing = definition.columns.filter((c) => !have.has(c.name));
  const added: string[] = [];
  for (const column of missing) {
    try {
      await addColumn(client, siteId, list.id ?? '', column);
      added.push(column.name ?? '');
    } catch (err) {
      // A concurrent run may have added it first; SharePoint then refuses the duplicate name.
      const now = await getList(client, siteId, definition.displayName);
      if (!now?.columns?.some((c) => c.name === column.name)) throw err;
    }
  }
  return added;
}
