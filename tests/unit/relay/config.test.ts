import { describe, expect, it } from 'vitest';
import { relayConfigFromEnv } from '../../../src/relay/config';

const env = {
  RAPPORT_RELAY_ISSUER: 'https://login.example.com/t/v2.0',
  RAPPORT_RELAY_JWKS_URL: 'https://login.example.com/t/discovery/v2.0/keys',
  RAPPORT_RELAY_AUDIENCE: 'api://example.com/relay',
  RAPPORT_RELAY_SCOPE: 'api://example.com/relay/Relay.Access',
  RAPPORT_RELAY_TENANT_ID: 't',
  RAPPORT_RELAY_ALLOWED_CLIENT_ID: 'client',
  RAPPORT_RELAY_PRIVATE_SITE_ID: 'site',
  RAPPORT_RELAY_TEAM_SITE_ID: 'team-site',
  RAPPORT_RELAY_GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0',
  RAPPORT_RELAY_TOKEN_ENDPOINT: 'https://login.example.com/t/oauth2/v2.0/token',
  RAPPORT_RELAY_CLIENT_ID: 'relay',
  RAPPORT_RELAY_CLIENT_SECRET: 'secret',
  RAPPORT_RELAY_VOTE_KEY: 'k'.repeat(32),
  RAPPORT_RELAY_ALLOWED_ORIGINS: 'https://app.example.com, http://127.0.0.1:5173',
};

describe('relay configuration', () => {
  it('reads every variable, with the port defaulting to 4200 and the scope as its bare name', () => {
    const config = relayConfigFromEnv(env);
    expect(config.port).toBe(4200);
    expect(config.scope).toBe('Relay.Access');
    expect(config.allowedOrigins).toEqual(['https://app.example.com', 'http://127.0.0.1:5173']);
  });

  it('names every missing or bad variable in one message', () => {
    const { RAPPORT_RELAY_ISSUER: _issuer, ...rest } = env;
    expect(() => relayConfigFromEnv({ ...rest, RAPPORT_RELAY_VOTE_KEY: 'short' })).toThrow(
      /RAPPORT_RELAY_ISSUER[\s\S]*RAPPORT_RELAY_VOTE_KEY: .*at least 32/,
    );
  });
});
