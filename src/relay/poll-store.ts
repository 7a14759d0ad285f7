import type { Client } from '@microsoft/microsoft-graph-client';
import type * as G from '@microsoft/microsoft-graph-types';
import type { z } from 'zod';
import type { Aggregate } from '../domain/feedback/aggregate';
import {
  FEEDBACK_SCHEMA_VERSION,
  storedPollSchema,
  storedResponseSchema,
  type StoredPoll,
  type StoredResponse,
} from '../domain/feedback/schema';
import {
  createItem,
  deleteItem,
  literal,
  parsePayload,
  queryItems,
  statusOf,
  storageKey,
  updateItemFields,
} from '../graph/expectations/expectations-repository';
import { storedMetAnswerSchema, type StoredMetAnswer } from '../domain/social/met';
import { publishedSchema, voteKeySchema, type Published } from './stored-shapes';

/**
 * The private site's lists as the relay uses them, through Graph with its app-only token. Every
 * create relies on the list's unique Key: a retried write (after a dropped connection or a 429)
 * answers 409 instead of making a second item, and callers decide what that 409 means.
 */

const LISTS = {
  polls: 'Polls',
  responses: 'Responses',
  voteKeys: 'VoteKeys',
  results: 'Results',
  meetAnswers: 'MeetAnswers',
} as const;

export interface PollRecord {
  poll: StoredPoll;
  itemId: string;
  etag: string;
}

export type Created = 'created' | 'exists';

export class PollStore {
  constructor(
    private readonly client: Client,
    private readonly siteId: string,
  ) {}

  private query(list: string, filter: string): Promise<G.ListItem[]> {
    return queryItems(this.client, this.siteId, list, { filter });
  }

  /** Creates an item; a 409 (the Key is taken, maybe by our own retried write) is 'exists'. */
  private async create(list: string, fields: Record<string, unknown>): Promise<Created> {
    try {
      await createItem(this.client, this.siteId, list, fields);
      return 'created';
    } catch (err) {
      if (statusOf(err) === 409) return 'exists';
      throw err;
    }
  }

  private payloads<T>(items: readonly G.ListItem[], schema: z.ZodType<T>): T[] {
    return items.flatMap((item) => {
      const parsed = parsePayload(item, schema);
      // The private site is written by the relay alone; an unreadable item is skipped, not served.
      return parsed.kind === 'ok' ? [parsed.value] : [];
    });
  }

  // ---- Polls

  async createPoll(poll: StoredPoll): Promise<Created> {
    return this.create(LISTS.polls, {
      Key: poll.id,
      MeetingKey: await storageKey(poll.meetingKey),
      CreatorId: poll.creatorId,
      Payload: JSON.stringify(poll),
    });
  }

  private record(item: G.ListItem): PollRecord | undefined {
    const parsed = parsePayload(item, storedPollSchema);
    if (parsed.kind !== 'ok') return undefined;
    return { poll: parsed.value, itemId: item.id ?? '', etag: item.eTag ?? '' };
  }

  async getPoll(pollId: string): Promise<PollRecord | undefined> {
    const items = await this.query(LISTS.polls, `fields/Key eq ${literal(pollId)}`);
    for (const item of items) {
      const rec = this.record(item);
      if (rec?.poll.id === pollId) return rec;
    }
    return undefined;
  }

  async pollsForMeetings(meetingKeys: readonly string[]): Promise<PollRecord[]> {
    const out: PollRecord[] = [];
    const wanted = new Set(meetingKeys);
    // Short `or` chains: SharePoint's filter length has limits.
    for (let i = 0; i < meetingKeys.length; i += 10) {
      const keys = await Promise.all(meetingKeys.slice(i, i + 10).map((k) => storageKey(k)));
      const filter = keys.map((k) => `fields/MeetingKey eq ${literal(k)}`).join(' or ');
      for (const item of await this.query(LISTS.polls, filter)) {
        const rec = this.record(item);
        if (rec && wanted.has(rec.poll.meetingKey)) out.push(rec);
      }
    }
    return out;
  }

  /** Every poll one person created (a series' occurrences are found among them). */
  async pollsByCreator(creatorId: string): Promise<PollRecord[]> {
    const items = await this.query(LISTS.polls, `fields/CreatorId eq ${literal(creatorId)}`);
    return items.flatMap((item) => {
      const rec = this.record(item);
      return rec?.poll.creatorId === creatorId ? [rec] : [];
    });
  }

  /** Writes the poll over the stored one if it is unchanged (If-Match); 'stale' otherwise. */
  async updatePoll(record: PollRecord, poll: StoredPoll): Promise<{ etag: string } | 'stale'> {
    try {
      return await updateItemFields(
        this.client,
        this.siteId,
        LISTS.polls,
        record.itemId,
        record.etag,
        {
          Payload: JSON.stringify(poll),
        },
      );
    } catch (err) {
      if (statusOf(err) === 412) return 'stale';
      throw err;
    }
  }

  // ---- Votes and answers

  /** Takes the (person, poll) vote key; 'exists' with the stored submission's tag if taken. */
  async takeVoteKey(
    pollId: string,
    voterKey: string,
    submissionTag: string,
  ): Promise<{ kind: 'created' } | { kind: 'exists'; submissionTag?: string }> {
    const payload = { schemaVersion: FEEDBACK_SCHEMA_VERSION, pollId, submissionTag };
    const created = await this.create(LISTS.voteKeys, {
      Key: voterKey,
      PollKey: pollId,
      Payload: JSON.stringify(payload),
    });
    if (created === 'created') return { kind: 'created' };
    const stored = await this.voteKey(voterKey);
    return { kind: 'exists', ...(stored ? { submissionTag: stored.submissionTag } : {}) };
  }

  private async voteKeyItem(voterKey: string): Promise<G.ListItem | undefined> {
    const items = await this.query(LISTS.voteKeys, `fields/Key eq ${literal(voterKey)}`);
    return items[0];
  }

  private async voteKey(voterKey: string): Promise<z.output<typeof voteKeySchema> | undefined> {
    const item = await this.voteKeyItem(voterKey);
    return item ? this.payloads([item], voteKeySchema)[0] : undefined;
  }

  async hasVoted(voterKey: string): Promise<boolean> {
    return (await this.voteKeyItem(voterKey)) !== undefined;
  }

  /** Gives a vote key back after the answer could not be stored, so the person can try again. */
  async releaseVoteKey(voterKey: string): Promise<void> {
    const item = await this.voteKeyItem(voterKey);
    if (item?.id) await deleteItem(this.client, this.siteId, LISTS.voteKeys, item.id);
  }

  /** Stores an answer under the submission's id: a repeat of the same submission is 'exists'. */
  async addResponse(
    submissionId: string,
    response: StoredResponse,
    period: string,
  ): Promise<Created> {
    return this.create(LISTS.responses, {
      Key: submissionId,
      PollKey: response.pollId,
      Period: period,
      Payload: JSON.stringify(response),
    });
  }

  async hasResponse(pollId: string, submissionId: string): Promise<boolean> {
    const items = await this.query(LISTS.responses, `fields/Key eq ${literal(submissionId)}`);
    return this.payloads(items, storedResponseSchema).some((r) => r.pollId === pollId);
  }

  async responses(pollId: string): Promise<StoredResponse[]> {
    const items = await this.query(LISTS.responses, `fields/PollKey eq ${literal(pollId)}`);
    return this.payloads(items, storedResponseSchema).filter((r) => r.pollId === pollId);
  }

  // ---- Published results

  async latestPublished(pollId: string): Promise<Published | undefined> {
    const items = await this.query(LISTS.results, `fields/PollKey eq ${literal(pollId)}`);
    const all = this.payloads(items, publishedSchema).filter((p) => p.pollId === pollId);
    return all.sort((a, b) => b.generation - a.generation)[0];
  }

  /**
   * Publishes generation n: the Key `${pollId}:${n}` is unique, so two relays publishing at once
   * cannot both land (and so cannot leave two results fewer than k apart).
   */
  async publish(
    pollId: string,
    generation: number,
    day: string,
    aggregate: Aggregate,
  ): Promise<Created> {
    const published: Published = {
      schemaVersion: FEEDBACK_SCHEMA_VERSION,
      pollId,
      generation,
      publishedAt: day,
      ...aggregate,
    };
    return this.create(LISTS.results, {
      Key: `${pollId}:${String(generation)}`,
      PollKey: pollId,
      Payload: JSON.stringify(published),
    });
  }

  // ---- "Did you meet?" answers after coffee rounds

  /** One answer, keyed by its submission so a retried write makes no second one. */
  async addMetAnswer(submissionId: string, answer: StoredMetAnswer): Promise<Created> {
    return this.create(LISTS.meetAnswers, {
      Key: submissionId,
      RoundKey: answer.roundKey,
      Payload: JSON.stringify(storedMetAnswerSchema.parse(answer)),
    });
  }

  async hasMetAnswer(submissionId: string): Promise<boolean> {
    const items = await this.query(LISTS.meetAnswers, `fields/Key eq ${literal(submissionId)}`);
    return items.length > 0;
  }

  /** The answers for these rounds, in the order they were stored (item ids only grow). */
  async metAnswers(roundKeys: readonly string[]): Promise<StoredMetAnswer[]> {
    const items: G.ListItem[] = [];
    for (let i = 0; i < roundKeys.length; i += 10) {
      const filter = roundKeys
        .slice(i, i + 10)
        .map((k) => `fields/RoundKey eq ${literal(k)}`)
        .join(' or ');
      items.push(...(await this.query(LISTS.meetAnswers, filter)));
    }
    items.sort((a, b) => Number(a.id ?? 0) - Number(b.id ?? 0));
    const wanted = new Set(roundKeys);
    return this.payloads(items, storedMetAnswerSchema).filter((a) => wanted.has(a.roundKey));
  }
}
