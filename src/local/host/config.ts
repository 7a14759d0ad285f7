import { RAPPORT_CLIENT_ID, TENANT_ID } from '../tenant/seed/directory';

const env = import.meta.env as Record<string, unknown>;
const setting = (name: string): string | undefined => {
  const v = env[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};

/** Where the local tenant listens; its control endpoints answer loopback callers only. */
export const TENANT_URL = (setting('RAPPORT_TENANT_URL') ?? 'http://127.0.0.1:4100').replace(
  /\/+$/,
  '',
);

export const HOST_TENANT_ID = TENANT_ID;

/**
 * The Teams app id getContext reports: the app package's id (RAPPORT_APP_ID, which deep links to
 * the tab also name), not the Entra client id, which stands in when neither is configured.
 */
export const TEAMS_APP_ID =
  setting('RAPPORT_TEAMS_APP_ID') ?? setting('RAPPORT_APP_ID') ?? RAPPORT_CLIENT_ID;
