/**
 * `npm run provision -- --team-site <id or URL> --private-site <id or URL>`: provisions Rapport's
 * storage through Graph with the routine the local tenant runs on its first start
 * (src/graph/storage/provision-rapport.ts): checks that no person can open the private site
 * (refusing, with who and how to fix it, when someone can), creates or completes both sites'
 * lists, columns, indexes and unique keys, and grants the relay Sites.Selected (write on the
 * private site, read on the team site). A second run changes nothing; each run reports, per list,
 * column and grant, what it created and what was already there.
 *
 * A real tenant: the admin's app-only Graph token in RAPPORT_GRAPH_TOKEN (docs/admin.md).
 * The local tenant (`--local`, or a loopback `--graph`): the token of the local admin's
 * provisioning app, from the tenant's own token endpoint.
 *
 * Exit codes: 0 done, 1 refused or failed, 2 bad arguments.
 */
import { pathToFileURL } from 'node:url';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { createGraphClient } from '../src/graph/client';
import {
  PROVISIONING_PERMISSIONS,
  PROVISIONING_REQUIRED,
  ProvisioningError,
  formatOutcome,
  parseSiteRef,
  provisionRapport,
  type SiteRef,
} from '../src/graph/storage/provision-rapport';
import { RELAY_APP_ID, SITES } from '../src/local/tenant/seed/directory';
import { LOCAL_RELAY, provisioningAppToken } from '../src/local/tenant/seed/provision';
import { localConfig } from './local-config';
import { ENV_NAMES, isEnvName, loadEnv, type EnvName } from './package-env';

export const USAGE = `Usage: npm run provision -- --team-site <id or URL> --private-site <id or URL> [options]

Creates Rapport's SharePoint lists (with their columns, indexes and unique keys) in the team
site and the private site, grants the relay Sites.Selected (write on the private site, read on
the team site), and refuses a private site that people can open. Running it again changes
nothing; it reports what it created and what was already there.

A site is named by its id (contoso.sharepoint.com,<site collection guid>,<web guid>) or its URL
(https://contoso.sharepoint.com/sites/rapport-private).

Options:
  --team-site <id|URL>     the team site (default: RAPPORT_TEAM_SITE_ID of --env)
  --private-site <id|URL>  the private site, which only the relay may reach
  --env <${ENV_NAMES.join('|')}>   defaults from env/.env.<name> and env/.env.<name>.user: the Graph
                           URL, the team site, the relay's app id (from RAPPORT_RELAY_SCOPE)
  --relay-app-id <guid>    the relay's application (client) id (default: RAPPORT_RELAY_APP_ID,
                           or the id inside RAPPORT_RELAY_SCOPE of --env)
  --graph <url>            Graph's origin (default https://graph.microsoft.com)
  --local                  the local tenant of \`npm start\` (http://127.0.0.1:4100), with its
                           admin's provisioning app and, by default, its two seeded sites
  -h, --help               this text

Token: in a real tenant, RAPPORT_GRAPH_TOKEN holds an app-only Graph token of an app with the
application permissions ${PROVISIONING_PERMISSIONS.join(' and ')} (docs/admin.md,
step 6). Nothing in the token is printed or kept.`;

/** What the command needs from its surroundings (process.env and the console, or a test's). */
export interface ProvisionIo {
  env: Readonly<Record<string, string | undefined>>;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Where env/.env.<name> files are (default `env`). */
  envDir?: string;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface ProvisionArgs {
  help: boolean;
  teamSite: SiteRef;
  privateSite: SiteRef;
  graph: string;
  local: boolean;
  relay: { id: string; displayName: string };
}

const OPTIONS = ['team-site', 'private-site', 'env', 'relay-app-id', 'graph'] as const;
type Option = (typeof OPTIONS)[number];
const FLAGS = ['local', 'help'] as const;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Reads `--name value`, `--name=value` and flags; anything else is an error that names it. */
function readArgv(argv: readonly string[]): {
  options: Partial<Record<Option, string>>;
  flags: Set<string>;
} {
  const options: Partial<Record<Option, string>> = {};
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '-h') {
      flags.add('help');
      continue;
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!m?.[1]) {
      throw new UsageError(`Unexpected argument '${arg}': every value follows its option.`);
    }
    const name = m[1];
    if ((FLAGS as readonly string[]).includes(name)) {
      if (m[2] !== undefined) throw new UsageError(`--${name} takes no value.`);
      flags.add(name);
      continue;
    }
    if (!(OPTIONS as readonly string[]).includes(name)) {
      throw new UsageError(`Unknown option --${name}.`);
    }
    const option = name as Option;
    let value = m[2];
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) {
        throw new UsageError(`--${option} needs a value.`);
      }
      value = next;
      i++;
    }
    if (value.trim() === '') throw new UsageError(`--${option} needs a value.`);
    if (options[option] !== undefined) throw new UsageError(`--${option} is given twice.`);
    options[option] = value.trim();
  }
  return { options, flags };
}

function siteArg(name: string, value: string | undefined, hint: string): SiteRef {
  if (value === undefined) throw new UsageError(`--${name} is missing${hint}.`);
  try {
    return parseSiteRef(value);
  } catch (err) {
    throw new UsageError(`--${name}: ${(err as Error).message}`);
  }
}

/** Graph's origin from a URL that may end in /v1.0; https unless it is the local tenant. */
function graphOrigin(value: string, from: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${from}: '${value}' is not a URL.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new UsageError(
      `${from}: '${value}' must be https (plain http only for the local tenant).`,
    );
  }
  return url.origin;
}

/** The relay's app id inside its API scope, api://<host>/<relay app id>/Relay.Access. */
const relayIdInScope = (scope: string | undefined): string | undefined =>
  /^api:\/\/[^/\s]+\/([0-9a-f-]{36})\/[^/\s]+$/i.exec(scope ?? '')?.[1];

/** The command line, with the env file's and the process's defaults; throws UsageError. */
export function parseProvisionArgs(argv: readonly string[], io: ProvisionIo): ProvisionArgs {
  const { options, flags } = readArgv(argv);
  const help = flags.has('help');
  if (help) {
    const none = { kind: 'id', id: '' } as const;
    return { help, teamSite: none, privateSite: none, graph: '', local: false, relay: LOCAL_RELAY };
  }
  let envName: EnvName | undefined;
  if (options.env !== undefined) {
    if (!isEnvName(options.env)) {
      throw new UsageError(`--env must be one of ${ENV_NAMES.join(', ')}, not '${options.env}'.`);
    }
    envName = options.env;
  }
  if (flags.has('local') && envName !== undefined && envName !== 'local') {
    throw new UsageError(`--local is the local tenant; it does not go with --env ${envName}.`);
  }
  let values: Record<string, string> = {};
  if (envName) {
    try {
      values = loadEnv(envName, io.envDir).values;
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }

  let localDefault: string;
  try {
    localDefault = `http://127.0.0.1:${String(localConfig({ ...io.env }).tenantPort)}`;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const graph =
    options.graph !== undefined
      ? graphOrigin(options.graph, '--graph')
      : values.RAPPORT_GRAPH_BASE_URL
        ? graphOrigin(
            values.RAPPORT_GRAPH_BASE_URL,
            `RAPPORT_GRAPH_BASE_URL of --env ${envName ?? ''}`,
          )
        : flags.has('local')
          ? localDefault
          : 'https://graph.microsoft.com';
  const local = flags.has('local') || envName === 'local' || LOOPBACK.has(new URL(graph).hostname);

  const teamSite = siteArg(
    'team-site',
    options['team-site'] ?? values.RAPPORT_TEAM_SITE_ID ?? (local ? SITES.team.id : undefined),
    envName ? ` (and RAPPORT_TEAM_SITE_ID is not set in env/.env.${envName})` : '',
  );
  const privateSite = siteArg(
    'private-site',
    options['private-site'] ?? (local ? SITES.private.id : undefined),
    '',
  );

  const relayId =
    options['relay-app-id'] ??
    io.env.RAPPORT_RELAY_APP_ID ??
    relayIdInScope(values.RAPPORT_RELAY_SCOPE) ??
    (local ? RELAY_APP_ID : undefined);
  if (relayId === undefined) {
    throw new UsageError(
      "The relay's app id is missing: give --relay-app-id <guid>, or --env <name> whose RAPPORT_RELAY_SCOPE holds it.",
    );
  }
  if (!GUID.test(relayId)) {
    throw new UsageError(`The relay's app id must be a GUID, not '${relayId}'.`);
  }
  const suffix = envName && envName !== 'prod' ? ` (${envName})` : '';
  return {
    help,
    teamSite,
    privateSite,
    graph,
    local,
    relay: { id: relayId, displayName: `Rapport relay${suffix}` },
  };
}

/** The permissions a Graph token carries (`roles` app-only, `scp` delegated); undefined if unreadable. */
export function tokenPermissions(
  token: string,
): { kind: 'application' | 'delegated'; permissions: string[] } | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      roles?: unknown;
      scp?: unknown;
    };
    if (Array.isArray(claims.roles)) {
      return { kind: 'application', permissions: claims.roles.map(String) };
    }
    if (typeof claims.scp === 'string') {
      return { kind: 'delegated', permissions: claims.scp.split(' ').filter(Boolean) };
    }
    return { kind: 'application', permissions: [] };
  } catch {
    return undefined;
  }
}

const TOKEN_HELP = [
  'Give an app-only Graph token in RAPPORT_GRAPH_TOKEN, from an app registration that has the',
  `application permissions ${PROVISIONING_PERMISSIONS.join(' and ')} with admin consent, e.g.:`,
  '  az login --service-principal --username <app id> --password <secret> --tenant <tenant id> --allow-no-subscriptions',
  '  export RAPPORT_GRAPH_TOKEN=$(az account get-access-token --resource https://graph.microsoft.com --query accessToken -o tsv)',
  'See docs/admin.md, step 6 ("Create the sites and provision storage").',
];

/** The token to call Graph with; throws UsageError when there is none or it cannot do the job. */
async function graphToken(args: ProvisionArgs, io: ProvisionIo): Promise<string> {
  if (args.local) {
    try {
      return await provisioningAppToken(args.graph);
    } catch (err) {
      throw new ProvisioningError(
        `Could not get the local admin's token from ${args.graph} (${(err as Error).message}). Is the local tenant running (npm start)?`,
      );
    }
  }
  const token = io.env.RAPPORT_GRAPH_TOKEN?.trim();
  if (!token) throw new UsageError(['RAPPORT_GRAPH_TOKEN is not set.', ...TOKEN_HELP].join('\n'));
  const carried = tokenPermissions(token);
  if (carried && !carried.permissions.includes(PROVISIONING_REQUIRED)) {
    throw new UsageError(
      [
        `The token in RAPPORT_GRAPH_TOKEN (${carried.kind}) carries ${carried.permissions.join(', ') || 'no permissions'}, not ${PROVISIONING_REQUIRED}.`,
        ...TOKEN_HELP,
      ].join('\n'),
    );
  }
  return token;
}

function describeGraphError(err: GraphError, graph: string): string[] {
  // The client reports a request that got no answer at all as status -1.
  if (err.statusCode < 0) return [`Could not reach ${graph}: ${err.message}`];
  const lines = [
    `Graph (${graph}) answered ${String(err.statusCode)} ${err.code ?? ''}: ${err.message}`,
  ];
  if (err.statusCode === 401) {
    lines.push('The token was not accepted: it may have expired (they last about an hour).');
  }
  if (err.statusCode === 403) {
    lines.push(
      `The token's app needs the application permissions ${PROVISIONING_PERMISSIONS.join(' and ')}, with admin consent.`,
    );
  }
  return lines;
}

/** The whole command; returns its exit code. */
export async function runProvision(argv: readonly string[], io: ProvisionIo): Promise<number> {
  let args: ProvisionArgs;
  try {
    args = parseProvisionArgs(argv, io);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(err.message);
    io.err('Run `npm run provision -- --help` for the options.');
    return 2;
  }
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  try {
    const token = await graphToken(args, io);
    const client = createGraphClient({
      baseUrl: args.graph,
      getToken: () => Promise.resolve(token),
    });
    io.out(
      `Provisioning Rapport's storage through ${args.graph}${args.local ? ' (the local tenant)' : ''}; relay app ${args.relay.id}.`,
    );
    const outcome = await provisionRapport(client, {
      teamSite: args.teamSite,
      privateSite: args.privateSite,
      relay: args.relay,
    });
    const lines = formatOutcome(outcome);
    for (const line of lines) (outcome.refusal ? io.err : io.out)(line);
    return outcome.refusal ? 1 : 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(err.message);
      io.err('Run `npm run provision -- --help` for the options.');
      return 2;
    }
    if (err instanceof ProvisioningError) {
      io.err(err.message);
      return 1;
    }
    if (err instanceof GraphError) {
      for (const line of describeGraphError(err, args.graph)) io.err(line);
      return 1;
    }
    if (err instanceof TypeError) {
      io.err(`Could not reach ${args.graph}: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await runProvision(process.argv.slice(2), {
    env: process.env,
    out: (line) => {
      console.log(line);
    },
    err: (line) => {
      console.error(line);
    },
  });
}
