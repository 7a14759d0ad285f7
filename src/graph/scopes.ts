/**
 * The one table of what Rapport asks for. Every Graph call the app makes must be covered by a
 * scope here (a test walks them), and nothing broader is requested. Admins consent to this list.
 */
export const GRAPH_SCOPES = {
  /** The signed-in person's profile. */
  profile: 'User.Read',
  /** Attendees' profiles by id or mail (names, to resolve invitees). */
  people: 'User.ReadBasic.All',
  /** Meetings in the person's own calendar; creating coffee meetings; the invite section. */
  calendars: 'Calendars.ReadWrite',
  /** The person's time zone and working hours. */
  mailbox: 'MailboxSettings.Read',
  /** Which meeting a tab is in (a meeting chat's onlineMeetingInfo) and its members. */
  chats: 'Chat.ReadBasic',
  /** The short message with a poll link, the meeting summary. */
  chatMessages: 'ChatMessage.Send',
  /**
   * A meeting chat's recent messages, read only to find Rapport's own post by its marker: a
   * retried post looks first, so it lands once, and the tab can say it was posted.
   */
  chatMessagesRead: 'Chat.Read',
  /**
   * Editing the meeting summary Rapport posted, so an edit changes that message instead of posting
   * a second one: Microsoft's least privileged delegated permission for updating a chat message.
   */
  chatMessagesEdit: 'Chat.ReadWrite',
  /** Team lists (expectations, deliverables, programs, resources) in the team site. */
  sites: 'Sites.ReadWrite.All',
  /** Team members for social programs. */
  teamMembers: 'GroupMember.Read.All',
} as const;

export type GraphScope = (typeof GRAPH_SCOPES)[keyof typeof GRAPH_SCOPES];

/** Scopes in the form token requests use (`https://graph.microsoft.com/User.Read`). */
export const graphScopeUris = (
  scopes: readonly GraphScope[] = Object.values(GRAPH_SCOPES),
): string[] => scopes.map((s) => `https://graph.microsoft.com/${s}`);
