import { z } from 'zod';

/**
 * What the auth popup page hands back through `authentication.notifySuccess`: a string, so it
 * is JSON. It carries the access token to the tab; it never carries a refresh token.
 */
export const popupResultSchema = z.object({
  accessToken: z.string().min(1),
  /** ISO instant when the access token expires. */
  expiresOn: z.iso.datetime({ offset: true }),
  scopes: z.array(z.string()).optional(),
  account: z.object({
    id: z.string().min(1),
    tenantId: z.string().min(1),
    username: z.string(),
    name: z.string(),
  }),
});

export type PopupResult = z.infer<typeof popupResultSchema>;

/** Parses the popup's answer; a page that answered something else is a bug worth naming. */
export function parsePopupResult(text: string): PopupResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('The sign-in window answered something that is not JSON.');
  }
  const parsed = popupResultSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `The sign-in window's answer is not valid at '${issue?.path.join('.') ?? ''}': ${issue?.message ?? 'unknown'}.`,
    );
  }
  return parsed.data;
}
