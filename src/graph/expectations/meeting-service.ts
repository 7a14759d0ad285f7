import type { Client } from '@microsoft/microsoft-graph-client';
import { renderInviteSection, type InviteWords } from '../../domain/expectations/invite-section';
import { TEAM_TEMPLATE_LIMITS, teamTemplateSchema } from '../../domain/expectations/team-templates';
import { mergeDeliverable, mergeExpectations } from '../../domain/expectations/merge';
import {
  deliverableSchema,
  fieldErrors,
  type Deliverable,
  type Expectations,
} from '../../domain/expectations/schema';
import type { MeetingRef, MeetingResolution } from '../../domain/meetings/meeting-ref';
import { wordsOf } from '../../domain/ports/graph-words';
import type { Person } from '../../domain/meetings/meeting';
import type {
  Attendee,
  DeliverableState,
  ExpectationsRecord,
  ExpectationsService,
  InviteOutcome,
  MeetingOpenResult,
  SaveOutcome,
  StatusOutcome,
  StoredVersion,
} from '../../domain/ports/expectations';
import { getMe, meetingPeople } from '../meetings/attendees';
import { resolveMeeting, resolveOwnEvent } from '../meetings/resolve-meeting';
import {
  expectationsRepository,
  type DraftMarker,
  type ExpectationsRead,
  type ItemVersion,
  type StoredDeliverable,
} from './expectations-repository';
import { sweepDraftRecords } from './draft-sweep';
import { syncInviteSection } from './invite-writer';
import { createTeamTemplate, listTeamTemplates } from './team-templates-store';

/**
 * The meeting tab's expectations over Graph: the team site's lists (the person's own token) and
 * the organizer's own event for the invite. Every write is conditional (If-Match) or keyed
 * (unique Key); a 412 is merged field by field, and only real conflicts reach the person.
 */

/** How many times a save re-reads and merges before giving the conflict to the person. */
const MERGE_ATTEMPTS = 3;

const versionOf = (v: ItemVersion): StoredVersion => ({
  itemId: v.itemId,
  etag: v.etag,
  ...(v.lastModifiedBy ? { lastModifiedBy: v.lastModifiedBy } : {}),
  ...(v.lastModifiedDateTime ? { lastModifiedDateTime: v.lastModifiedDateTime } : {}),
});

const recordOf = (read: ExpectationsRead): ExpectationsRecord | undefined =>
  read.kind === 'found' ? { expectations: read.expectations, version: versionOf(read) } : undefined;

const stateOf = (item: StoredDeliverable): DeliverableState => ({
  meetingKey: item.meetingKey,
  deliverable: item.deliverable,
  version: versionOf(item),
  ...(item.statusSetBy === undefined ? {} : { statusSetBy: item.statusSetBy }),
  ...(item.meetingSubject === undefined ? {} : { meetingSubject: item.meetingSubject }),
  ...(item.helpAsked === undefined ? {} : { helpAsked: item.helpAsked }),
});

/** SharePoint's single line of text; an event id longer than that cannot mark its record. */
const MAX_DRAFT_EVENT_ID_LENGTH = 255;

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

const sameStatus = (a: Deliverable, b: Deliverable): boolean =>
  a.status === b.status &&
  ('obstacle' in a ? a.obstacle : undefined) === ('obstacle' in b ? b.obstacle : undefined);

/**
 * Puts an invite section (or '' to remove it) into the meeting's body, keeping the rest.
 * 'inForm' when it went into a meeting being composed, which attendees get when it is sent.
 */
export type InviteSectionWriter = (
  eventId: string,
  sectionHtml: string,
) => Promise<'updated' | 'unchanged' | 'inForm'>;

export interface ExpectationsServiceOptions {
  siteId: string;
  /**
   * Where the invite is written. By default the organizer's event through Graph; the Outlook
   * add-in writes into the compose form instead, since Outlook sends the form's body, not the
   * stored one.
   */
  writeInvite?: InviteSectionWriter;
}

export function graphExpectationsService(
  client: Client,
  options: ExpectationsServiceOptions,
): ExpectationsService {
  const repo = expectationsRepository(client, { siteId: options.siteId });
  const writeInvite: InviteSectionWriter =
    options.writeInvite ?? ((eventId, section) => syncInviteSection(client, eventId, section));
  let mePromise: Promise<Person> | undefined;
  const me = (): Promise<Person> => {
    mePromise ??= getMe(client);
    mePromise.catch(() => (mePromise = undefined));
    return mePromise;
  };

  /**
   * Brings the Deliverables list in line with a saved record: new ones created, changed ones
   * updated, removed ones deleted. Status and obstacle are the owners': they are kept from the
   * item unless this save changed them relative to what the organizer loaded.
   */
  const syncDeliverables = async (
    saved: Expectations,
    base: Expectations | undefined,
    meetingSubject: string,
  ): Promise<void> => {
    const current = await repo.listMeetingDeliverables(saved.meetingKey);
    const byId = new Map(current.items.map((i) => [i.deliverable.id, i]));
    const baseById = new Map((base?.deliverables ?? []).map((d) => [d.id, d]));
    const next = saved.deliverables.map((d): Deliverable => {
      const item = byId.get(d.id);
      const loaded = baseById.get(d.id);
      if (!item || (loaded && !sameStatus(loaded, d))) return d;
      const { merged } = mergeDeliverable(loaded ?? item.deliverable, d, item.deliverable);
      // Organizer fields from this save; the owner's status from the item.
      return {
        ...merged,
        title: d.title,
        ownerId: d.ownerId,
        due: d.due,
      };
    });
    await repo.upsertDeliverables(saved.meetingKey, next, { meetingSubject });
    const kept = new Set(saved.deliverables.map((d) => d.id));
    const removed = current.items.map((i) => i.deliverable.id).filter((id) => !kept.has(id));
    if (removed.length > 0) await repo.deleteDeliverables(saved.meetingKey, removed);
  };

  const syncInvite = async (
    meeting: MeetingRef,
    expectations: Expectations,
    attendees: readonly Attendee[],
    words?: InviteWords,
  ): Promise<InviteOutcome> => {
    if (!meeting.isOrganizer) return 'notOrganizer';
    const names = new Map(attendees.flatMap((a) => (a.id ? [[a.id, a.name] as const] : [])));
    const section = renderInviteSection(expectations, (id) => names.get(id), words);
    // A series-level record belongs in the series' invite, an occurrence's in that occurrence.
    const seriesLevel =
      meeting.seriesKey !== undefined && expectations.meetingKey === meeting.seriesKey;
    const eventId =
      seriesLevel && meeting.seriesMasterId ? meeting.seriesMasterId : meeting.eventId;
    try {
      return await writeInvite(eventId, section);
    } catch (err) {
      const reason = wordsOf(err);
      return {
        failed: `Saved, but the invite could not be updated: ${messageOf(err)}`,
        words: {
          code: 'inviteNotUpdated',
          detail: messageOf(err),
          ...(reason === undefined ? {} : { reason }),
        },
      };
    }
  };

  /** Empties a sent meeting's draft marker; the read with the new ETag, or as it was on failure. */
  const unmarkSent = async (read: ExpectationsRead): Promise<ExpectationsRead> => {
    if (read.kind !== 'found' || read.draft === undefined) return read;
    const etag = await repo.clearDraft(read).catch(() => undefined);
    if (etag === undefined) return read;
    const { draft: _cleared, ...rest } = read;
    return { ...rest, etag };
  };

  const load = async (resolution: MeetingResolution): Promise<MeetingOpenResult> => {
    if (resolution.kind === 'notFound') {
      const { message, words } = resolution;
      return { kind: 'notFound', message, ...(words === undefined ? {} : { words }) };
    }
    const { meeting } = resolution;
    const [person, attendees, occurrenceStored, seriesStored] = await Promise.all([
      me(),
      meetingPeople(client, meeting.eventId),
      repo.getExpectations(meeting.iCalUId),
      meeting.seriesKey === undefined
        ? Promise.resolve<ExpectationsRead>({ kind: 'missing' })
        : repo.getExpectations(meeting.seriesKey),
    ]);
    // A record saved while the meeting was an Outlook draft stops being one once the meeting is
    // seen sent, by whoever opens it (the organizer's sweep does the same from their side).
    const [occurrence, series] =
      meeting.isDraft === true
        ? [occurrenceStored, seriesStored]
        : await Promise.all([unmarkSent(occurrenceStored), unmarkSent(seriesStored)]);
    const occurrenceRecord = recordOf(occurrence);
    const seriesRecord = recordOf(series);
    const invalidRead = [occurrence, series].find((r) => r.kind === 'invalid');
    const effective = occurrenceRecord ?? seriesRecord;
    const deliverables: Record<string, DeliverableState> = {};
    if (effective) {
      const items = await repo.listMeetingDeliverables(effective.expectations.meetingKey);
      for (const item of items.items) deliverables[item.deliverable.id] = stateOf(item);
      // Deliverables saved while the meeting was an Outlook draft get their items (which owners'
      // Home lists) from whoever opens it first once it is sent. Keyed, so two at once make one.
      const missing = effective.expectations.deliverables.filter((d) => !deliverables[d.id]);
      if (missing.length > 0 && meeting.isDraft !== true) {
        const created = await repo
          .upsertDeliverables(effective.expectations.meetingKey, missing, {
            meetingSubject: meeting.subject,
          })
          // Someone who may not write the list still sees the meeting; the next one writes it.
          .catch(() => []);
        for (const result of created) {
          if (result.kind === 'saved' || result.kind === 'unchanged') {
            deliverables[result.item.deliverable.id] = stateOf(result.item);
          }
        }
      }
    }
    return {
      kind: 'found',
      data: {
        meeting,
        me: person,
        attendees,
        organizerIds: attendees.flatMap((a) => (a.isOrganizer && a.id ? [a.id] : [])),
        ...(occurrenceRecord ? { occurrence: occurrenceRecord } : {}),
        ...(seriesRecord ? { series: seriesRecord } : {}),
        ...(invalidRead?.kind === 'invalid'
          ? {
              invalid: {
                version: versionOf(invalidRead),
                errors: invalidRead.errors,
                ...(invalidRead.issues === undefined ? {} : { issues: invalidRead.issues }),
                ...(invalidRead.words === undefined ? {} : { words: invalidRead.words }),
                scope: invalidRead === occurrence ? 'occurrence' : 'series',
              },
            }
          : {}),
        deliverables,
      },
    };
  };

  return {
    openMeeting: async (chatId, now) => load(await resolveMeeting(client, chatId, now)),
    openMeetingByEvent: async (eventId) => load(await resolveOwnEvent(client, eventId)),

    async save(request): Promise<SaveOutcome> {
      const { meeting, attendees } = request;
      // Marked while the meeting is an unsent Outlook draft, which only its organizer sees; the
      // marker lets their sweep delete the record should the draft be discarded.
      const draftEventId =
        request.scope === 'series' && meeting.seriesMasterId
          ? meeting.seriesMasterId
          : meeting.eventId;
      const draft: DraftMarker | undefined =
        meeting.isDraft === true &&
        meeting.isOrganizer &&
        draftEventId.length <= MAX_DRAFT_EVENT_ID_LENGTH
          ? { organizerId: (await me()).id, eventId: draftEventId }
          : undefined;
      const columns = {
        ...(request.scope === 'occurrence' ? { startUtc: meeting.start } : {}),
        ...(request.attendees.find((a) => a.isOrganizer)?.id
          ? { organizerId: request.attendees.find((a) => a.isOrganizer)?.id ?? '' }
          : {}),
        ...(draft ? { draft } : {}),
      };
      let base = request.base;
      let mine = request.expectations;
      let merged = false;
      for (let attempt = 0; ; attempt++) {
        const result = await repo.saveExpectations(mine, base?.version, columns);
        if (result.kind === 'invalid') return result;
        if (result.kind === 'saved') {
          const record: ExpectationsRecord = {
            expectations: result.expectations,
            version: versionOf(result),
          };
          // A draft may be discarded unsent: its deliverables get their own items (which owners'
          // Home lists) once it is sent, at the next save or an owner's first status change.
          if (meeting.isDraft !== true) {
            await syncDeliverables(
              result.expectations,
              request.base?.expectations,
              meeting.subject,
            );
          }
          const invite = await syncInvite(
            meeting,
            result.expectations,
            attendees,
            request.inviteWords,
          );
          return { kind: 'saved', record, merged, invite };
        }
        const theirs = recordOf(result.current);
        if (result.current.kind === 'invalid') {
          return {
            kind: 'invalid',
            errors: {
              '': [
                'The stored expectations were changed outside Rapport and no longer read correctly; reload the tab to see them.',
              ],
            },
            words: { code: 'storedExpectationsChanged' },
          };
        }
        if (theirs === undefined) {
          // Deleted meanwhile: create it again from what the person is saving.
          base = undefined;
          continue;
        }
        const merge = mergeExpectations(base?.expectations, mine, theirs.expectations);
        if (merge.conflicts.length > 0 || attempt + 1 >= MERGE_ATTEMPTS) {
          return { kind: 'conflict', theirs, merged: merge.merged, conflicts: merge.conflicts };
        }
        base = theirs;
        mine = merge.merged;
        merged = true;
      }
    },

    async setStatus({ state, status, obstacle }): Promise<StatusOutcome> {
      const parsed = deliverableSchema.safeParse({
        ...state.deliverable,
        status,
        obstacle: obstacle ?? '',
      });
      if (!parsed.success) return { kind: 'invalid', errors: fieldErrors(parsed.error) };
      const person = await me();
      let mine = parsed.data;
      let current: DeliverableState = state;
      for (let attempt = 0; attempt < MERGE_ATTEMPTS; attempt++) {
        if (current.version === undefined) {
          // The item was never written (an older record): create it with the owner's status.
          const [result] = await repo.upsertDeliverables(current.meetingKey, [mine], {
            statusSetBy: person.id,
            ...(current.meetingSubject === undefined
              ? {}
              : { meetingSubject: current.meetingSubject }),
          });
          if (result?.kind === 'saved' || result?.kind === 'unchanged') {
            return { kind: 'saved', state: stateOf(result.item) };
          }
          return {
            kind: 'invalid',
            errors: { '': ['The deliverable could not be saved.'] },
            words: { code: 'deliverableNotSaved' },
          };
        }
        const stored: StoredDeliverable = {
          kind: 'found',
          meetingKey: current.meetingKey,
          deliverable: current.deliverable,
          ...(current.meetingSubject === undefined
            ? {}
            : { meetingSubject: current.meetingSubject }),
          ...(current.helpAsked === undefined ? {} : { helpAsked: current.helpAsked }),
          ...current.version,
        };
        const result = await repo.updateDeliverable(stored, mine, { statusSetBy: person.id });
        if (result.kind === 'saved') return { kind: 'saved', state: stateOf(result.item) };
        if (result.current?.kind !== 'found') {
          return {
            kind: 'invalid',
            errors: { '': ['This deliverable was removed or damaged meanwhile; reload the tab.'] },
            words: { code: 'deliverableGone' },
          };
        }
        const theirs = stateOf(result.current);
        const merge = mergeDeliverable(state.deliverable, mine, theirs.deliverable);
        if (merge.conflicts.length > 0) return { kind: 'conflict', theirs };
        mine = merge.merged;
        current = theirs;
      }
      return { kind: 'conflict', theirs: current };
    },

    syncInvite,

    sweepDrafts: async () => sweepDraftRecords(client, repo, (await me()).id),

    teamTemplates: () => listTeamTemplates(client, options.siteId),

    async saveTeamTemplate(template) {
      const parsed = teamTemplateSchema.safeParse(template);
      if (!parsed.success) return { kind: 'invalid', errors: fieldErrors(parsed.error) };
      const { templates } = await listTeamTemplates(client, options.siteId);
      if (templates.some((t) => t.id === parsed.data.id)) {
        return { kind: 'saved', template: parsed.data };
      }
      const name = parsed.data.name.toLowerCase();
      if (templates.some((t) => t.name.toLowerCase() === name)) {
        return {
          kind: 'invalid',
          errors: { name: [`Your team already has a template called “${parsed.data.name}”.`] },
          words: { code: 'templateNameTaken', name: parsed.data.name },
        };
      }
      if (templates.length >= TEAM_TEMPLATE_LIMITS.maxCount) {
        return {
          kind: 'invalid',
          errors: {
            name: [
              `Your team has ${String(TEAM_TEMPLATE_LIMITS.maxCount)} templates, the most it can keep.`,
            ],
          },
          words: { code: 'templatesFull', max: TEAM_TEMPLATE_LIMITS.maxCount },
        };
      }
      await createTeamTemplate(client, options.siteId, parsed.data);
      return { kind: 'saved', template: parsed.data };
    },
  };
}
