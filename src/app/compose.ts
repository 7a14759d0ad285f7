import type { Host } from '../domain/ports/host';
import type { TokenProvider } from '../domain/ports/token-provider';
import { instant, type Clock } from '../domain/time/instant';
import type { Services } from '../features/shared/services';
import type { InviteSectionWriter } from '../graph/expectations/meeting-service';
import { graphScopeUris } from '../graph/scopes';
import { readAppConfig, type AppConfig } from './config';

const systemClock: Clock = { now: () => instant(Date.now()) };

async function connectHost(): Promise<Host> {
  const { createBrowserHost, isHosted } = await import('../host/browser-host');
  if (!isHosted()) return createBrowserHost();
  const { createTeamsHost } = await import('../host/teams-host');
  return createTeamsHost();
}

/**
 * NAA where the host recommends it (Outlook's pane always: office.js brokers it, and MSAL falls
 * back to its own popup where it cannot), Teams' auth popup in other hosts, MSAL in a plain
 * browser.
 */
async function chooseSignIn(config: AppConfig, host: Host): Promise<TokenProvider> {
  const auth = await import('../auth');
  const authConfig = auth.readAuthConfig(
    { RAPPORT_CLIENT_ID: config.RAPPORT_CLIENT_ID, RAPPORT_AUTHORITY: config.RAPPORT_AUTHORITY },
    { redirectUri: `${window.location.origin}/auth.html`, graphScopes: graphScopeUris() },
  );
  if (host.kind === 'office' || (host.kind === 'teams' && host.naaRecommended())) {
    return auth.createNaaProvider(authConfig);
  }
  if (host.kind === 'teams') return auth.createTeamsPopupProvider(authConfig, host, systemClock);
  return auth.createBrowserProvider(authConfig);
}

export interface ComposeOptions {
  /** The host when the caller has it already (the Outlook add-in); else Teams or a browser tab. */
  host?: Host;
  /** Where the invite section goes (the Outlook add-in: the compose form); else Graph. */
  writeInvite?: InviteSectionWriter;
}

/** The composition root: the only place that wires adapters to the ports screens use. */
export async function compose(options: ComposeOptions = {}): Promise<Services> {
  // Fetch every lazy chunk side by side instead of one after another.
  void Promise.all([
    ...(options.host ? [] : [import('../host/teams-host')]),
    import('../auth'),
    import('../graph/client'),
    import('../graph/home-reader'),
  ]).catch(() => undefined);
  const config = readAppConfig();
  const host = options.host ?? (await connectHost());
  const tokens = await chooseSignIn(config, host);
  const [
    { createGraphClient },
    { graphHomeReader },
    { graphExpectationsService },
    { graphProgramsService },
    { relayFeedback },
    { relayCoffeeFeedback },
    { relayCheckIn },
    { lookUpUsers },
    { graphMeetingChat },
    { graphSummaryService },
    { graphCommitmentsService },
  ] = await Promise.all([
    import('../graph/client'),
    import('../graph/home-reader'),
    import('../graph/expectations/meeting-service'),
    import('../graph/social/programs-service'),
    import('../relay-client/relay-feedback'),
    import('../relay-client/relay-coffee'),
    import('../relay-client/relay-checkin'),
    import('../graph/meetings/attendees'),
    import('../graph/chat/meeting-chat-service'),
    import('../graph/summaries/summary-service'),
    import('../graph/commitments/commitments-service'),
  ]);
  const scopes = graphScopeUris();
  const client = createGraphClient({
    baseUrl: config.RAPPORT_GRAPH_BASE_URL,
    getToken: () => tokens.getToken(scopes),
  });
  const siteId = config.RAPPORT_TEAM_SITE_ID;
  // The relay's token is asked for on its own: one access token names one resource.
  const relayScopes = [config.RAPPORT_RELAY_SCOPE];
  const reader = graphHomeReader(client, { siteId });
  return {
    host,
    clock: systemClock,
    homeReader: {
      // Asking for the token first lets "sign-in needed" reach the screen as itself, not
      // wrapped in a Graph client error.
      load: async (now) => {
        await tokens.getToken(scopes);
        return reader.load(now);
      },
    },
    expectations: graphExpectationsService(client, {
      siteId,
      ...(options.writeInvite ? { writeInvite: options.writeInvite } : {}),
    }),
    programs: graphProgramsService(client, { siteId, clock: systemClock }),
    feedback: relayFeedback({
      baseUrl: config.RAPPORT_RELAY_URL,
      getToken: () => tokens.getToken(relayScopes),
      idOfPerson: async (address) =>
        (await lookUpUsers(client, [address])).get(address.toLowerCase())?.id ?? undefined,
    }),
    coffeeFeedback: relayCoffeeFeedback({
      baseUrl: config.RAPPORT_RELAY_URL,
      getToken: () => tokens.getToken(relayScopes),
    }),
    checkIn: relayCheckIn({
      baseUrl: config.RAPPORT_RELAY_URL,
      getToken: () => tokens.getToken(relayScopes),
    }),
    meetingChat: graphMeetingChat(client),
    summaries: graphSummaryService(client, { siteId }),
    commitments: graphCommitmentsService(client, { siteId }),
    teamsAppId: config.RAPPORT_APP_ID,
    signIn: async () => {
      await tokens.getToken(scopes, { interactive: true });
      // The relay's token usually comes silently once signed in; ask only when it does not.
      await tokens.getToken(relayScopes).catch((err: unknown) => {
        if (err instanceof Error && err.name === 'InteractionRequiredError') {
          return tokens.getToken(relayScopes, { interactive: true });
        }
        throw err;
      });
    },
  };
}
