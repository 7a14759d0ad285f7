import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORAGE_LISTS, listsFor } from '../../src/graph/storage/list-definitions';
import { createGraphClient } from '../../src/graph/client';
import { provisionStorage } from '../../src/graph/storage/provision-storage';
import { provisionLocalStorage } from '../../src/local/tenant/seed/provision';
import {
  GRAPH_AUDIENCE,
  RELAY_APP_ID,
  RELAY_LOCAL_SECRET,
  SITES,
  TENANT_ID,
} from '../../src/local/tenant/seed/directory';
import { startTestTenant, type GraphResult, type TestTenant } from '../support/local-tenant';
import { checkAgainstCsdl, checkCollectionResponse } from '../contract/support/csdl';
import { compareToExample, loadExample } from '../contract/support/example-shape';

const ANA = 'ana@rapportdemo.onmicrosoft.com'; // the team owner
const BEN = 'ben@rapportdemo.onmicrosoft.com';
const OLIVIA = 'olivia@rapportdemo.onmicrosoft.com'; // outside the team
const MANAGE_SCOPES = ['Sites.Manage.All'];

const team = `/sites/${SITES.team.id}`;
const priv = `/sites/${SITES.private.id}`;

let t: TestTenant;
let appToken: string;

/** Calls Graph with an explicit token (app-only, or a person's token with chosen scopes). */
async function call(
  token: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<GraphResult> {
  const res = await fetch(`${t.url}/v1.0${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as unknown) : undefined,
    headers: res.headers,
  };
}

const asApp = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  call(appToken, method, path, body, headers);

async function asManager(method: string, path: string, body?: unknown): Promise<GraphResult> {
  return call(await t.token(ANA, MANAGE_SCOPES), method, path, body);
}

function expectGraphError(res: GraphResult, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ error: { code, message: expect.any(String) } });
  expect(res.body.error.innerError).toMatchObject({
    'request-id': expect.any(String),
    date: expect.any(String),
  });
}

let seq = 0;
const uniqueKey = (prefix: string) => `${prefix}-${String(++seq)}`;

/** A test list on the team site with indexed and non-indexed columns of every type served. */
const LIBRARY = 'Library';

beforeAll(async () => {
  t = await startTestTenant();
  const res = await fetch(`${t.url}/${TENANT_ID}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: RELAY_APP_ID,
      client_secret: RELAY_LOCAL_SECRET,
      scope: `${GRAPH_AUDIENCE}/.default`,
    }),
  });
  appToken = ((await res.json()) as { access_token: string }).access_token;

  const created = await asManager('POST', `${team}/lists`, {
    displayName: LIBRARY,
    columns: [
      { name: 'Key', text: {}, indexed: true, enforceUniqueValues: true, required: true },
      { name: 'Author', text: {}, indexed: true },
      { name: 'PageCount', number: {}, indexed: true },
      { name: 'Published', dateTime: { format: 'dateTime' }, indexed: true },
      { name: 'InPrint', boolean: {}, indexed: true },
      { name: 'Genre', choice: { choices: ['fiction', 'history'] } },
      { name: 'Notes', text: { allowMultipleLines: true } },
    ],
    list: { template: 'genericList' },
  });
  expect(created.status).toBe(201);
});

afterAll(async () => {
  await t.stop();
});

describe('provisioning', () => {
  it('created every list on both sites on first start, with its columns', async () => {
    const teamLists = await t.graph(ANA, 'GET', `${team}/lists`);
    expect(teamLists.status).toBe(200);
    const teamNames = (teamLists.body.value as { displayName: string }[]).map((l) => l.displayName);
    expect(teamNames).toEqual(expect.arrayContaining(listsFor('team').map((l) => l.displayName)));

    const privateLists = await asApp('GET', `${priv}/lists`);
    expect(privateLists.status).toBe(200);
    expect(
      (privateLists.body.value as { displayName: string }[]).map((l) => l.displayName).sort(),
    ).toEqual(
      listsFor('private')
        .map((l) => l.displayName)
        .sort(),
    );

    for (const def of STORAGE_LISTS) {
      const path = `${def.site === 'team' ? team : priv}/lists/${def.displayName}?$expand=columns`;
      const list = def.site === 'team' ? await t.graph(ANA, 'GET', path) : await asApp('GET', path);
      expect(list.status, def.displayName).toBe(200);
      const columns = list.body.columns as {
        name: string;
        indexed: boolean;
        enforceUniqueValues: boolean;
      }[];
      for (const wanted of def.columns) {
        const actual = columns.find((c) => c.name === wanted.name);
        expect(actual, `${def.displayName}.${wanted.name ?? ''}`).toBeDefined();
        expect(actual?.indexed).toBe(Boolean(wanted.indexed));
      }
      expect(columns.find((c) => c.name === 'Key')).toMatchObject({
        indexed: true,
        enforceUniqueValues: true,
      });
    }
  });

  it('creates nothing when run again', async () => {
    const outcome = await provisionLocalStorage(t.url);
    expect(outcome.sites).toHaveLength(2);
    for (const { storage, relayGrant } of outcome.sites) {
      expect(storage.createdLists).toEqual([]);
      expect(storage.addedColumns).toEqual([]);
      expect(storage.mismatches).toEqual([]);
      expect(relayGrant.status).toBe('already there');
    }
  });

  it('adds a column missing from an existing list, and only that', async () => {
    const client = createGraphClient({
      baseUrl: t.url,
      getToken: () => t.token(ANA, MANAGE_SCOPES),
    });
    const summaries = listsFor('team').find((l) => l.displayName === 'Summaries');
    if (!summaries) throw new Error('no Summaries definition');
    const grown = {
      ...summaries,
      columns: [...summaries.columns, { name: 'Language', text: {}, indexed: true }],
    };
    const report = await provisionStorage(client, SITES.team.id, [grown]);
    expect(report).toMatchObject({
      createdLists: [],
      addedColumns: [{ list: 'Summaries', columns: ['Language'] }],
    });
    const again = await provisionStorage(client, SITES.team.id, [grown]);
    expect(again.addedColumns).toEqual([]);
  });
  it('lets two concurrent runs create a list once, the loser reading it back', async () => {
    const client = () =>
      createGraphClient({
        baseUrl: t.url,
        getToken: () => t.token(ANA, MANAGE_SCOPES),
      });
    const probe = {
      displayName: 'ConcurrentProbe',
      site: 'team' as const,
      description: 'test',
      columns: [{ name: 'Key', text: {}, indexed: true, enforceUniqueValues: true }],
    };
    const reports = await Promise.all([
      provisionStorage(client(), SITES.team.id, [probe]),
      provisionStorage(client(), SITES.team.id, [probe]),
    ]);
    expect(reports.flatMap((r) => r.createdLists)).toEqual(['ConcurrentProbe']);
    const lists = await t.graph(ANA, 'GET', `${team}/lists`);
    const probes = (lists.body.value as { displayName: string }[]).filter(
      (l) => l.displayName === 'ConcurrentProbe',
    );
    expect(probes).toHaveLength(1);
  });
});

describe('sites and lists', () => {
  it('serves the site, also under a url-encoded id', async () => {
    const site = await t.graph(BEN, 'GET', team);
    expect(site.status).toBe(200);
    expect(site.body).toMatchObject({
      id: SITES.team.id,
      displayName: SITES.team.displayName,
      webUrl: expect.any(String),
    });
    const encoded = await t.graph(
      BEN,
      'GET',
      `/sites/${encodeURIComponent(SITES.team.id)}/lists/${LIBRARY}`,
    );
    expect(encoded.status).toBe(200);
    expect(encoded.body.displayName).toBe(LIBRARY);
  });

  it('finds a list by id as well as by title, and 404s an unknown one', async () => {
    const byName = await t.graph(BEN, 'GET', `${team}/lists/${LIBRARY}`);
    const byId = await t.graph(BEN, 'GET', `${team}/lists/${byName.body.id as string}/columns`);
    expect(byId.status).toBe(200);
    expect((byId.body.value as { name: string }[]).map((c) => c.name)).toEqual(
      expect.arrayContaining(['Title', 'Key', 'Author']),
    );
    expectGraphError(await t.graph(BEN, 'GET', `${team}/lists/NoSuchList`), 404, 'itemNotFound');
    expectGraphError(
      await t.graph(BEN, 'GET', `/sites/localhost,nope,nope/lists`),
      404,
      'itemNotFound',
    );
  });

  it('refuses a second list with the same name, and list creation without Sites.Manage.All', async () => {
    expectGraphError(
      await asManager('POST', `${team}/lists`, {
        displayName: 'library',
        list: { template: 'genericList' },
      }),
      409,
      'nameAlreadyExists',
    );
    expectGraphError(
      await t.graph(ANA, 'POST', `${team}/lists`, { displayName: 'Other' }),
      403,
      'Forbidden',
    );
  });

  it('refuses unique values on a column that is not indexed, as SharePoint does', async () => {
    const res = await asManager('POST', `${team}/lists`, {
      displayName: 'BadUnique',
      columns: [{ name: 'Code', text: {}, enforceUniqueValues: true }],
    });
    expectGraphError(res, 400, 'invalidRequest');
    expect(res.body.error.message).toMatch(/indexed/);
  });
});

describe('items', () => {
  const items = `${team}/lists/${LIBRARY}/items`;

  it('creates, gets and lists items with their fields', async () => {
    const key = uniqueKey('create');
    const created = await t.graph(ANA, 'POST', items, {
      fields: {
        Title: 'Widget',
        Key: key,
        Author: 'Ada',
        PageCount: 32,
        Published: '2026-03-01T10:15:30.123Z',
        InPrint: true,
        Genre: 'history',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^\d+$/),
      createdBy: { user: { id: expect.any(String), displayName: 'Ana Ruiz' } },
      lastModifiedBy: { user: { displayName: 'Ana Ruiz' } },
      fields: {
        Title: 'Widget',
        Key: key,
        PageCount: 32,
        Published: '2026-03-01T10:15:30Z',
        InPrint: true,
      },
    });
    expect(created.body['@odata.etag']).toMatch(/^"[0-9a-f-]{36},1"$/);
    expect(created.body.eTag).toBe(created.body['@odata.etag']);
    expect(created.headers.get('etag')).toBe(created.body.eTag);
    expect(created.headers.get('location')).toContain(`/items/${created.body.id as string}`);
    const id = created.body.id as string;

    const byId = await t.graph(BEN, 'GET', `${items}?$filter=${encodeURIComponent(`id eq ${id}`)}`);
    expect((byId.body.value as { id: string }[]).map((i) => i.id)).toEqual([id]);

    const plain = await t.graph(BEN, 'GET', `${items}/${id}`);
    expect(plain.status).toBe(200);
    expect(plain.body.fields).toBeUndefined();
    const withFields = await t.graph(BEN, 'GET', `${items}/${id}?$expand=fields`);
    expect(withFields.body.fields).toMatchObject({ Title: 'Widget', Author: 'Ada', id });

    const listed = await t.graph(BEN, 'GET', `${items}?expand=fields(select=Key,PageCount)`);
    expect(listed.status).toBe(200);
    const mine = (listed.body.value as { id: string; fields: Record<string, unknown> }[]).find(
      (i) => i.id === id,
    );
    expect(mine?.fields).toEqual({ '@odata.etag': created.body.eTag, Key: key, PageCount: 32 });
  });

  it('pages with $top and @odata.nextLink', async () => {
    const prefix = uniqueKey('page');
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await t.graph(ANA, 'POST', items, {
            fields: { Key: `${prefix}-${String(i)}`, Author: prefix },
          })
        ).status,
      ).toBe(201);
    }
    const seen: string[] = [];
    let next: string | undefined =
      `${items}?$filter=fields/Author eq '${prefix}'&$top=2&$expand=fields`;
    let pages = 0;
    while (next) {
      const res: GraphResult = await t.graph(BEN, 'GET', next);
      expect(res.status).toBe(200);
      pages++;
      seen.push(...(res.body.value as { fields: { Key: string } }[]).map((i) => i.fields.Key));
      const link = res.body['@odata.nextLink'] as string | undefined;
      next = link?.slice(`${t.url}/v1.0`.length);
    }
    expect(pages).toBe(3);
    expect(seen).toEqual([0, 1, 2, 3, 4].map((i) => `${prefix}-${String(i)}`));
  });

  it('filters on indexed columns and refuses non-indexed ones unless asked', async () => {
    const author = uniqueKey('filter');
    for (const [n, pages, date] of [
      [1, 100, '2020-01-01T00:00:00Z'],
      [2, 250, '2024-06-01T00:00:00Z'],
      [3, 400, '2025-01-01T00:00:00Z'],
    ] as const) {
      await t.graph(ANA, 'POST', items, {
        fields: {
          Key: `${author}-${String(n)}`,
          Author: author,
          PageCount: pages,
          Published: date,
          InPrint: n !== 2,
          Title: `Book ${String(n)}`,
        },
      });
    }
    const keys = async (filter: string, headers?: Record<string, string>) => {
      const res = await t.graph(
        BEN,
        'GET',
        `${items}?$expand=fields&$filter=${encodeURIComponent(filter)}`,
        undefined,
        headers,
      );
      expect(res.status, filter).toBe(200);
      return (res.body.value as { fields: { Key: string } }[]).map((i) => i.fields.Key);
    };
    expect(await keys(`fields/Author eq '${author}' and fields/PageCount ge 250`)).toEqual([
      `${author}-2`,
      `${author}-3`,
    ]);
    expect(
      await keys(
        `fields/Author eq '${author.toUpperCase()}' and (fields/PageCount lt 150 or fields/Published gt '2024-12-31T00:00:00Z')`,
      ),
    ).toEqual([`${author}-1`, `${author}-3`]);
    expect(await keys(`fields/Author eq '${author}' and fields/InPrint eq false`)).toEqual([
      `${author}-2`,
    ]);
    expect(
      await keys(
        `fields/Author eq '${author}' and fields/Published le 2024-06-01T00:00:00Z and fields/PageCount ne 100`,
      ),
    ).toEqual([`${author}-2`]);

    const refused = await t.graph(
      BEN,
      'GET',
      `${items}?$filter=${encodeURIComponent("fields/Title eq 'Book 1'")}`,
    );
    expectGraphError(refused, 400, 'invalidRequest');
    expect(refused.body.error.message).toContain('HonorNonIndexedQueriesWarningMayFailRandomly');
    expect(
      await keys(`fields/Title eq 'Book 1' and fields/Author eq '${author}'`, {
        Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly',
      }),
    ).toEqual([`${author}-1`]);

    expectGraphError(
      await t.graph(BEN, 'GET', `${items}?$filter=${encodeURIComponent("fields/Nope eq 'x'")}`),
      400,
      'invalidRequest',
    );
    expectGraphError(
      await t.graph(BEN, 'GET', `${items}?$filter=${encodeURIComponent('fields/PageCount eq')}`),
      400,
      'invalidRequest',
    );
  });

  it('matches an or-chain of ten keys and a half-open dateTime window, as batched reads send them', async () => {
    const prefix = uniqueKey('chain');
    const keys = Array.from({ length: 12 }, (_, i) => `${prefix}-${String(i)}`);
    for (const [i, key] of keys.entries()) {
      const created = await t.graph(ANA, 'POST', items, {
        fields: {
          Key: key,
          Author: prefix,
          Published: `2026-03-${String(10 + i).padStart(2, '0')}T12:00:00Z`,
        },
      });
      expect(created.status).toBe(201);
    }
    const found = async (filter: string) => {
      const res = await t.graph(
        BEN,
        'GET',
        `${items}?$filter=${encodeURIComponent(filter)}&$expand=fields&$top=500`,
      );
      expect(res.status, filter).toBe(200);
      return (res.body.value as { fields: { Key: string } }[]).map((i) => i.fields.Key).sort();
    };
    const ten = keys.slice(1, 11);
    expect(await found(ten.map((k) => `fields/Key eq '${k.toUpperCase()}'`).join(' or '))).toEqual(
      [...ten].sort(),
    );
    // Start inclusive, end exclusive; ISO instants with milliseconds, quoted as Graph sends them.
    expect(
      await found(
        `fields/Author eq '${prefix}' and fields/Published ge '2026-03-12T12:00:00.000Z' and fields/Published lt '2026-03-15T12:00:00.000Z'`,
      ),
    ).toEqual([keys[2], keys[3], keys[4]].sort());
  });

  it('refuses a duplicate unique key with 409 and leaves the first item unchanged', async () => {
    const key = uniqueKey('dup');
    const first = await t.graph(ANA, 'POST', items, { fields: { Key: key, Author: 'First' } });
    expect(first.status).toBe(201);
    const second = await t.graph(BEN, 'POST', items, {
      fields: { Key: key.toUpperCase(), Author: 'Second' },
    });
    expectGraphError(second, 409, 'nameAlreadyExists');
    expect(second.body.error.message).toContain('[Key]');

    const other = await t.graph(BEN, 'POST', items, {
      fields: { Key: uniqueKey('dup'), Author: 'Other' },
    });
    const clash = await t.graph(BEN, 'PATCH', `${items}/${other.body.id as string}/fields`, {
      Key: key,
    });
    expectGraphError(clash, 409, 'nameAlreadyExists');

    const again = await t.graph(ANA, 'GET', `${items}/${first.body.id as string}?$expand=fields`);
    expect(again.body.fields).toMatchObject({ Key: key, Author: 'First' });
    expect(again.body.eTag).toBe(first.body.eTag);
    const count = await t.graph(
      ANA,
      'GET',
      `${items}?$filter=${encodeURIComponent(`fields/Key eq '${key}'`)}`,
    );
    expect(count.body.value).toHaveLength(1);
  });

  it('honours If-Match: stale answers 412 and changes nothing, fresh and * succeed', async () => {
    const created = await t.graph(ANA, 'POST', items, {
      fields: { Key: uniqueKey('etag'), PageCount: 1 },
    });
    const url = `${items}/${created.body.id as string}`;
    const v1 = created.body.eTag as string;

    const fresh = await t.graph(
      BEN,
      'PATCH',
      `${url}/fields`,
      { PageCount: 2 },
      { 'If-Match': v1 },
    );
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ PageCount: 2 });
    const v2 = fresh.headers.get('etag');
    expect(v2).toMatch(/,2"$/);
    expect(fresh.body['@odata.etag']).toBe(v2);

    const stale = await t.graph(
      ANA,
      'PATCH',
      `${url}/fields`,
      { PageCount: 99 },
      { 'If-Match': v1 },
    );
    expectGraphError(stale, 412, 'preconditionFailed');
    const staleItem = await t.graph(
      ANA,
      'PATCH',
      url,
      { fields: { PageCount: 99 } },
      { 'If-Match': v1 },
    );
    expectGraphError(staleItem, 412, 'preconditionFailed');
    const staleDelete = await t.graph(ANA, 'DELETE', url, undefined, { 'If-Match': v1 });
    expectGraphError(staleDelete, 412, 'preconditionFailed');

    const unchanged = await t.graph(ANA, 'GET', `${url}?$expand=fields`);
    expect(unchanged.body.fields.PageCount).toBe(2);
    expect(unchanged.body.eTag).toBe(v2);
    expect(unchanged.body.lastModifiedBy.user.displayName).toBe('Ben Okafor');

    const viaItem = await t.graph(
      ANA,
      'PATCH',
      url,
      { fields: { PageCount: 3 } },
      { 'If-Match': v2 ?? '' },
    );
    expect(viaItem.status).toBe(200);
    expect(viaItem.body).toMatchObject({
      fields: { PageCount: 3 },
      lastModifiedBy: { user: { displayName: 'Ana Ruiz' } },
    });
    expect(
      (await t.graph(ANA, 'PATCH', `${url}/fields`, { PageCount: 4 }, { 'If-Match': '*' })).status,
    ).toBe(200);

    expect((await t.graph(ANA, 'DELETE', url, undefined, { 'If-Match': '*' })).status).toBe(204);
    expectGraphError(await t.graph(ANA, 'GET', url), 404, 'itemNotFound');
    expectGraphError(await t.graph(ANA, 'GET', `${items}/not-a-number`), 404, 'itemNotFound');
  });

  it('answers 400 in Graph shape for malformed JSON, unknown columns, wrong types and missing required values', async () => {
    const token = await t.token(ANA);
    const malformed = await call(token, 'POST', items, '{"fields": {', {
      'Content-Type': 'application/json',
    });
    expectGraphError(malformed, 400, 'BadRequest');

    const unknown = await t.graph(ANA, 'POST', items, {
      fields: { Key: uniqueKey('bad'), Colour: 'Purple' },
    });
    expectGraphError(unknown, 400, 'invalidRequest');
    expect(unknown.body.error.message).toContain("'Colour'");

    expectGraphError(
      await t.graph(ANA, 'POST', items, { fields: { Key: uniqueKey('bad'), PageCount: 'many' } }),
      400,
      'invalidRequest',
    );
    expectGraphError(
      await t.graph(ANA, 'POST', items, { fields: { Key: uniqueKey('bad'), Genre: 'poetry' } }),
      400,
      'invalidRequest',
    );
    expectGraphError(
      await t.graph(ANA, 'POST', items, {
        fields: { Key: uniqueKey('bad'), Author: 'x'.repeat(256) },
      }),
      400,
      'invalidRequest',
    );
    expectGraphError(
      await t.graph(ANA, 'POST', items, {
        fields: { Key: uniqueKey('bad'), Created: '2020-01-01T00:00:00Z' },
      }),
      400,
      'invalidRequest',
    );
    expectGraphError(
      await t.graph(ANA, 'POST', items, { fields: { Author: 'No key' } }),
      400,
      'invalidRequest',
    );
    expect(
      (
        await t.graph(ANA, 'POST', items, {
          fields: { Key: uniqueKey('long'), Notes: 'x'.repeat(10_000) },
        })
      ).status,
    ).toBe(201);
  });
});

describe('who may use which site', () => {
  const responses = `${priv}/lists/Responses/items`;

  it('refuses every person on the private site, the team owner included', async () => {
    for (const token of [
      await t.token(ANA),
      await t.token(ANA, MANAGE_SCOPES),
      await t.token(BEN),
    ]) {
      expectGraphError(await call(token, 'GET', priv), 403, 'accessDenied');
      expectGraphError(await call(token, 'GET', responses), 403, 'accessDenied');
      expectGraphError(
        await call(token, 'POST', responses, { fields: { Key: 'x', PollKey: 'p', Payload: '{}' } }),
        403,
        'accessDenied',
      );
    }
  });

  it("lets the relay's app token write and read there, recorded as the application", async () => {
    const key = uniqueKey('response');
    const created = await asApp('POST', responses, {
      fields: { Key: key, PollKey: 'poll-1', Period: '2026-03-11', Payload: '{"answers":[5]}' },
    });
    expect(created.status).toBe(201);
    expect(created.body.createdBy).toMatchObject({
      application: { id: RELAY_APP_ID, displayName: expect.any(String) },
    });
    expect(created.body.createdBy.user?.id).toBeUndefined();

    const read = await asApp(
      'GET',
      `${responses}?$expand=fields&$filter=${encodeURIComponent("fields/PollKey eq 'poll-1'")}`,
    );
    expect(read.status).toBe(200);
    expect((read.body.value as { fields: { Key: string } }[]).map((i) => i.fields.Key)).toContain(
      key,
    );

    const updated = await asApp(
      'PATCH',
      `${responses}/${created.body.id as string}/fields`,
      { Payload: '{"answers":[4]}' },
      { 'If-Match': created.body.eTag as string },
    );
    expect(updated.status).toBe(200);
  });

  it('lets the app only read where its grant is read-only, and nothing where it has none', async () => {
    expect((await asApp('GET', `${team}/lists`)).status).toBe(200);
    expectGraphError(
      await asApp('POST', `${team}/lists/${LIBRARY}/items`, { fields: { Key: 'app' } }),
      403,
      'accessDenied',
    );
    const site = t.tenant.store.state.sites[SITES.team.id];
    if (!site) throw new Error('no team site');
    const kept = site.appGrants;
    site.appGrants = {};
    try {
      expectGraphError(await asApp('GET', `${team}/lists`), 403, 'accessDenied');
    } finally {
      site.appGrants = kept;
    }
  });

  it('refuses a person outside the team on the team site', async () => {
    expectGraphError(await t.graph(OLIVIA, 'GET', team), 403, 'accessDenied');
    expectGraphError(
      await t.graph(OLIVIA, 'GET', `${team}/lists/${LIBRARY}/items`),
      403,
      'accessDenied',
    );
    expectGraphError(
      await t.graph(OLIVIA, 'POST', `${team}/lists/${LIBRARY}/items`, {
        fields: { Key: 'olivia' },
      }),
      403,
      'accessDenied',
    );
  });

  it('refuses a token without a Sites scope, and writes with a read-only one', async () => {
    const noSites = await t.token(BEN, ['User.Read']);
    expectGraphError(
      await call(noSites, 'GET', `${team}/lists/${LIBRARY}/items`),
      403,
      'Forbidden',
    );
    const readOnly = await t.token(BEN, ['Sites.Read.All']);
    expect((await call(readOnly, 'GET', `${team}/lists/${LIBRARY}/items`)).status).toBe(200);
    expectGraphError(
      await call(readOnly, 'POST', `${team}/lists/${LIBRARY}/items`, {
        fields: { Key: uniqueKey('ro') },
      }),
      403,
      'Forbidden',
    );
  });
});

describe("Graph's shapes", () => {
  /** Runs one of Microsoft's documented examples here, with real ids in place of placeholders. */
  async function runExample(name: string, ids: Record<string, string>): Promise<GraphResult> {
    const { request, response } = loadExample(name);
    if (!request || !response) throw new Error(`${name} documents no request and response`);
    const path = Object.entries(ids).reduce(
      (p, [placeholder, id]) => p.replaceAll(`{${placeholder}}`, id),
      request.url.replace(/^https:\/\/graph\.microsoft\.com\/v1\.0/, ''),
    );
    const res = await asManager(request.method, path, request.body ?? undefined);
    expect(res.status, name).toBe(response.status);
    expect(compareToExample(response.body, res.body), name).toEqual([]);
    return res;
  }

  it("answers Microsoft's documented list and item examples", async () => {
    const books = await runExample('list-create-1', { 'site-id': SITES.team.id });
    expect(checkAgainstCsdl('list', books.body)).toEqual([]);

    const widgets = await asManager('POST', `${team}/lists`, {
      displayName: 'Widgets',
      columns: [
        { name: 'Name', text: {} },
        { name: 'Color', text: {} },
        { name: 'Quantity', number: {} },
        { name: 'Weight', number: {} },
      ],
    });
    const ids = { 'site-id': SITES.team.id, 'list-id': widgets.body.id as string };
    const created = await runExample('listitem-create-1', ids);
    expect(checkAgainstCsdl('listItem', created.body)).toEqual([]);
    const seeded = await t.graph(ANA, 'POST', `${team}/lists/Widgets/items`, {
      fields: { Name: 'Widget', Color: 'Blue', Quantity: 2357 },
    });
    const withItem = { ...ids, 'item-id': seeded.body.id as string };
    await runExample('listitem-get-1', withItem);
    await runExample('listitem-list-1', withItem);
    await runExample('listitem-update-1', withItem);
  });

  it('fits the v1.0 schema: site, lists, columns, items and fields', async () => {
    const items = `${team}/lists/${LIBRARY}/items`;
    await t.graph(ANA, 'POST', items, { fields: { Key: uniqueKey('shape'), PageCount: 7 } });
    const app = await asApp('POST', `${priv}/lists/Polls/items`, {
      fields: { Key: uniqueKey('poll'), MeetingKey: 'm', CreatorId: 'c', Payload: '{}' },
    });

    expect(checkAgainstCsdl('site', (await t.graph(ANA, 'GET', team)).body)).toEqual([]);
    expect(
      checkCollectionResponse('list', (await t.graph(ANA, 'GET', `${team}/lists`)).body),
    ).toEqual([]);
    const list = await t.graph(ANA, 'GET', `${team}/lists/${LIBRARY}?$expand=columns`);
    expect(checkAgainstCsdl('list', list.body)).toEqual([]);
    const columns = await t.graph(ANA, 'GET', `${team}/lists/${LIBRARY}/columns`);
    expect(checkCollectionResponse('columnDefinition', columns.body)).toEqual([]);
    const listed = await t.graph(ANA, 'GET', `${items}?$expand=fields`);
    expect(checkCollectionResponse('listItem', listed.body)).toEqual([]);
    const first = (listed.body.value as { id: string }[])[0]?.id ?? '';
    expect(
      checkAgainstCsdl(
        'fieldValueSet',
        (await t.graph(ANA, 'PATCH', `${items}/${first}/fields`, { PageCount: 8 })).body,
      ),
    ).toEqual([]);
    expect(checkAgainstCsdl('listItem', app.body)).toEqual([]);
    const column = await asManager('POST', `${team}/lists/${LIBRARY}/columns`, {
      name: 'Shelf',
      choice: { choices: ['A', 'B'] },
      indexed: true,
    });
    expect(column.status).toBe(201);
    expect(checkAgainstCsdl('columnDefinition', column.body)).toEqual([]);
  });
});
