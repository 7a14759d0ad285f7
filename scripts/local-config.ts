import { z } from 'zod';

/** Local run settings, read once from the environment with readable errors. */
const schema = z.object({
  RAPPORT_TENANT_PORT: z.coerce.number().int().min(1).max(65_535).default(4100),
  RAPPORT_APP_PORT: z.coerce.number().int().min(1).max(65_535).default(5173),
  RAPPORT_TENANT_HTTPS_PORT: z.coerce.number().int().min(1).max(65_535).default(4443),
  /** The feedback relay (README, "Feedback relay"). */
  RAPPORT_RELAY_PORT: z.coerce.number().int().min(1).max(65_535).default(4200),
  RAPPORT_APP_HTTPS: z.enum(['0', '1']).default('0'),
  RAPPORT_DATA_FILE: z.string().min(1).default('.data/tenant.json'),
  /** A fixed "now" for the tenant's clock (ISO), for reproducible demos. */
  RAPPORT_NOW: z.iso.datetime({ offset: true }).optional(),
});

export function localConfig(env: NodeJS.ProcessEnv = process.env): {
  tenantPort: number;
  appPort: number;
  tenantHttpsPort: number;
  relayPort: number;
  appHttps: boolean;
  dataFile: string;
  now?: string;
} {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Bad local setting ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
  }
  return {
    tenantPort: parsed.data.RAPPORT_TENANT_PORT,
    appPort: parsed.data.RAPPORT_APP_PORT,
    tenantHttpsPort: parsed.data.RAPPORT_TENANT_HTTPS_PORT,
    relayPort: parsed.data.RAPPORT_RELAY_PORT,
    appHttps: parsed.data.RAPPORT_APP_HTTPS === '1',
    dataFile: parsed.data.RAPPORT_DATA_FILE,
    ...(parsed.data.RAPPORT_NOW ? { now: parsed.data.RAPPORT_NOW } : {}),
  };
}
