import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { renderChatPost } from '../../domain/chat/chat-post';
import type { DeliverableState } from '../../domain/ports/expectations';
import { ChatPostError } from '../../domain/ports/meeting-chat';
import type { StoredSummary, SummaryRead, SummaryService } from '../../domain/ports/summaries';
import { checkSummary, summaryChatDraft } from '../../domain/summaries/build-summary';
import { SUMMARY_SCHEMA_VERSION, type SummaryRecord } from '../../domain/summaries/summary-schema';
import { updateChatMessage } from '../chat/chat-message-edit';
import { graphMeetingChat } from '../chat/meeting-chat-service';
import type { PostOnceOptions } from '../chat/post-once';
import { expectationsRepository } from '../expectations/expectations-repository';
import { summariesRepository } from './summaries-repository';

/**
 * Summaries over Graph. The order is what makes a summary land once: the record is written
 * first (so the organizer's words are kept whatever happens to the post), the message carries the
 * marker of `summary:<iCalUId>` and is posted through `postOnce` (which looks for the marker
 * before every post), and only then is the message's id written back. Any failure leaves a state
 * the next call finishes from: a record without a message id makes it look for the marker again.
 */

/** Sorted-key JSON, to tell our own write that already landed from someone else's. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );

/** Exchange allows what the record's single line does not (tabs, say); the chat shows a line. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]+/g;
const plainSubject = (subject: string): string =>
  subject.replace(CONTROL_CHARACTERS, ' ').trim().slice(0, 255);

const sameContent = (read: SummaryRead, record: SummaryRecord): boolean =>
  read.kind === 'found' && canonical(read.record.content) === canonical(record.content);

function editError(err: unknown): unknown {
  if (!(err instanceof GraphError)) return err;
  if (err.statusCode === 403) {
    return new ChatPostError(
      'forbidden',
      'You cannot change the summary message: only the person who posted it can, and your organization must let Rapport edit chat messages for you.',
      403,
      { cause: err, words: { code: 'summaryEditForbidden' } },
    );
  }
  if (err.statusCode === 429 || err.statusCode >= 500 || err.statusCode <= 0) {
    return new ChatPostError(
      'unavailable',
      'Teams is busy or could not be reached, so the message was not updated. The summary is saved; try again in a moment.',
      err.statusCode > 0 ? err.statusCode : undefined,
      { cause: err, words: { code: 'summaryEditUnavailable' } },
    );
  }
  return err;
}

export interface SummaryServiceOptions extends PostOnceOptions {
  siteId: string;
}

export function graphSummaryService(
  client: Client,
  options: SummaryServiceOptions,
): SummaryService {
  const repo = summariesRepository(client, options.siteId);
  const expectations = expectationsRepository(client, { siteId: options.siteId });
  const chat = graphMeetingChat(client, options);

  /** Writes the record; undefined when someone else's version stands in the way. */
  const writeRecord = async (
    record: SummaryRecord,
    version: { itemId: string; etag: string } | undefined,
  ): Promise<StoredSummary | { conflict: SummaryRead }> => {
    const written = await repo.write(record, version);
    if (written.kind === 'saved') {
      return { record, version: { itemId: written.itemId, etag: written.etag } };
    }
    // Our own earlier attempt that landed (a retried create or update) is not a conflict.
    if (written.current.kind === 'found' && sameContent(written.current, record)) {
      return { record: written.current.record, version: written.current.version };
    }
    return { conflict: written.current };
  };

  const post: SummaryService['post'] = async ({ meeting, chatId, content, base, words }) => {
    const checked = checkSummary(content, words);
    if (checked.kind === 'invalid') return checked;
    const record: SummaryRecord = {
      schemaVersion: SUMMARY_SCHEMA_VERSION,
      meetingKey: meeting.iCalUId,
      ...(meeting.seriesKey === undefined ? {} : { seriesKey: meeting.seriesKey }),
      subject: plainSubject(meeting.subject),
      chatId,
      content: checked.content,
      ...(base?.record.postedMessageId === undefined
        ? {}
        : { postedMessageId: base.record.postedMessageId }),
    };
    const saved = await writeRecord(record, base?.version);
    if ('conflict' in saved) return { kind: 'conflict', current: saved.conflict };

    const message = renderChatPost(
      summaryChatDraft(meeting.iCalUId, record.subject, record.content, words),
    );
    let messageId = saved.record.postedMessageId;
    let how: 'posted' | 'updated' = 'updated';
    if (messageId !== undefined) {
      try {
        await updateChatMessage(client, chatId, messageId, message.html);
      } catch (err) {
        // The message was deleted in Teams: post the summary afresh.
        if (!(err instanceof GraphError && err.statusCode === 404)) throw editError(err);
        messageId = undefined;
      }
    }
    if (messageId === undefined) {
      const result = await chat.postOnce(chatId, message);
      messageId = result.messageId;
      if (result.outcome === 'alreadyPosted') {
        // An earlier attempt posted it, possibly with other words: bring it up to date.
        await updateChatMessage(client, chatId, messageId, message.html).catch((err: unknown) => {
          throw editError(err);
        });
      } else {
        how = 'posted';
      }
    }
    if (messageId === saved.record.postedMessageId) {
      return { kind: 'posted', summary: saved, message: how };
    }
    const withId: SummaryRecord = { ...saved.record, postedMessageId: messageId };
    const final = await writeRecord(withId, saved.version).catch((err: unknown) => {
      throw new ChatPostError(
        'unavailable',
        'The summary is in the meeting chat, but Rapport could not note that in the team site. Try again: it finds the message instead of posting another.',
        undefined,
        { cause: err, words: { code: 'summaryNotNoted' } },
      );
    });
    if ('conflict' in final) return { kind: 'conflict', current: final.conflict };
    return { kind: 'posted', summary: final, message: how };
  };

  return {
    get: (meetingKey) => repo.get(meetingKey),
    post,
    async lastOccurrence(meeting) {
      if (meeting.seriesKey === undefined) return undefined;
      const last = await repo.lastOccurrence(
        meeting.seriesKey,
        new Date(meeting.start).toISOString(),
      );
      if (last === undefined) return undefined;
      const { items } = await expectations.listMeetingDeliverables(last.expectations.meetingKey);
      if (items.length === 0) return undefined;
      const deliverables = items.map((i): DeliverableState => ({
        meetingKey: i.meetingKey,
        deliverable: i.deliverable,
        version: { itemId: i.itemId, etag: i.etag },
        ...(i.meetingSubject === undefined ? {} : { meetingSubject: i.meetingSubject }),
      }));
      return { meetingKey: last.expectations.meetingKey, start: last.start, deliverables };
    },
  };
}
