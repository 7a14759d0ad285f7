import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  EMPTY_STYLE_HASH,
  FRAME_ANCESTORS,
  hostingOriginsFromEnv,
  securityHeaders,
} from '../../../src/hosting/security-headers';
import { staticWebAppConfig } from '../../../src/hosting/static-web-app';
import { buildEnv, inlineProblems, styleHashes } from '../../../scripts/vite-hosting';

const env = {
  RAPPORT_GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0',
  RAPPORT_AUTHORITY: 'https://login.microsoftonline.com/0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c02',
  RAPPORT_RELAY_URL: 'https://relay.contoso.com/',
};

describe('the security headers', () => {
  it('take the origins (never paths) of Graph, the authority and the relay', () => {
    expect(hostingOriginsFromEnv(env)).toEqual({
      graph: 'https://graph.microsoft.com',
      authority: 'https://login.microsoftonline.com',
      relay: 'https://relay.contoso.com',
    });
  });

  it('name the setting that is missing or not a URL', () => {
    expect(() => hostingOriginsFromEnv({ ...env, RAPPORT_RELAY_URL: undefined })).toThrow(
      /RAPPORT_RELAY_URL is missing/,
    );
    expect(() => hostingOriginsFromEnv({ ...env, RAPPORT_AUTHORITY: 'login' })).toThrow(
      /RAPPORT_AUTHORITY must be a URL/,
    );
  });

  it('allow only the app’s own scripts and Microsoft’s hosts as framers', () => {
    const csp = contentSecurityPolicy(hostingOriginsFromEnv(env), {
      styleHashes: ["'sha256-abc='"],
    });
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/unsafe-|\s\*\s|\s\*;|data:[^;]*script/);
    expect(csp).toContain(`frame-ancestors ${FRAME_ANCESTORS.join(' ')};`);
    expect(csp).toContain(`style-src 'self' ${EMPTY_STYLE_HASH} 'sha256-abc=';`);
    expect(csp).toContain(
      "connect-src 'self' https://graph.microsoft.com https://login.microsoftonline.com https://relay.contoso.com https://res.cdn.office.net;",
    );
    expect(FRAME_ANCESTORS.every((o) => o.startsWith('https://'))).toBe(true);
  });

  it('go on every response as Static Web Apps global headers, assets cached for good', () => {
    const headers = securityHeaders(hostingOriginsFromEnv(env));
    const config = staticWebAppConfig(headers);
    expect(config.globalHeaders).toMatchObject(headers);
    expect(config.routes).toEqual([
      { route: '/assets/*', headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } },
    ]);
  });
});

describe('the build’s checks of its pages', () => {
  it('hash each inline style block; the empty one is the hash the policy allows for Fluent UI', () => {
    expect(styleHashes('<style></style>')).toEqual([EMPTY_STYLE_HASH]);
    expect(styleHashes('<style>a{}</style><p></p><style media="x">b{}</style>')).toHaveLength(2);
  });

  it('refuse inline scripts, event handler attributes and style attributes', () => {
    expect(inlineProblems('a.html', '<script type="module" src="/x.js"></script>')).toEqual([]);
    expect(inlineProblems('a.html', '<script>alert(1)</script>')).toEqual([
      'a.html has an inline <script>',
    ]);
    expect(inlineProblems('a.html', '<img src="x" onerror="go()">')).toEqual([
      'a.html has an inline event handler',
    ]);
    expect(inlineProblems('a.html', '<div style="color:red"></div>')).toEqual([
      'a.html has a style="" attribute',
    ]);
  });

  it('take an environment by its name and refuse any other mode', () => {
    expect(buildEnv('prod').RAPPORT_ENV).toBe('prod');
    expect(() => buildEnv('production')).toThrow(/--mode dev\|prod\|local-tenant/);
    expect(
      buildEnv('local-tenant', 'env', { RAPPORT_RELAY_URL: 'http://127.0.0.1:1' }),
    ).toMatchObject({
      RAPPORT_ENV: 'local',
      RAPPORT_RELAY_URL: 'http://127.0.0.1:1',
    });
    expect(
      buildEnv('prod', 'env', { RAPPORT_RELAY_URL: 'http://127.0.0.1:1' }).RAPPORT_RELAY_URL,
    ).toMatch(/^https:/);
  });
});
