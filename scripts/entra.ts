/**
 * `npm run entra -- --env local|dev|prod`: writes the Entra ID app registrations of one
 * environment to manifest/, generated from the scope table (src/graph/scopes.ts) and
 * env/.env.<env> (`--env all`: every environment). `--check` writes nothing and fails when a
 * committed file differs.
 *
 * Two registrations, in the Microsoft 365 Agents Toolkit's Entra manifest format (the format its
 * `aadApp/update` action applies; Graph permissions by name, which the toolkit resolves to ids):
 * - manifest/rapport.<env>.json: the SPA (the tab). Redirect URIs `brk-multihub://<domain>`
 *   (nested app auth in Teams, Outlook and the Microsoft 365 app) and `<app>/auth.html` (MSAL in
 *   Teams' auth popup and in a plain browser); the delegated Graph scopes of the table; the
 *   relay's `Relay.Access`.
 * - manifest/relay.<env>.json: the relay. Exposes `api://<relay host>/<relay id>` with the
 *   `Relay.Access` scope (Rapport's SPA pre-authorized); its only Graph permission is the
 *   application permission `Sites.Selected`, granted per site by an admin.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { GRAPH_SCOPES } from '../src/graph/scopes';
import { argValue, ENV_NAMES, isEnvName, loadEnv } from './package-env';

/** The id of the relay's `Relay.Access` scope: chosen by Rapport, fixed for every environment. */
export const RELAY_SCOPE_ID = '4f3e2d1c-0b9a-4c8d-9e7f-6a5b4c3d2e10';
/** The relay's only Graph permission (application): access to the sites an admin grants. */
export const RELAY_GRAPH_ROLES = ['Sites.Selected'] as const;

type Registration = Record<string, unknown>;

function required(env: Readonly<Record<string, string>>, name: string, file: string): string {
  const value = env[name]?.trim();
  if (!value) throw new Error(`${name} is not set in ${file}`);
  return value;
}

export function registrations(
  envName: string,
  env: Readonly<Record<string, string>>,
  label: string,
) {
  const clientId = required(env, 'RAPPORT_CLIENT_ID', label);
  const appUrl = required(env, 'RAPPORT_APP_URL', label).replace(/\/+$/, '');
  const domain = required(env, 'RAPPORT_APP_DOMAIN', label);
  const relayScope = required(env, 'RAPPORT_RELAY_SCOPE', label);
  const m = /^api:\/\/([^/\s]+)\/([0-9a-f-]{36})\/([^/\s]+)$/i.exec(relayScope);
  if (!m?.[1] || !m[2] || !m[3]) {
    throw new Error(`RAPPORT_RELAY_SCOPE in ${label} must be api://<host>/<relay app id>/<scope>`);
  }
  const [, relayHost, relayId, scopeName] = m;
  const suffix = envName === 'prod' ? '' : ` (${envName})`;

  const spa: Registration = {
    appId: clientId,
    name: `Rapport${suffix}`,
    signInAudience: 'AzureADMyOrg',
    accessTokenAcceptedVersion: 2,
    replyUrlsWithType: [
      { url: `brk-multihub://${domain}`, type: 'Spa' },
      { url: `${appUrl}/auth.html`, type: 'Spa' },
    ],
    requiredResourceAccess: [
      {
        resourceAppId: 'Microsoft Graph',
        resourceAccess: Object.values(GRAPH_SCOPES).map((id) => ({ id, type: 'Scope' })),
      },
      { resourceAppId: relayId, resourceAccess: [{ id: RELAY_SCOPE_ID, type: 'Scope' }] },
    ],
    identifierUris: [],
    oauth2Permissions: [],
    preAuthorizedApplications: [],
  };

  const relay: Registration = {
    appId: relayId,
    name: `Rapport relay${suffix}`,
    signInAudience: 'AzureADMyOrg',
    accessTokenAcceptedVersion: 2,
    identifierUris: [`api://${relayHost}/${relayId}`],
    oauth2Permissions: [
      {
        adminConsentDescription:
          'Lets Rapport create and answer feedback polls through the relay as the signed-in person. The relay stores answers in a private site that people cannot read.',
        adminConsentDisplayName: 'Use Rapport feedback polls',
        id: RELAY_SCOPE_ID,
        isEnabled: true,
        type: 'User',
        userConsentDescription:
          'Lets Rapport create and answer feedback polls for you. Anonymous answers are stored without your name.',
        userConsentDisplayName: 'Use Rapport feedback polls',
        value: scopeName,
      },
    ],
    preAuthorizedApplications: [{ appId: clientId, permissionIds: [RELAY_SCOPE_ID] }],
    requiredResourceAccess: [
      {
        resourceAppId: 'Microsoft Graph',
        resourceAccess: RELAY_GRAPH_ROLES.map((id) => ({ id, type: 'Role' })),
      },
    ],
    replyUrlsWithType: [],
  };

  return {
    [join('manifest', `rapport.${envName}.json`)]: spa,
    [join('manifest', `relay.${envName}.json`)]: relay,
  };
}

async function main(argv: readonly string[]): Promise<number> {
  const envArg = argValue(argv, 'env');
  const envNames = envArg === 'all' ? ENV_NAMES : isEnvName(envArg) ? [envArg] : [];
  if (envNames.length === 0) {
    console.error(`Usage: npm run entra -- --env ${ENV_NAMES.join('|')}|all [--check]`);
    return 2;
  }
  const check = argv.includes('--check');
  let stale = 0;
  for (const envName of envNames) {
    const env = loadEnv(envName, argValue(argv, 'env-dir') ?? 'env');
    const files = registrations(envName, env.values, env.files.join(' + '));
    for (const [path, registration] of Object.entries(files)) {
      // Formatted as the repository's prettier formats JSON, so `npm run format` keeps it equal.
      const text = await format(JSON.stringify(registration), {
        ...(await resolveConfig(path)),
        filepath: path,
      });
      if (!check) {
        writeFileSync(path, text);
        console.log(`Wrote ${path}`);
        continue;
      }
      const committed = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
      if (committed !== text) {
        stale++;
        console.error(
          `${path} ${committed === undefined ? 'is missing' : 'differs from the generated registration'}; run npm run entra -- --env ${envName}`,
        );
      }
    }
  }
  if (check && stale === 0) console.log(`manifest/ is up to date for ${envNames.join(', ')}.`);
  return stale > 0 ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
