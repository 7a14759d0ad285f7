import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { fieldErrors } from '../domain/expectations/schema';
import type { Caller } from './caller';

export interface RelayEnv {
  Variables: { caller: Caller };
}

export type RelayCtx = Context<RelayEnv>;

/** Bodies above this are refused before parsing (1,000 attendee ids fit easily). */
export const MAX_BODY_BYTES = 128 * 1024;

/** `{ error: { code, message } }`, the relay's one error shape (docs/relay-api.md). */
export const fail = (
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): Response => c.json({ error: { code, message, ...extra } }, status);

/** A 400 naming every bad field: `field: message` joined, plus the errors by field. */
export const invalid = (c: RelayCtx, errors: Record<string, string[]>): Response =>
  fail(
    c,
    400,
    'invalidRequest',
    Object.entries(errors)
      .map(([field, messages]) => `${field === '' ? 'body' : field}: ${messages.join(' ')}`)
      .join(' '),
    { fields: errors },
  );

/** Reads a JSON body with a size cap; a Response when it is too big or not JSON. */
export async function readJson(
  c: RelayCtx,
): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const text = await c.req.text();
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) {
    return {
      ok: false,
      response: fail(
        c,
        400,
        'tooLarge',
        `The request body is over ${String(MAX_BODY_BYTES / 1024)} KB.`,
      ),
    };
  }
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return {
      ok: false,
      response: fail(c, 400, 'invalidJson', 'The request body is not valid JSON.'),
    };
  }
}

/** Parses a body with a schema; a 400 naming the fields otherwise. */
export async function parseBody<T>(
  c: RelayCtx,
  schema: z.ZodType<T>,
): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const read = await readJson(c);
  if (!read.ok) return read;
  const parsed = schema.safeParse(read.body);
  if (!parsed.success) return { ok: false, response: invalid(c, fieldErrors(parsed.error)) };
  return { ok: true, value: parsed.data };
}
