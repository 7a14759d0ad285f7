import { randomUUID } from 'node:crypto';
import type * as G from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import {
  graphRoute,
  readJson,
  type Tenant,
  type TenantApp,
  type TenantCtx,
} from '../../http/context';
import { GraphError } from '../../http/graph-error';
import { parseTop } from '../../http/odata';
import type { StoredList, StoredListItem, StoredSite } from '../../store/state';
import { P } from '../permissions';
import {
  identityOf,
  invalidRequest,
  itemNotFound,
  listFor,
  principalOf,
  siteFor,
  type SiteAccess,
} from './access';
import {
  MAX_CUSTOM_COLUMNS,
  checkFieldWrite,
  columnInput,
  customColumnCount,
  defineColumn,
  formatDateValue,
  systemColumns,
  titleColumn,
} from './columns';
import { compileFilter, resolveField, toComparable, type Comparable } from './filter';
import {
  fieldsJson,
  itemETag,
  itemJson,
  listJson,
  listPath,
  metadata,
  parseExpand,
  siteJson,
} from './render';

const DEFAULT_PAGE = 200;
const MAX_PAGE = 5000;
const PREFER_NON_INDEXED = 'honornonindexedquerieswarningmayfailrandomly';

const listInput = z.looseObject({
  displayName: z.string().trim().min(1).max(255),
  description: z.string().max(1000).nullish(),
  columns: z.array(columnInput).nullish(),
  list: z
    .looseObject({
      template: z.string().nullish(),
      hidden: z.boolean().nullish(),
      contentTypesEnabled: z.boolean().nullish(),
    })
    .nullish(),
});

const fieldValues = z.record(z.string(), z.unknown());
const itemInput = z.looseObject({ fields: fieldValues.nullish() });

/** Like `readJson`, but a body that parses and does not fit answers SharePoint's `invalidRequest`. */
async function readBody<S extends z.ZodType>(c: TenantCtx, schema: S): Promise<z.infer<S>> {
  const raw = await readJson(c, z.unknown());
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    throw invalidRequest(
      `Invalid request${where ? ` at '${where}'` : ''}: ${issue?.message ?? 'not valid'}.`,
    );
  }
  return parsed.data;
}

/** OData options arrive with or without `$`, as Graph accepts both. */
const option = (c: TenantCtx, name: string): string | undefined =>
  c.req.query(`$${name}`) ?? c.req.query(name);

const honorsNonIndexed = (c: TenantCtx): boolean =>
  (c.req.header('prefer') ?? '').toLowerCase().includes(PREFER_NON_INDEXED);

export function registerSiteRoutes(app: TenantApp, tenant: Tenant): void {
  const now = (): string => formatDateValue(tenant.clock.now());
  const state = () => tenant.store.state;

  const openList = (c: TenantCtx, need: SiteAccess): { site: StoredSite; list: StoredList } => {
    const site = siteFor(c, tenant, need);
    return { site, list: listFor(tenant, site, c.req.param('listId') ?? '') };
  };

  const openItem = (
    c: TenantCtx,
    need: SiteAccess,
  ): { site: StoredSite; list: StoredList; item: StoredListItem } => {
    const { site, list } = openList(c, need);
    const id = c.req.param('itemId') ?? '';
    const item = /^\d+$/.test(id) ? list.items[id] : undefined;
    if (!item) throw itemNotFound();
    return { site, list, item };
  };

  /** If-Match as SharePoint honours it: `*` or the item's current eTag (quotes and `W/` optional). */
  const checkIfMatch = (c: TenantCtx, list: StoredList, item: StoredListItem): void => {
    const header = c.req.header('if-match');
    if (header === undefined || header.trim() === '*') return;
    const bare = (etag: string) =>
      etag
        .trim()
        .replace(/^W\//, '')
        .replace(/^"(.*)"$/, '$1');
    const current = itemETag(list, item);
    if (bare(header) !== bare(current)) {
      throw new GraphError(
        412,
        'preconditionFailed',
        `The request ETag value '${header}' does not match the object's ETag value '${current}'.`,
      );
    }
  };

  const itemResponse = (
    c: TenantCtx,
    site: StoredSite,
    list: StoredList,
    item: StoredListItem,
    status: 200 | 201,
    fields: boolean,
    fieldSelect?: string[],
  ) => {
    const body = {
      '@odata.context': metadata(tenant, `${listPath(site, list)}/items/$entity`),
      ...itemJson(tenant, site, list, item, { fields, fieldSelect }),
    };
    const headers: Record<string, string> = { ETag: itemETag(list, item) };
    if (status === 201) {
      headers.Location = `${tenant.origin()}/v1.0/sites/${site.site.id ?? ''}/lists/${list.list.id ?? ''}/items/${item.id}`;
    }
    return c.json(body, status, headers);
  };

  /** Applies a validated field write and bumps the version: every write is a new SharePoint version. */
  const writeFields = (
    c: TenantCtx,
    list: StoredList,
    item: StoredListItem,
    input: Record<string, unknown>,
  ): void => {
    checkIfMatch(c, list, item);
    const changes = checkFieldWrite(list, input, item);
    tenant.store.mutate(() => {
      Object.assign(item.fields, changes);
      item.version += 1;
      item.lastModifiedBy = principalOf(c.get('caller'));
      item.lastModifiedDateTime = now();
    });
  };

  graphRoute(app, 'get', '/sites/:siteId', '/sites/{id}', P.sitesRead, (c) =>
    c.json(siteJson(tenant, siteFor(c, tenant, 'read'))),
  );

  graphRoute(app, 'get', '/sites/:siteId/lists', '/sites/{id}/lists', P.sitesRead, (c) => {
    const site = siteFor(c, tenant, 'read');
    const lists = site.listIds.flatMap((id) => {
      const l = state().lists[id];
      return l ? [listJson(site, l, undefined)] : [];
    });
    return c.json({
      '@odata.context': metadata(tenant, `sites('${site.site.id ?? ''}')/lists`),
      value: lists,
    });
  });

  graphRoute(app, 'post', '/sites/:siteId/lists', '/sites/{id}/lists', P.sitesManage, async (c) => {
    const site = siteFor(c, tenant, 'write');
    const body = await readBody(c, listInput);
    const template = body.list?.template ?? 'genericList';
    if (template !== 'genericList') {
      throw invalidRequest(`The local tenant creates 'genericList' lists only, not '${template}'.`);
    }
    const inputs = body.columns ?? [];
    if (inputs.length > MAX_CUSTOM_COLUMNS) {
      throw invalidRequest(`A list holds at most ${MAX_CUSTOM_COLUMNS} columns of its own.`);
    }
    const columns: G.ColumnDefinition[] = [titleColumn()];
    for (const input of inputs) columns.push(defineColumn(input, columns));

    const displayName = body.displayName;
    const urlName = displayName.replace(/[^A-Za-z0-9]/g, '') || 'List';
    const created = tenant.store.mutate((s) => {
      // Checked inside the change so two concurrent creators cannot both pass.
      const clash = site.listIds.some((id) => {
        const l = s.lists[id]?.list;
        return (
          l?.displayName?.toLowerCase() === displayName.toLowerCase() ||
          l?.name?.toLowerCase() === urlName.toLowerCase()
        );
      });
      if (clash) {
        throw new GraphError(
          409,
          'nameAlreadyExists',
          'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
        );
      }
      const id = randomUUID();
      const by = identityOf(tenant, principalOf(c.get('caller')));
      const at = now();
      const stored: StoredList = {
        siteId: site.site.id ?? '',
        list: {
          id,
          createdDateTime: at,
          description: body.description ?? '',
          lastModifiedDateTime: at,
          name: urlName,
          webUrl: `${site.site.webUrl ?? ''}/Lists/${urlName}`,
          displayName,
          createdBy: by,
          lastModifiedBy: by,
          list: {
            contentTypesEnabled: false,
            hidden: body.list?.hidden ?? false,
            template: 'genericList',
          },
        },
        columns,
        items: {},
        nextItemId: 1,
      };
      s.lists[id] = stored;
      site.listIds.push(id);
      return stored;
    });
    return c.json(
      {
        '@odata.context': metadata(tenant, `sites('${site.site.id ?? ''}')/lists/$entity`),
        ...listJson(site, created, undefined),
      },
      201,
      {
        Location: `${tenant.origin()}/v1.0/sites/${site.site.id ?? ''}/lists/${created.list.id ?? ''}`,
      },
    );
  });

  graphRoute(
    app,
    'get',
    '/sites/:siteId/lists/:listId',
    '/sites/{id}/lists/{id}',
    P.sitesRead,
    (c) => {
      const { site, list } = openList(c, 'read');
      const expand = parseExpand(option(c, 'expand'), ['columns']);
      return c.json({
        '@odata.context': metadata(tenant, `sites('${site.site.id ?? ''}')/lists/$entity`),
        ...listJson(
          site,
          list,
          expand.has('columns') ? [...list.columns, ...systemColumns()] : undefined,
        ),
      });
    },
  );

  graphRoute(
    app,
    'get',
    '/sites/:siteId/lists/:listId/columns',
    '/sites/{id}/lists/{id}/columns',
    P.sitesRead,
    (c) => {
      const { site, list } = openList(c, 'read');
      return c.json({
        '@odata.context': metadata(tenant, `${listPath(site, list)}/columns`),
        value: [...list.columns, ...systemColumns()],
      });
    },
  );

  graphRoute(
    app,
    'post',
    '/sites/:siteId/lists/:listId/columns',
    '/sites/{id}/lists/{id}/columns',
    P.sitesManage,
    async (c) => {
      const { site, list } = openList(c, 'write');
      const input = await readBody(c, columnInput);
      const column = tenant.store.mutate(() => {
        if (customColumnCount(list) >= MAX_CUSTOM_COLUMNS) {
          throw invalidRequest(`A list holds at most ${MAX_CUSTOM_COLUMNS} columns of its own.`);
        }
        const defined = defineColumn(input, list.columns);
        list.columns.push(defined);
        list.list.lastModifiedDateTime = now();
        return defined;
      });
      return c.json(
        {
          '@odata.context': metadata(tenant, `${listPath(site, list)}/columns/$entity`),
          ...column,
        },
        201,
      );
    },
  );

  graphRoute(
    app,
    'get',
    '/sites/:siteId/lists/:listId/items',
    '/sites/{id}/lists/{id}/items',
    P.sitesRead,
    (c) => {
      const { site, list } = openList(c, 'read');
      const expand = parseExpand(option(c, 'expand'), ['fields']);
      const honor = honorsNonIndexed(c);
      const filterText = option(c, 'filter');
      const keep =
        filterText === undefined || filterText.trim() === ''
          ? () => true
          : compileFilter(list, filterText, honor);
      const top = parseTop(option(c, 'top'), DEFAULT_PAGE, MAX_PAGE);
      const order = parseOrderBy(list, option(c, 'orderby'), honor);

      const byId = (a: StoredListItem, b: StoredListItem) => Number(a.id) - Number(b.id);
      const matching = Object.values(list.items)
        .filter(keep)
        .sort(order ? (a, b) => order(a, b) || byId(a, b) : byId);
      const token = readSkipToken(c.req.query('$skiptoken'));
      let offset = 0;
      if (token) {
        const after = matching.findIndex((item) => Number(item.id) > token.lastId);
        offset = order ? token.offset : after === -1 ? matching.length : after;
      }
      const pageItems = matching.slice(offset, offset + top);
      const body: Record<string, unknown> = {
        '@odata.context': metadata(tenant, `${listPath(site, list)}/items`),
        value: pageItems.map((item) =>
          itemJson(tenant, site, list, item, {
            fields: expand.has('fields'),
            fieldSelect: expand.get('fields'),
          }),
        ),
      };
      const last = pageItems.at(-1);
      if (last && offset + top < matching.length) {
        const next = new URL(c.req.url);
        next.searchParams.set('$skiptoken', skipToken(last.id, offset + top));
        next.searchParams.set('$top', String(top));
        next.searchParams.delete('top');
        body['@odata.nextLink'] = next.toString();
      }
      return c.json(body);
    },
  );

  graphRoute(
    app,
    'post',
    '/sites/:siteId/lists/:listId/items',
    '/sites/{id}/lists/{id}/items',
    P.sitesWrite,
    async (c) => {
      const { site, list } = openList(c, 'write');
      const body = await readBody(c, itemInput);
      const who = principalOf(c.get('caller'));
      const item = tenant.store.mutate(() => {
        // Validation sits inside the change so the unique check and the insert are one step.
        const values = checkFieldWrite(list, body.fields ?? {}, undefined);
        const id = String(list.nextItemId);
        const at = now();
        const created: StoredListItem = {
          id,
          fields: values,
          createdBy: who,
          createdDateTime: at,
          lastModifiedBy: who,
          lastModifiedDateTime: at,
          version: 1,
          uniqueId: randomUUID(),
        };
        list.nextItemId += 1;
        list.items[id] = created;
        return created;
      });
      return itemResponse(c, site, list, item, 201, true);
    },
  );

  graphRoute(
    app,
    'get',
    '/sites/:siteId/lists/:listId/items/:itemId',
    '/sites/{id}/lists/{id}/items/{id}',
    P.sitesRead,
    (c) => {
      const { site, list, item } = openItem(c, 'read');
      const expand = parseExpand(option(c, 'expand'), ['fields']);
      return itemResponse(c, site, list, item, 200, expand.has('fields'), expand.get('fields'));
    },
  );

  graphRoute(
    app,
    'patch',
    '/sites/:siteId/lists/:listId/items/:itemId',
    '/sites/{id}/lists/{id}/items/{id}',
    P.sitesWrite,
    async (c) => {
      const { site, list, item } = openItem(c, 'write');
      const body = await readBody(c, itemInput);
      writeFields(c, list, item, body.fields ?? {});
      return itemResponse(c, site, list, item, 200, true);
    },
  );

  graphRoute(
    app,
    'delete',
    '/sites/:siteId/lists/:listId/items/:itemId',
    '/sites/{id}/lists/{id}/items/{id}',
    P.sitesWrite,
    (c) => {
      const { list, item } = openItem(c, 'write');
      checkIfMatch(c, list, item);
      tenant.store.mutate(() => {
        // Item ids are never reused, as in SharePoint, so nextItemId stays where it is.
        Reflect.deleteProperty(list.items, item.id);
      });
      return c.body(null, 204);
    },
  );

  const fieldsResponse = (c: TenantCtx, site: StoredSite, list: StoredList, item: StoredListItem) =>
    c.json(
      {
        '@odata.context': metadata(
          tenant,
          `${listPath(site, list)}/items('${item.id}')/fields/$entity`,
        ),
        ...fieldsJson(list, item),
      },
      200,
      { ETag: itemETag(list, item) },
    );

  graphRoute(
    app,
    'patch',
    '/sites/:siteId/lists/:listId/items/:itemId/fields',
    '/sites/{id}/lists/{id}/items/{id}/fields',
    P.sitesWrite,
    async (c) => {
      const { site, list, item } = openItem(c, 'write');
      const body = await readBody(c, fieldValues);
      writeFields(c, list, item, body);
      return fieldsResponse(c, site, list, item);
    },
  );
}

/** `$orderby=fields/A desc,id`: the same indexed-column rule as `$filter` applies. */
function parseOrderBy(
  list: StoredList,
  raw: string | undefined,
  honor: boolean,
): ((a: StoredListItem, b: StoredListItem) => number) | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const keys = raw.split(',').map((part) => {
    const m = /^\s*([\w/]+)(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!m?.[1]) throw invalidRequest(`Invalid orderby clause: '${part.trim()}'.`);
    const field = resolveField(list, m[1], honor);
    return {
      read: (item: StoredListItem) => toComparable(field.type, field.read(item)),
      sign: m[2]?.toLowerCase() === 'desc' ? -1 : 1,
    };
  });
  return (a, b) => {
    for (const { read, sign } of keys) {
      const diff = compareValues(read(a), read(b));
      if (diff !== 0) return diff * sign;
    }
    return 0;
  };
}

/** Empty values sort first, as SharePoint sorts blanks ahead of values in ascending order. */
function compareValues(a: Comparable | undefined, b: Comparable | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

/**
 * SharePoint's paging token (`Paged=TRUE&p_ID=…`). Pages in id order resume after the last id,
 * so items added or deleted meanwhile neither repeat nor vanish; ordered pages resume by position.
 */
function skipToken(lastId: string, offset: number): string {
  return Buffer.from(`Paged=TRUE&p_ID=${lastId}&p_Offset=${String(offset)}`).toString('base64');
}

function readSkipToken(raw: string | undefined): { lastId: number; offset: number } | undefined {
  if (raw === undefined) return undefined;
  const text = Buffer.from(raw, 'base64').toString('utf8');
  const id = /(?:^|&)p_ID=(\d+)(?:&|$)/.exec(text)?.[1];
  const offset = /(?:^|&)p_Offset=(\d+)(?:&|$)/.exec(text)?.[1];
  if (id === undefined || offset === undefined)
    throw invalidRequest('The $skiptoken is not valid.');
  return { lastId: Number(id), offset: Number(offset) };
}
