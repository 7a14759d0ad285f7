import { HttpRequest, HttpResponse, InvocationContext, type HttpHandler } from '@azure/functions';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localRelayConfig } from '../../src/local/relay/local-relay';
import { relayHttpHandler } from '../../src/relay/azure-function';
import { createRelay } from '../../src/relay/relay';
import { buildRelayFunction } from '../../scripts/build-relay-function';
import { startTestTenant, type TestTenant } from '../support/local-tenant';
import { personId } from '../support/relay-polls';

/**
 * The relay as an Azure Function: the HTTP trigger's handler, called the way the Functions host
 * calls it (an @azure/functions HttpRequest and InvocationContext), in front of a real relay
 * against the local tenant. Then the deployable bundle itself, built and loaded.
 */

const APP_ORIGIN = 'https://rapport.example';
let tenant: TestTenant | undefined;
let handler: HttpHandler;

beforeAll(async () => {
  tenant = await startTestTenant();
  const current = tenant;
  handler = relayHttpHandler(
    createRelay(localRelayConfig(current, { allowedOrigins: [APP_ORIGIN] }), {
      now: () => current.tenant.clock.now(),
    }),
  );
});
afterAll(async () => {
  await tenant?.stop();
});

const context = () => new InvocationContext({ functionName: 'relay' });

async function invoke(fn: HttpHandler, init: ConstructorParameters<typeof HttpRequest>[0]) {
  const result = await fn(new HttpRequest(init), context());
  if (result instanceof HttpResponse) throw new Error('expected an HttpResponseInit');
  const headers = new Headers(result.headers);
  const body = result.body instanceof Uint8Array ? new TextDecoder().decode(result.body) : '';
  return { status: result.status, headers, body, json: body ? JSON.parse(body) : undefined };
}

describe('the relay behind the Azure Functions HTTP trigger', () => {
  it('answers /health', async () => {
    const res = await invoke(handler, { method: 'GET', url: 'https://relay.example/health' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.json).toEqual({ ok: true });
  });

  it('refuses an API call without a token: 401 with the relay’s reason', async () => {
    const res = await invoke(handler, {
      method: 'POST',
      url: 'https://relay.example/api/polls/query',
      headers: { 'content-type': 'application/json' },
      body: { string: JSON.stringify({ meetingKeys: ['x'] }) },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(res.json.error.code).toBe('unauthorized');
  });

  it('passes a person’s token and JSON body through to the relay and its answer back', async () => {
    const token = await tenant!.token(personId(1), undefined, 'relay');
    const res = await invoke(handler, {
      method: 'POST',
      url: 'https://relay.example/api/polls/query',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: { string: JSON.stringify({ meetingKeys: ['none'] }) },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ polls: [] });
  });

  it('answers the app’s CORS preflight, and only the app’s', async () => {
    const preflight = (origin: string) =>
      invoke(handler, {
        method: 'OPTIONS',
        url: 'https://relay.example/api/polls/query',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    const allowed = await preflight(APP_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    const other = await preflight('https://elsewhere.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('says 404 for a path the relay does not have', async () => {
    const res = await invoke(handler, { method: 'GET', url: 'https://relay.example/nope' });
    expect(res.status).toBe(404);
  });
});

describe('the deployable bundle (npm run build:relay-function)', () => {
  // Inside the repository, so the bundle finds @azure/functions as the function app would.
  const outDir = resolve(
    import.meta.dirname,
    '../../node_modules/.cache/rapport-relay-function-test',
  );
  afterAll(() => {
    rmSync(outDir, { recursive: true, force: true });
  });

  it('is a function app that installs the @azure/functions this repository is tested with', () => {
    const read = (path: string) =>
      JSON.parse(readFileSync(resolve(import.meta.dirname, path), 'utf8'));
    const functionApp = read('../../deploy/relay-function/package.json');
    const repository = read('../../package.json');
    expect(functionApp.main).toBe('dist/relay.js');
    expect(functionApp.dependencies['@azure/functions']).toBe(
      repository.dependencies['@azure/functions'],
    );
    const host = read('../../deploy/relay-function/host.json');
    expect(host.version).toBe('2.0');
    // /health and /api/… are the relay's own paths, not under Functions' default /api prefix.
    expect(host.extensions.http.routePrefix).toBe('');
  });

  it('builds, reads its settings from the environment and serves the relay', async () => {
    const bundle = await buildRelayFunction(outDir);
    const config = localRelayConfig(tenant!);
    const settings: Record<string, string> = {
      RAPPORT_RELAY_ISSUER: config.issuer,
      RAPPORT_RELAY_JWKS_URL: config.jwksUrl,
      RAPPORT_RELAY_AUDIENCE: config.audience,
      RAPPORT_RELAY_SCOPE: config.scope,
      RAPPORT_RELAY_TENANT_ID: config.tenantId,
      RAPPORT_RELAY_ALLOWED_CLIENT_ID: config.allowedClientId,
      RAPPORT_RELAY_PRIVATE_SITE_ID: config.privateSiteId,
      RAPPORT_RELAY_TEAM_SITE_ID: config.teamSiteId,
      RAPPORT_RELAY_GRAPH_BASE_URL: config.graphBaseUrl,
      RAPPORT_RELAY_TOKEN_ENDPOINT: config.tokenEndpoint,
      RAPPORT_RELAY_CLIENT_ID: config.relayClientId,
      RAPPORT_RELAY_CLIENT_SECRET: config.relayClientSecret,
      RAPPORT_RELAY_VOTE_KEY: config.voteKey,
    };
    const saved = { ...process.env };
    Object.assign(process.env, settings);
    let mod: { relayHttp: HttpHandler };
    try {
      mod = (await import(/* @vite-ignore */ bundle)) as { relayHttp: HttpHandler };
    } finally {
      for (const name of Object.keys(settings)) {
        if (saved[name] === undefined) Reflect.deleteProperty(process.env, name);
        else process.env[name] = saved[name];
      }
    }
    const health = await invoke(mod.relayHttp, { method: 'GET', url: 'https://r.example/health' });
    expect(health.status).toBe(200);
    const refused = await invoke(mod.relayHttp, {
      method: 'POST',
      url: 'https://r.example/api/polls/query',
      body: { string: '{}' },
    });
    expect(refused.status).toBe(401);
  });
});
