import type * as G from '@microsoft/microsoft-graph-types';
import type { Tenant } from '../../http/context';
import { badRequest } from '../../http/graph-error';
import type { StoredList, StoredListItem, StoredSite } from '../../store/state';
import { identityOf } from './access';
import { formatDateValue } from './columns';

type Json = Record<string, unknown>;

export const metadata = (tenant: Tenant, suffix: string): string =>
  `${tenant.origin()}/v1.0/$metadata#${suffix}`;

export const listPath = (site: StoredSite, list: StoredList): string =>
  `sites('${site.site.id ?? ''}')/lists('${list.list.id ?? ''}')`;

/** A list item's GUID; items stored before GUIDs were kept get one derived from the list's. */
function uniqueIdOf(list: StoredList, item: StoredListItem): string {
  if (item.uniqueId) return item.uniqueId;
  const listId = list.list.id ?? '00000000-0000-4000-8000-000000000000';
  return `${listId.slice(0, 24)}${Number(item.id).toString(16).padStart(12, '0')}`;
}

/** SharePoint's item eTag: the item's GUID and its version, in quotes. */
export function itemETag(list: StoredList, item: StoredListItem): string {
  return `"${uniqueIdOf(list, item)},${String(item.version)}"`;
}

/**
 * A list's eTag moves with its schema, which is all the local tenant lets change on a list, so
 * the column count stands in for SharePoint's list version.
 */
export function listETag(list: StoredList): string {
  return `"${list.list.id ?? ''},${String(list.columns.length)}"`;
}

export function siteJson(tenant: Tenant, site: StoredSite): Json {
  return {
    '@odata.context': metadata(tenant, 'sites/$entity'),
    ...site.site,
    siteCollection: { hostname: 'localhost' },
  };
}

export function listJson(
  site: StoredSite,
  list: StoredList,
  withColumns: readonly G.ColumnDefinition[] | undefined,
): Json {
  const etag = listETag(list);
  return {
    '@odata.etag': etag,
    ...list.list,
    eTag: etag,
    parentReference: { siteId: site.site.id },
    ...(withColumns ? { columns: withColumns } : {}),
  };
}

/**
 * The fieldValueSet as SharePoint answers it: set columns only (empty ones are left out), then
 * the fields SharePoint computes. `select` narrows it as `expand=fields(select=...)` does.
 */
export function fieldsJson(
  list: StoredList,
  item: StoredListItem,
  select?: readonly string[],
): Json {
  const all: Json = { '@odata.etag': itemETag(list, item) };
  for (const column of list.columns) {
    const name = column.name ?? '';
    const value = item.fields[name];
    if (value !== null && value !== undefined) all[name] = value;
  }
  Object.assign(all, {
    id: item.id,
    ContentType: 'Item',
    Modified: formatDateValue(Date.parse(item.lastModifiedDateTime)),
    Created: formatDateValue(Date.parse(item.createdDateTime)),
    _UIVersionString: `${String(item.version)}.0`,
    Attachments: false,
  });
  if (!select) return all;
  const out: Json = { '@odata.etag': all['@odata.etag'] };
  for (const name of select) if (name in all) out[name] = all[name];
  return out;
}

export interface ItemView {
  fields: boolean;
  fieldSelect?: string[];
}

export function itemJson(
  tenant: Tenant,
  site: StoredSite,
  list: StoredList,
  item: StoredListItem,
  view: ItemView,
): Json {
  const etag = itemETag(list, item);
  return {
    '@odata.etag': etag,
    createdDateTime: item.createdDateTime,
    eTag: etag,
    id: item.id,
    lastModifiedDateTime: item.lastModifiedDateTime,
    webUrl: `${list.list.webUrl ?? ''}/${item.id}_.000`,
    createdBy: identityOf(tenant, item.createdBy),
    lastModifiedBy: identityOf(tenant, item.lastModifiedBy),
    parentReference: { id: list.list.id, siteId: site.site.id },
    contentType: { id: '0x0100', name: 'Item' },
    ...(view.fields
      ? {
          'fields@odata.context': metadata(
            tenant,
            `${listPath(site, list)}/items('${item.id}')/fields/$entity`,
          ),
          fields: fieldsJson(list, item, view.fieldSelect),
        }
      : {}),
  };
}

/**
 * Reads `$expand` (or `expand`, which Graph's docs use): `fields`, `fields(select=A,B)`,
 * `fields($select=A,B)`, `columns`. Only the navigations in `allowed` may be named.
 */
export function parseExpand(
  raw: string | undefined,
  allowed: readonly string[],
): Map<string, string[] | undefined> {
  const out = new Map<string, string[] | undefined>();
  if (raw === undefined || raw.trim() === '') return out;
  const terms: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      terms.push(raw.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(raw.slice(start));
  for (const term of terms.map((t) => t.trim())) {
    const m = /^([A-Za-z]+)(?:\(\s*\$?select\s*=\s*([\w\s,]+)\))?$/.exec(term);
    const name = m?.[1];
    if (!m || name === undefined || !allowed.includes(name)) {
      throw badRequest(
        `Parsing OData Select and Expand failed: Could not find a property named '${term}' to expand.`,
      );
    }
    const select = m[2]
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    out.set(name, select);
  }
  return out;
}
