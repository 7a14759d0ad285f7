import type * as G from '@microsoft/microsoft-graph-types';
import type { JWK } from 'jose';

/** A calendar item in one mailbox. Attendees hold copies that point back at the organizer's. */
export interface StoredEvent {
  /** The mailbox (user id) this copy lives in. */
  owner: string;
  event: G.Event;
  /** For an attendee copy: the organizer's event id. */
  organizerEventId?: string;
  /** For the organizer's copy: attendee copies by user id. */
  attendeeCopies?: Record<string, string>;
  /** Series masters: occurrences modified or cancelled, keyed by original start (epoch ms). */
  exceptions?: Record<
    string,
    {
      start: G.DateTimeTimeZone;
      end: G.DateTimeTimeZone;
      subject?: string;
      /** The occurrence's own body, once the organizer wrote one for it alone. */
      body?: G.ItemBody;
      bodyPreview?: string;
    }
  >;
  cancelled?: number[];
}

export interface StoredChat {
  chat: G.Chat;
  memberIds: string[];
  messages: G.ChatMessage[];
}

export interface StoredGroup {
  id: string;
  displayName: string;
  description: string;
  mail: string;
  memberIds: string[];
  ownerIds: string[];
}

export interface StoredSite {
  site: G.Site;
  /**
   * People who may read and write. An empty list (and no group) means no person has access at
   * all. Graph does not show this list (SharePoint's own site groups are not in Graph v1.0).
   */
  memberIds: string[];
  /**
   * The Microsoft 365 group of a group-connected site: its owners and members may read and write
   * too, and Graph shows the group as the owner of the site's default library.
   */
  groupId?: string;
  /** Apps granted through Sites.Selected, with their role. */
  appGrants: Record<string, 'read' | 'write'>;
  /** The display names the grants were made with (POST /sites/{id}/permissions), by app id. */
  appGrantNames?: Record<string, string>;
  listIds: string[];
}

export interface StoredList {
  siteId: string;
  list: G.List;
  columns: G.ColumnDefinition[];
  items: Record<string, StoredListItem>;
  nextItemId: number;
}

export interface StoredListItem {
  id: string;
  fields: Record<string, unknown>;
  createdBy: string;
  createdDateTime: string;
  lastModifiedBy: string;
  lastModifiedDateTime: string;
  version: number;
  /** The item's GUID, the first half of its eTag `"{guid},{version}"`; absent on items made before it existed. */
  uniqueId?: string;
}

/**
 * A meeting mail Exchange sent on the organizer's behalf: an invitation, an update or a
 * cancellation, to every attendee at once. Kept so tests can count what a change emailed.
 */
export interface OutboxEntry {
  kind: 'request' | 'update' | 'cancellation';
  /** The organizer's user id. */
  organizerId: string;
  /** The item's iCalUId as Graph shows it: the event's, a series master's or an occurrence's. */
  iCalUId: string;
  /** For an occurrence's update or cancellation: the series master's iCalUId. */
  seriesMasterICalUId?: string;
  subject: string;
  /** Every attendee address the mail went to. */
  to: string[];
  /** The tenant clock when it was sent (ISO). */
  at: string;
}

export interface TenantState {
  schemaVersion: 1;
  /** The seed's "now": meetings were laid out around this instant (ISO). */
  seededAt: string;
  keys: { kid: string; privateJwk: JWK; publicJwk: JWK };
  sequence: number;
  users: Record<string, G.User>;
  mailboxSettings: Record<string, G.MailboxSettings>;
  events: Record<string, StoredEvent>;
  /** transactionId → event id, per organizer, so a repeated POST returns the first event. */
  transactions: Record<string, string>;
  chats: Record<string, StoredChat>;
  groups: Record<string, StoredGroup>;
  sites: Record<string, StoredSite>;
  lists: Record<string, StoredList>;
  /** Meeting mails sent since the seed (absent in data files written before it existed). */
  outbox?: OutboxEntry[];
}
