import type { Client } from '@microsoft/microsoft-graph-client';
import type * as G from '@microsoft/microsoft-graph-types';
import { fieldErrors } from '../../domain/expectations/schema';
import {
  teamResourcesSchema,
  type ResourcesContent,
  type TeamResources,
} from '../../domain/commitments/team-resources';
import type { ResourcesRead, SaveResourcesOutcome } from '../../domain/ports/commitments';
import type { StoredVersion } from '../../domain/ports/expectations';
import {
  createItem,
  itemsQuery,
  literal,
  parsePayload,
  queryItems,
  statusOf,
  storageKey,
  updateItemFields,
  versionOf,
} from '../expectations/expectations-repository';

const RESOURCES_LIST = 'TeamResources';

/** One item per team: the team's resources and help routes travel and conflict together. */
const resourcesKey = (teamKey: string) => storageKey(`resources:${teamKey}`);

const versionFrom = (item: G.ListItem): StoredVersion => {
  const v = versionOf(item);
  return {
    itemId: v.itemId,
    etag: v.etag,
    ...(v.lastModifiedBy ? { lastModifiedBy: v.lastModifiedBy } : {}),
    ...(v.lastModifiedDateTime ? { lastModifiedDateTime: v.lastModifiedDateTime } : {}),
  };
};

/** The team's record query; Home sends it inside its `$batch`, read with `resourcesFromItems`. */
export const teamResourcesQuery = (teamKey: string): string =>
  itemsQuery(teamKey, RESOURCES_LIST, `fields/TeamKey eq ${literal(teamKey)}`);

/** The team's one record among the items of its TeamKey, checked against the schema. */
export async function resourcesFromItems(
  items: readonly G.ListItem[],
  teamKey: string,
): Promise<ResourcesRead> {
  const key = (await resourcesKey(teamKey)).toLowerCase();
  const item = items.find((i) => {
    const k = (i.fields as Record<string, unknown> | undefined)?.Key;
    return typeof k === 'string' && k.toLowerCase() === key;
  });
  if (!item) return { kind: 'missing' };
  const parsed = parsePayload(item, teamResourcesSchema);
  if (parsed.kind === 'invalid') {
    return { kind: 'invalid', errors: parsed.errors, version: versionFrom(item) };
  }
  return { kind: 'found', resources: parsed.value, version: versionFrom(item) };
}

/**
 * `GET …/TeamResources/items?$filter=TeamKey eq …` (every page): the team's one record. The team's
 * key is its team site's id, as for the team's templates.
 */
export async function readTeamResources(client: Client, teamKey: string): Promise<ResourcesRead> {
  const items = await queryItems(client, teamKey, RESOURCES_LIST, {
    filter: `fields/TeamKey eq ${literal(teamKey)}`,
  });
  return resourcesFromItems(items, teamKey);
}

const same = (a: TeamResources, b: TeamResources) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes the team's record: a create when there is none yet (the unique Key turns a second
 * create into 409), otherwise a PATCH with `If-Match`. A 409, 412 or 404 re-reads: our own retry
 * that landed counts as saved; anyone else's write comes back as a conflict, never overwritten.
 */
export async function saveTeamResources(
  client: Client,
  teamKey: string,
  input: ResourcesContent,
  version?: StoredVersion,
): Promise<SaveResourcesOutcome> {
  // The record always belongs to the site it is written to, whatever the draft says.
  const parsed = teamResourcesSchema.safeParse({ ...input, teamKey });
  if (!parsed.success) return { kind: 'invalid', errors: fieldErrors(parsed.error) };
  const resources = parsed.data;
  const fields = { TeamKey: teamKey, Payload: JSON.stringify(resources) };
  const settle = async (): Promise<SaveResourcesOutcome> => {
    const current = await readTeamResources(client, teamKey);
    if (current.kind === 'found' && same(current.resources, resources)) {
      return { kind: 'saved', resources, version: current.version };
    }
    return { kind: 'conflict', current };
  };
  try {
    if (version === undefined) {
      const item = await createItem(client, teamKey, RESOURCES_LIST, {
        Key: await resourcesKey(teamKey),
        ...fields,
      });
      return { kind: 'saved', resources, version: versionFrom(item) };
    }
    const { etag } = await updateItemFields(
      client,
      teamKey,
      RESOURCES_LIST,
      version.itemId,
      version.etag,
      fields,
    );
    return { kind: 'saved', resources, version: { itemId: version.itemId, etag } };
  } catch (err) {
    const status = statusOf(err);
    if (status === 409 || status === 412 || status === 404) return settle();
    throw err;
  }
}
