import { z } from 'zod';

/**
 * The relay's configuration, from `RAPPORT_RELAY_*` environment variables. The issuer and JWKS URL
 * are pinned here, never taken from a token (ARCHITECTURE.md, "The relay").
 */
export interface RelayConfig {
  port: number;
  /** The one accepted `iss`. */
  issuer: string;
  /** Where the issuer's signing keys are, fetched (and cached) by jose. */
  jwksUrl: string;
  /** The relay API's `aud`, e.g. api://<host>/<relay app id>. */
  audience: string;
  /** The delegated scope every caller's `scp` must hold (its bare name, as `scp` holds it). */
  scope: string;
  /** The tenant (`tid`) whose people may call. */
  tenantId: string;
  /** Rapport's client id: the only `azp` accepted. */
  allowedClientId: string;
  /** The private site holding Polls, Responses, VoteKeys, Results. */
  privateSiteId: string;
  /**
   * The team site holding coffee programs and rounds, read (never written) to check who was in a
   * group before taking a "did you meet?" answer: the admin grants Sites.Selected read there.
   */
  teamSiteId: string;
  /** Graph's origin (a trailing /v1.0 is dropped). */
  graphBaseUrl: string;
  /** The tenant's v2 token endpoint, for the relay's own app-only token. */
  tokenEndpoint: string;
  relayClientId: string;
  relayClientSecret: string;
  /** The secret under which (person, poll) pairs are hashed into VoteKeys. */
  voteKey: string;
  /** Browser origins allowed to call (the app's); empty means none. */
  allowedOrigins: string[];
}

const url = (name: string) => z.url({ error: `${name} must be a URL.` });
const text = (name: string) =>
  z.string({ error: `${name} is missing.` }).min(1, { error: `${name} is missing.` });

const envSchema = z.object({
  RAPPORT_RELAY_PORT: z.coerce.number().int().min(0).max(65_535).default(4200),
  RAPPORT_RELAY_ISSUER: url('RAPPORT_RELAY_ISSUER'),
  RAPPORT_RELAY_JWKS_URL: url('RAPPORT_RELAY_JWKS_URL'),
  RAPPORT_RELAY_AUDIENCE: text('RAPPORT_RELAY_AUDIENCE'),
  RAPPORT_RELAY_SCOPE: text('RAPPORT_RELAY_SCOPE').default('Relay.Access'),
  RAPPORT_RELAY_TENANT_ID: text('RAPPORT_RELAY_TENANT_ID'),
  RAPPORT_RELAY_ALLOWED_CLIENT_ID: text('RAPPORT_RELAY_ALLOWED_CLIENT_ID'),
  RAPPORT_RELAY_PRIVATE_SITE_ID: text('RAPPORT_RELAY_PRIVATE_SITE_ID'),
  RAPPORT_RELAY_TEAM_SITE_ID: text('RAPPORT_RELAY_TEAM_SITE_ID'),
  RAPPORT_RELAY_GRAPH_BASE_URL: url('RAPPORT_RELAY_GRAPH_BASE_URL'),
  RAPPORT_RELAY_TOKEN_ENDPOINT: url('RAPPORT_RELAY_TOKEN_ENDPOINT'),
  RAPPORT_RELAY_CLIENT_ID: text('RAPPORT_RELAY_CLIENT_ID'),
  RAPPORT_RELAY_CLIENT_SECRET: text('RAPPORT_RELAY_CLIENT_SECRET'),
  // Short keys make the hash guessable offline by whoever reads VoteKeys.
  RAPPORT_RELAY_VOTE_KEY: z
    .string({ error: 'RAPPORT_RELAY_VOTE_KEY is missing.' })
    .min(32, { error: 'RAPPORT_RELAY_VOTE_KEY must be at least 32 characters.' }),
  RAPPORT_RELAY_ALLOWED_ORIGINS: z.string().default(''),
});

/** Reads the configuration; throws one readable message listing every bad variable. */
export function relayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): RelayConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`The relay's configuration is incomplete:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.RAPPORT_RELAY_PORT,
    issuer: e.RAPPORT_RELAY_ISSUER,
    jwksUrl: e.RAPPORT_RELAY_JWKS_URL,
    audience: e.RAPPORT_RELAY_AUDIENCE,
    // The app's env names the scope in full (api://…/Relay.Access); tokens carry the bare name.
    scope: e.RAPPORT_RELAY_SCOPE.split('/').at(-1) ?? e.RAPPORT_RELAY_SCOPE,
    tenantId: e.RAPPORT_RELAY_TENANT_ID,
    allowedClientId: e.RAPPORT_RELAY_ALLOWED_CLIENT_ID,
    privateSiteId: e.RAPPORT_RELAY_PRIVATE_SITE_ID,
    teamSiteId: e.RAPPORT_RELAY_TEAM_SITE_ID,
    graphBaseUrl: e.RAPPORT_RELAY_GRAPH_BASE_URL,
    tokenEndpoint: e.RAPPORT_RELAY_TOKEN_ENDPOINT,
    relayClientId: e.RAPPORT_RELAY_CLIENT_ID,
    relayClientSecret: e.RAPPORT_RELAY_CLIENT_SECRET,
    voteKey: e.RAPPORT_RELAY_VOTE_KEY,
    allowedOrigins: e.RAPPORT_RELAY_ALLOWED_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  };
}
