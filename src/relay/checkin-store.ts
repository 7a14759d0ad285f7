import type { Client } from '@microsoft/microsoft-graph-client';
import type * as G from '@microsoft/microsoft-graph-types';
import type { z } from 'zod';
import {
  createItem,
  literal,
  parsePayload,
  queryItems,
  statusOf,
  storageKey,
  updateItemFields,
} from '../graph/expectations/expectations-repository';
import {
  storedCheckInAnswerSchema,
  storedCheckInConfigSchema,
  type StoredCheckInAnswer,
  type StoredCheckInConfig,
} from './stored-shapes';

/**
 * The private site's `CheckIns` list as the relay uses it: one config item per team (Week
 * `config`) and one answer item per person, team and week. Both are keyed (the list's Key is
 * unique), so a create retried after a dropped connection answers 409 instead of making a second
 * item, and every change is a PATCH with `If-Match`, so two writers never overwrite each other
 * unseen.
 */
const LIST = 'CheckIns';
const CONFIG_WEEK = 'config';

export interface Stored<T> {
  value: T;
  itemId: string;
  etag: string;
}

export type Written = 'written' | 'stale';

export class CheckInStore {
  constructor(
    private readonly client: Client,
    private readonly siteId: string,
  ) {}

  private async byKey<T>(key: string, schema: z.ZodType<T>): Promise<Stored<T> | undefined> {
    const items = await queryItems(this.client, this.siteId, LIST, {
      filter: `fields/Key eq ${literal(key)}`,
    });
    for (const item of items) {
      const parsed = parsePayload(item, schema);
      if (parsed.kind === 'ok') {
        return { value: parsed.value, itemId: item.id ?? '', etag: item.eTag ?? '' };
      }
    }
    return undefined;
  }

  /** Creates under a unique Key; 'stale' when the Key is taken (by someone, or our own retry). */
  private async create(key: string, teamKey: string, week: string, payload: unknown) {
    try {
      await createItem(this.client, this.siteId, LIST, {
        Key: key,
        TeamKey: teamKey,
        Week: week,
        Payload: JSON.stringify(payload),
      });
      return 'written' as const;
    } catch (err) {
      if (statusOf(err) === 409) return 'stale' as const;
      throw err;
    }
  }

  private async update(stored: Stored<unknown>, payload: unknown): Promise<Written> {
    try {
      await updateItemFields(this.client, this.siteId, LIST, stored.itemId, stored.etag, {
        Payload: JSON.stringify(payload),
      });
      return 'written';
    } catch (err) {
      if (statusOf(err) === 412) return 'stale';
      throw err;
    }
  }

  private static configKey = (teamKey: string) => storageKey(`checkin-config:${teamKey}`);

  // ---- The team's config

  async config(teamKey: string): Promise<Stored<StoredCheckInConfig> | undefined> {
    const found = await this.byKey(
      await CheckInStore.configKey(teamKey),
      storedCheckInConfigSchema,
    );
    return found?.value.teamKey === teamKey ? found : undefined;
  }

  /**
   * Writes the config: a create when there is none, else over `current` with `If-Match`.
   * 'stale' means someone else wrote it first: read it again and decide.
   */
  async writeConfig(
    current: Stored<StoredCheckInConfig> | undefined,
    config: StoredCheckInConfig,
  ): Promise<Written> {
    const payload = storedCheckInConfigSchema.parse(config);
    if (current) return this.update(current, payload);
    const key = await CheckInStore.configKey(config.teamKey);
    return this.create(key, config.teamKey, CONFIG_WEEK, payload);
  }

  // ---- Answers

  async answer(key: string): Promise<Stored<StoredCheckInAnswer> | undefined> {
    return this.byKey(key, storedCheckInAnswerSchema);
  }

  /**
   * Stores a person's answer for the week under its key: the first one creates the item, a later
   * one replaces it. Retries after a lost reply find the item already as wanted and stop there.
   */
  async putAnswer(key: string, answer: StoredCheckInAnswer): Promise<void> {
    const payload = storedCheckInAnswerSchema.parse(answer);
    for (let attempt = 0; attempt < 4; attempt++) {
      const current = await this.answer(key);
      if (current && JSON.stringify(current.value) === JSON.stringify(payload)) return;
      const written = current
        ? await this.update(current, payload)
        : await this.create(key, answer.teamKey, answer.week, payload);
      if (written === 'written') return;
    }
    throw new Error('The check-in answer kept changing while it was written.');
  }

  /** Every answer the team has stored, any week (for the people a lead may hand over to). */
  async allAnswers(teamKey: string): Promise<StoredCheckInAnswer[]> {
    const items = await queryItems(this.client, this.siteId, LIST, {
      filter: `fields/TeamKey eq ${literal(teamKey)}`,
    });
    return this.answers(items).filter((a) => a.teamKey === teamKey);
  }

  private answers(items: readonly G.ListItem[]): StoredCheckInAnswer[] {
    return items.flatMap((item) => {
      // The config item shares the list; it fails the answer schema and is skipped here.
      const parsed = parsePayload(item, storedCheckInAnswerSchema);
      return parsed.kind === 'ok' ? [parsed.value] : [];
    });
  }
}
