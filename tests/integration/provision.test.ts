/**
 * `npm run provision` (scripts/provision.ts) against the local tenant over HTTP: the command's own
 * function, and once the command itself as a process. A tenant started with `provision: false` is
 * a new tenant as an admin finds it: the seed's two sites, empty and with no grants.
 */
import { execFile } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runProvision, type ProvisionIo } from '../../scripts/provision';
import { createGraphClient } from '../../src/graph/client';
import { provisionRapport } from '../../src/graph/storage/provision-rapport';
import { STORAGE_LISTS, listsFor } from '../../src/graph/storage/list-definitions';
import {
  GRAPH_AUDIENCE,
  RELAY_APP_ID,
  RELAY_LOCAL_SECRET,
  SITES,
  TENANT_ID,
} from '../../src/local/tenant/seed/directory';
import { repoRoot } from '../contract/support/paths';
import type { TestTenant } from '../support/local-tenant';
import { useTestTenant } from '../support/use-test-tenant';

const run = promisify(execFile);
const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

interface Ran {
  code: number;
  out: string;
  err: string;
}

/** Runs the command's function as `npm run provision -- …args` would, with no token in the env. */
async function provision(args: string[], env: ProvisionIo['env'] = {}): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runProvision(args, {
    env,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The lists of a site, by name, as the tenant holds them. */
function listNames(t: TestTenant, siteId: string): string[] {
  const state = t.tenant.store.state;
  return (state.sites[siteId]?.listIds ?? [])
    .map((id) => state.lists[id]?.list.displayName ?? '')
    .sort();
}

const names = (site: 'team' | 'private') =>
  listsFor(site)
    .map((l) => l.displayName)
    .sort();

async function relayToken(t: TestTenant): Promise<string> {
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
  return ((await res.json()) as { access_token: string }).access_token;
}

describe('a new tenant', () => {
  const t = useTestTenant({ provision: false });

  it('creates both sites’ lists, columns, indexes and unique keys, and grants the relay', async () => {
    expect(listNames(t, SITES.team.id)).toEqual([]);
    await t.resetRequests();

    const first = await provision(['--local', '--graph', t.url]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    for (const def of STORAGE_LISTS) {
      expect(first.out).toContain(`list ${def.displayName}: created`);
    }
    expect(first.out).toContain('columns created: Key [indexed, unique], MeetingKey [indexed]');
    expect(first.out).toContain(`relay grant (${RELAY_APP_ID}) read: created`);
    expect(first.out).toContain(`relay grant (${RELAY_APP_ID}) write: created`);
    expect(listNames(t, SITES.team.id)).toEqual(names('team'));
    expect(listNames(t, SITES.private.id)).toEqual(names('private'));

    // Every list once, each with its columns, unique keys and indexes as defined.
    const state = t.tenant.store.state;
    for (const def of STORAGE_LISTS) {
      const siteId = def.site === 'team' ? SITES.team.id : SITES.private.id;
      const lists = (state.sites[siteId]?.listIds ?? [])
        .map((id) => state.lists[id])
        .filter((l) => l?.list.displayName === def.displayName);
      expect(lists, def.displayName).toHaveLength(1);
      for (const wanted of def.columns) {
        const actual = lists[0]?.columns.find((c) => c.name === wanted.name);
        expect(actual, `${def.displayName}.${wanted.name ?? ''}`).toMatchObject({
          indexed: Boolean(wanted.indexed),
          enforceUniqueValues: Boolean(wanted.enforceUniqueValues),
        });
      }
    }

    // The relay is granted once per site, through Graph: write on the private site, read on the team site.
    const writes = (await t.requests()).requests.filter((r) => WRITES.has(r.method));
    const grants = writes.filter((r) => /\/permissions$/.test(r.path));
    expect(grants.map((r) => `${r.method} ${decodeURIComponent(r.path)}`).sort()).toEqual([
      `POST /sites/${SITES.team.id}/permissions`,
      `POST /sites/${SITES.private.id}/permissions`,
    ]);
    expect(writes.filter((r) => /\/lists$/.test(r.path))).toHaveLength(STORAGE_LISTS.length);
    expect(state.sites[SITES.private.id]?.appGrants).toEqual({ [RELAY_APP_ID]: 'write' });
    expect(state.sites[SITES.team.id]?.appGrants).toEqual({ [RELAY_APP_ID]: 'read' });
  });

  it('changes nothing when run again: everything is already there, and nothing is written', async () => {
    await t.resetRequests();
    const again = await provision(['--local', '--graph', t.url]);
    expect(again.code).toBe(0);
    expect(again.out).not.toMatch(/: created|columns created|upgraded/);
    for (const def of STORAGE_LISTS) {
      expect(again.out).toContain(`list ${def.displayName}: already there`);
    }
    expect(again.out).toContain(`relay grant (${RELAY_APP_ID}) write: already there`);
    expect(again.out).toContain('nothing was changed');
    const log = (await t.requests()).requests;
    expect(log.length).toBeGreaterThan(STORAGE_LISTS.length);
    expect(log.filter((r) => WRITES.has(r.method))).toEqual([]);
    expect(listNames(t, SITES.team.id)).toEqual(names('team'));
    expect(listNames(t, SITES.private.id)).toEqual(names('private'));
  });

  it('names the sites by URL as well as by id (a page URL gives its site)', async () => {
    const res = await provision([
      '--local',
      '--graph',
      t.url,
      '--team-site',
      `https://localhost/sites/${SITES.team.name}/SitePages/Home.aspx`,
      '--private-site',
      `https://localhost/sites/${SITES.private.name}`,
    ]);
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    expect(res.out).toContain(`Team site "${SITES.team.displayName}" (${SITES.team.id})`);
    expect(res.out).toContain(`Private site "${SITES.private.displayName}" (${SITES.private.id})`);
    expect(res.out).toContain('nothing was changed');
  });

  it('leaves the relay able to write the private site and only read the team site', async () => {
    const token = await relayToken(t);
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${t.url}/v1.0${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const answer = await call('POST', `/sites/${SITES.private.id}/lists/Responses/items`, {
      fields: { Key: 'after-provisioning', PollKey: 'p', Period: '2026-03-11', Payload: '{}' },
    });
    expect(answer.status).toBe(201);
    expect((await call('GET', `/sites/${SITES.team.id}/lists/SocialRounds/items`)).status).toBe(
      200,
    );
    const write = await call('POST', `/sites/${SITES.team.id}/lists/SocialRounds/items`, {
      fields: { Key: 'relay', ProgramKey: 'x', Payload: '{}' },
    });
    expect(write.status).toBe(403);
  });

  it('raises a grant narrower than the relay needs, and leaves a broader one as it is', async () => {
    const state = t.tenant.store.state;
    const priv = state.sites[SITES.private.id];
    const team = state.sites[SITES.team.id];
    if (!priv || !team) throw new Error('no seeded sites');
    priv.appGrants[RELAY_APP_ID] = 'read';
    team.appGrants[RELAY_APP_ID] = 'write';
    await t.resetRequests();
    const res = await provision(['--local', '--graph', t.url]);
    expect(res.code).toBe(0);
    expect(res.out).toContain(`relay grant (${RELAY_APP_ID}) write: upgraded (had read)`);
    expect(res.out).toContain(
      `relay grant (${RELAY_APP_ID}) read: broader (had write): left as it is; read is all the relay needs here`,
    );
    const writes = (await t.requests()).requests.filter((r) => WRITES.has(r.method));
    expect(writes.map((r) => r.method)).toEqual(['PATCH']);
    expect(priv.appGrants[RELAY_APP_ID]).toBe('write');
    expect(team.appGrants[RELAY_APP_ID]).toBe('write');
    team.appGrants[RELAY_APP_ID] = 'read';
  });

  it('runs as a command: npx tsx scripts/provision.ts', async () => {
    const env = { ...process.env };
    delete env.RAPPORT_GRAPH_TOKEN;
    const done = await run('npx', ['tsx', 'scripts/provision.ts', '--local', '--graph', t.url], {
      cwd: repoRoot,
      env,
    });
    expect(done.stdout).toContain(`list ${STORAGE_LISTS[0]?.displayName ?? ''}: already there`);
    expect(done.stdout).toContain('nothing was changed');

    const refused = await run('npx', ['tsx', 'scripts/provision.ts', '--team-site', 'nowhere'], {
      cwd: repoRoot,
      env,
    }).then(
      () => undefined,
      (err: unknown) => err as { code: number; stderr: string },
    );
    expect(refused?.code).toBe(2);
    expect(refused?.stderr).toContain("--team-site: 'nowhere' is neither a site id");
  }, 60_000);
});

describe('a tenant started as usual', () => {
  const t = useTestTenant();

  it('was provisioned on its first start by the same routine: a run finds everything there', async () => {
    const res = await provision(['--local', '--graph', t.url]);
    expect(res.code).toBe(0);
    expect(res.out).toContain('nothing was changed');
  });
});

describe('a private site that people can open', () => {
  const t = useTestTenant({ provision: false });

  it('is refused, naming who can open it and how to fix it, before anything is written', async () => {
    for (const [user, role] of [
      ['ben@rapportdemo.onmicrosoft.com', 'member'],
      ['grace@rapportdemo.onmicrosoft.com', 'owner'],
    ] as const) {
      const res = await fetch(`${t.url}/_local/sites/private/members`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user, role }),
      });
      expect(res.status).toBe(201);
    }
    await t.resetRequests();

    const res = await provision(['--local', '--graph', t.url]);
    expect(res.code).toBe(1);
    expect(res.err).toContain(
      `Refused: people can open the private site "${SITES.private.displayName}"`,
    );
    expect(res.err).toContain('Ben Okafor <ben@rapportdemo.onmicrosoft.com> (member)');
    expect(res.err).toContain('Grace Kim <grace@rapportdemo.onmicrosoft.com> (owner)');
    expect(res.err).toContain('create a site that belongs to no group');
    expect(res.err).toContain('remove every owner and member above from the group');
    expect(res.err).toContain('Nothing was changed.');

    expect((await t.requests()).requests.filter((r) => WRITES.has(r.method))).toEqual([]);
    expect(listNames(t, SITES.team.id)).toEqual([]);
    expect(listNames(t, SITES.private.id)).toEqual([]);
    expect(t.tenant.store.state.sites[SITES.private.id]?.appGrants).toEqual({});
  });

  it('is refused too when the token cannot list the group’s people', async () => {
    // Grace owns the private site's group, so her own token reaches the site, but without
    // GroupMember.Read.All Graph will not list the group's people.
    const token = await t.token('grace@rapportdemo.onmicrosoft.com', ['Sites.FullControl.All']);
    const client = createGraphClient({ baseUrl: t.url, getToken: () => Promise.resolve(token) });
    const outcome = await provisionRapport(client, {
      teamSite: { kind: 'id', id: SITES.team.id },
      privateSite: { kind: 'id', id: SITES.private.id },
      relay: { id: RELAY_APP_ID, displayName: 'Rapport relay' },
    });
    expect(outcome.sites).toEqual([]);
    expect(outcome.privateAccess.peopleUnreadable).toContain('GroupMember.Read.All');
    expect(outcome.refusal?.join('\n')).toContain('who they are is not known');
  });
});

describe('bad arguments', () => {
  const t = useTestTenant();
  const SITE = SITES.team.id;
  const OTHER = SITES.private.id;
  const RELAY = ['--relay-app-id', RELAY_APP_ID];

  it.each([
    { args: [], says: '--team-site is missing' },
    { args: ['--team-site', SITE], says: '--private-site is missing' },
    { args: ['--bogus'], says: 'Unknown option --bogus' },
    { args: ['stray'], says: "Unexpected argument 'stray'" },
    { args: ['--team-site'], says: '--team-site needs a value' },
    { args: ['--team-site', SITE, '--team-site', SITE], says: '--team-site is given twice' },
    { args: ['--env', 'staging'], says: '--env must be one of local, dev, prod' },
    { args: ['--local', '--env', 'prod'], says: '--local is the local tenant' },
    {
      args: ['--team-site', 'contoso', '--private-site', OTHER],
      says: "--team-site: 'contoso' is neither a site id",
    },
    {
      args: ['--team-site', 'http://contoso.sharepoint.com/sites/x', '--private-site', OTHER],
      says: 'is not an https URL',
    },
    {
      args: ['--team-site', 'https://contoso.sharepoint.com/', '--private-site', OTHER],
      says: 'is the root site of contoso.sharepoint.com',
    },
    {
      args: ['--team-site', SITE, '--private-site', OTHER, '--graph', 'http://graph.example.com'],
      says: 'must be https',
    },
    { args: ['--team-site', SITE, '--private-site', OTHER], says: "The relay's app id is missing" },
    {
      args: ['--team-site', SITE, '--private-site', OTHER, '--relay-app-id', 'relay'],
      says: "The relay's app id must be a GUID",
    },
    {
      args: ['--team-site', SITE, '--private-site', OTHER, ...RELAY],
      says: 'RAPPORT_GRAPH_TOKEN is not set',
    },
  ])('$args: $says', async ({ args, says }) => {
    const res = await provision(args);
    expect(res.code).toBe(2);
    expect(res.err).toContain(says);
    expect(res.err).toContain('npm run provision -- --help');
    expect(res.out).toBe('');
  });

  it('--help prints the usage and the token it needs', async () => {
    const res = await provision(['--help']);
    expect(res.code).toBe(0);
    expect(res.out).toContain('Usage: npm run provision -- --team-site <id or URL>');
    expect(res.out).toContain('Sites.FullControl.All and GroupMember.Read.All');
  });

  it('refuses a token without Sites.FullControl.All before calling Graph', async () => {
    const token = await t.token('ana@rapportdemo.onmicrosoft.com', ['Sites.Manage.All']);
    await t.resetRequests();
    const res = await provision(
      [
        '--graph',
        'https://graph.microsoft.com',
        '--team-site',
        SITE,
        '--private-site',
        OTHER,
        ...RELAY,
      ],
      { RAPPORT_GRAPH_TOKEN: token },
    );
    expect(res.code).toBe(2);
    expect(res.err).toContain(
      'The token in RAPPORT_GRAPH_TOKEN (delegated) carries Sites.Manage.All, not Sites.FullControl.All',
    );
    expect((await t.requests()).requests).toEqual([]);
  });

  it('names a site Graph does not know, and the same site given twice', async () => {
    const unknown = await provision([
      '--local',
      '--graph',
      t.url,
      '--private-site',
      'https://localhost/sites/Nowhere',
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('No site https://localhost/sites/Nowhere: Graph answered 404.');
    const same = await provision(['--local', '--graph', t.url, '--private-site', SITE]);
    expect(same.code).toBe(1);
    expect(same.err).toContain('The team site and the private site are the same site');
  });

  it('says when the local tenant is not there', async () => {
    // A port that was free a moment ago: nothing answers there.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const res = await provision(['--local', '--graph', `http://127.0.0.1:${String(port)}`]);
    expect(res.code).toBe(1);
    expect(res.err).toContain('Is the local tenant running (npm start)?');
  });
});
