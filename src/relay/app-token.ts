/**
 * The relay's own app-only Graph token (client credentials against the tenant's token endpoint),
 * cached until a minute before it expires. Concurrent callers share one request.
 */
export function appTokenSource(
  options: {
    tokenEndpoint: string;
    clientId: string;
    clientSecret: string;
    graphAudience?: string;
  },
  now: () => number = Date.now,
): () => Promise<string> {
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  const fetchToken = async (): Promise<string> => {
    const res = await fetch(options.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: options.clientId,
        client_secret: options.clientSecret,
        scope: `${options.graphAudience ?? 'https://graph.microsoft.com'}/.default`,
      }),
    });
    if (!res.ok) throw new Error(`The relay's app token was refused: ${String(res.status)}`);
    const body = (await res.json()) as { access_token: string; expires_in: number };
    cached = { token: body.access_token, expiresAt: now() + (body.expires_in - 60) * 1000 };
    return body.access_token;
  };
  return () => {
    if (cached && now() < cached.expiresAt) return Promise.resolve(cached.token);
    pending ??= fetchToken().finally(() => {
      pending = undefined;
    });
    return pending;
  };
}
