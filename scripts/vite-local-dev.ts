import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const TEAMS_JS_DOMAINS_URL =
  'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json';

/**
 * Dev server only. teams-js fetches its valid-domains list from a Microsoft CDN when it loads;
 * with no internet that fetch fails and prints a console error. Locally the page answers it from
 * the list teams-js ships, so the console stays clean. Production builds never include this.
 */
export function localDevPlugin(): Plugin {
  const domains = readFileSync(new URL('./teams-js-valid-domains.json', import.meta.url), 'utf8');
  const shim = `(() => {
  const url = ${JSON.stringify(TEAMS_JS_DOMAINS_URL)};
  const body = ${JSON.stringify(domains)};
  const real = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const target = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (target === url) return Promise.resolve(new Response(body, { headers: { 'content-type': 'application/json' } }));
    return real(input, init);
  };
})();`;
  return {
    name: 'rapport-local-dev',
    apply: 'serve',
    transformIndexHtml: () => [{ tag: 'script', children: shim, injectTo: 'head-prepend' }],
  };
}
