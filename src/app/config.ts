import { z } from 'zod';

const schema = z.object({
  RAPPORT_ENV: z.enum(['local', 'dev', 'prod']).default('local'),
  RAPPORT_CLIENT_ID: z.uuid('RAPPORT_CLIENT_ID must be the app registration’s client id'),
  RAPPORT_TENANT_ID: z.string().min(1),
  /**
   * The Teams app id (the app package's `id`, not the Entra client id): deep links to Rapport's
   * tabs name it, such as the poll link posted to a meeting chat.
   */
  RAPPORT_APP_ID: z.uuid('RAPPORT_APP_ID must be the Teams app id (the app package’s id)'),
  RAPPORT_GRAPH_BASE_URL: z
    .url()
    .transform((u) => u.replace(/\/v1\.0\/?$/, '').replace(/\/+$/, '')),
  RAPPORT_AUTHORITY: z.url(),
  /** The relay's base URL (docs/relay-api.md); locally the relay `npm start` serves. */
  RAPPORT_RELAY_URL: z
    .url('RAPPORT_RELAY_URL must be the relay’s base URL')
    .transform((u) => u.replace(/\/+$/, '')),
  /**
   * The relay API's scope as token requests name it (`api://<host>/<relay app id>/Relay.Access`).
   * One token covers one resource, so it is asked for on its own, never beside Graph's scopes.
   */
  RAPPORT_RELAY_SCOPE: z
    .string('RAPPORT_RELAY_SCOPE must name the relay’s scope')
    .regex(/^api:\/\/[^\s]+\/[^\s/]+$/, {
      error:
        'RAPPORT_RELAY_SCOPE must be the relay API’s scope: api://<host>/<relay app id>/<scope>',
    }),
  /**
   * The SharePoint site holding Rapport's team lists (Expectations, Deliverables, …), as a Graph
   * site id (`hostname,siteCollectionId,webId`). The admin picks it at deployment.
   */
  RAPPORT_TEAM_SITE_ID: z
    .string('RAPPORT_TEAM_SITE_ID must name the team site (hostname,siteId,webId)')
    .regex(/^[^,\s]+,[0-9a-f-]{36},[0-9a-f-]{36}$/i, {
      error: 'RAPPORT_TEAM_SITE_ID must be a Graph site id: hostname,siteCollectionId,webId',
    }),
});

export type AppConfig = z.infer<typeof schema>;

/** The app's settings from `env/.env.<mode>`, read once, with a readable message when one is off. */
export function readAppConfig(env: Record<string, unknown> = import.meta.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `Rapport is misconfigured: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    );
  }
  return parsed.data;
}
