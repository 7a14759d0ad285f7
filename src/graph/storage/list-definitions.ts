import type * as G from '@microsoft/microsoft-graph-types';

/**
 * Rapport's SharePoint lists, as the provisioning routine creates them (ARCHITECTURE.md, "Where
 * data lives"). Every list has:
 * - `Key`: the record's own key, unique (`enforceUniqueValues` requires an index), so a retried
 *   create answers 409 and the writer reads the first one back instead of duplicating it;
 * - indexed query columns, because SharePoint refuses filters on non-indexed columns and lists
 *   outgrow the 5,000-item view threshold;
 * - `Payload`: the record as JSON, validated by the repositories on read and on write. Query
 *   columns copy values out of it; the payload stays the source of truth.
 *
 * Definitions only ever grow: the routine adds missing columns to existing lists but never
 * changes or removes one, so a column's meaning must not change once shipped.
 */

export type StorageSite = 'team' | 'private';

export interface StorageListDefinition {
  displayName: string;
  site: StorageSite;
  description: string;
  columns: readonly G.ColumnDefinition[];
}

/** Entra object ids, iCalUIds and our own keys are short ASCII; 255 is SharePoint's single-line cap. */
const KEY_LENGTH = 255;

const key = (): G.ColumnDefinition => ({
  name: 'Key',
  text: { maxLength: KEY_LENGTH },
  indexed: true,
  enforceUniqueValues: true,
  required: true,
});

const indexedText = (name: string): G.ColumnDefinition => ({
  name,
  text: { maxLength: KEY_LENGTH },
  indexed: true,
});

/** Instants are stored in UTC; SharePoint answers them as `yyyy-MM-ddTHH:mm:ssZ`. */
const indexedInstant = (name: string): G.ColumnDefinition => ({
  name,
  dateTime: { format: 'dateTime' },
  indexed: true,
});

/**
 * Calendar dates (no time). SharePoint keeps them at midnight in the site's time zone, so readers
 * take only the date part and never convert them.
 */
const indexedDate = (name: string): G.ColumnDefinition => ({
  name,
  dateTime: { format: 'dateOnly' },
  indexed: true,
});

/** A single line of text nothing filters on, so it spends none of the list's 20 indexes. */
const plainText = (name: string): G.ColumnDefinition => ({
  name,
  text: { maxLength: KEY_LENGTH },
});

/** Multi-line columns cannot be indexed, which is fine: nothing filters on the payload. */
const payload = (): G.ColumnDefinition => ({
  name: 'Payload',
  text: { allowMultipleLines: true, textType: 'plain' },
  required: true,
});

export const STORAGE_LISTS: readonly StorageListDefinition[] = [
  // ---- Team site: members read and write with their own tokens; SharePoint records who wrote.
  {
    // One item per meeting occurrence (or per series): purpose, agenda, roles, success metrics.
    // Key is the occurrence's iCalUId, or the series master's for a whole series.
    displayName: 'Expectations',
    site: 'team',
    description: "Rapport: a meeting's expectations, keyed by the meeting's iCalUId.",
    columns: [
      key(),
      indexedText('MeetingKey'),
      indexedInstant('StartUtc'),
      indexedText('OrganizerId'),
      indexedText('SeriesKey'),
      // Set while the record belongs to a meeting still unsent in Outlook (issue 9): DraftOf is the
      // organizer's id, the one filter of their client's sweep, DraftEventId the draft's event id
      // in their calendar. A draft discarded unsent is gone from it, and so its record is deleted;
      // both are emptied once the meeting is seen sent. Outlook never tells an add-in either.
      indexedText('DraftOf'),
      plainText('DraftEventId'),
      payload(),
    ],
  },
  {
    // One item per deliverable, so "my deliverables across meetings" is one filter on OwnerId.
    // Status is text rather than a choice column: the statuses belong to the domain, and a choice
    // column would need a migration whenever the domain adds one.
    displayName: 'Deliverables',
    site: 'team',
    description: 'Rapport: deliverables agreed in meetings, with owner, due date and status.',
    columns: [
      key(),
      indexedText('MeetingKey'),
      indexedText('OwnerId'),
      indexedDate('DueDate'),
      indexedText('Status'),
      payload(),
    ],
  },
  {
    // Expectations templates a team saves for itself (purpose, outcome, agenda, metrics; no
    // people). Key is the template's UUID; TeamKey the team site's id, the one filter to list them.
    displayName: 'MeetingTemplates',
    site: 'team',
    description: "Rapport: the team's own meeting expectations templates.",
    columns: [key(), indexedText('TeamKey'), payload()],
  },
  {
    // Opt-in social ("coffee") programs a team lead runs: members, cadence, group size, co-leads.
    displayName: 'SocialPrograms',
    site: 'team',
    description: "Rapport: opt-in social programs run by the team's leads.",
    columns: [key(), indexedText('TeamKey'), payload()],
  },
  {
    // One item per program round: the groups formed and the slot booked for each.
    displayName: 'SocialRounds',
    site: 'team',
    description: 'Rapport: rounds of a social program, with their groups and booked slots.',
    columns: [key(), indexedText('ProgramKey'), indexedInstant('RoundStart'), payload()],
  },
  {
    // The team's resources and help routes, kept by its leads.
    displayName: 'TeamResources',
    site: 'team',
    description: "Rapport: the team's resources and where to get help.",
    columns: [key(), indexedText('TeamKey'), payload()],
  },
  {
    // Written meeting summaries, also posted to the meeting chat.
    displayName: 'Summaries',
    site: 'team',
    description: 'Rapport: written meeting summaries.',
    columns: [key(), indexedText('MeetingKey'), payload()],
  },

  // ---- Private site: no person has access; only the relay's app identity (Sites.Selected).
  {
    // Feedback polls: questions, attendee list, threshold, open/closed. Changed by the relay on
    // behalf of their creator only.
    displayName: 'Polls',
    site: 'private',
    description: 'Rapport relay: feedback polls.',
    columns: [key(), indexedText('MeetingKey'), indexedText('CreatorId'), payload()],
  },
  {
    // Answers. Deliberately no user id column and nothing finer than the day in the payload; the
    // Key is random, never derived from the person. (SharePoint's own Created/Modified stamps are
    // finer, but only the relay and tenant admins can read this site, and the relay never
    // releases them.) Named polls carry the respondent inside the payload, as people were told.
    displayName: 'Responses',
    site: 'private',
    description: 'Rapport relay: poll answers, without respondent ids for anonymous polls.',
    columns: [key(), indexedText('PollKey'), indexedText('Period'), payload()],
  },
  {
    // One item per (person, poll): Key is the relay's keyed hash of the pair, so the unique index
    // itself refuses a second answer, atomically. Kept apart from Responses so the two cannot be
    // joined by item.
    displayName: 'VoteKeys',
    site: 'private',
    description: 'Rapport relay: keyed hashes that stop a second answer.',
    columns: [key(), indexedText('PollKey'), payload()],
  },
  {
    // Published aggregates per poll (and period), with the respondent count at publish time, so
    // republishing waits for k new answers.
    displayName: 'Results',
    site: 'private',
    description: 'Rapport relay: published poll aggregates.',
    columns: [key(), indexedText('PollKey'), payload()],
  },
  {
    // Private weekly check-ins, visible only through the relay. Week is an ISO week (2026-W11).
    displayName: 'CheckIns',
    site: 'private',
    description: 'Rapport relay: private check-ins.',
    columns: [key(), indexedText('TeamKey'), indexedText('Week'), payload()],
  },
  {
    // "Did you meet?" answers after a social round; private so nobody is shamed for skipping.
    displayName: 'MeetAnswers',
    site: 'private',
    description: 'Rapport relay: "did you meet?" answers for social rounds.',
    columns: [key(), indexedText('RoundKey'), payload()],
  },
];

export function listsFor(site: StorageSite): StorageListDefinition[] {
  return STORAGE_LISTS.filter((l) => l.site === site);
}
