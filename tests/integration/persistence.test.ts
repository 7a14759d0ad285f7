import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITES } from '../../src/local/tenant/seed/directory';
import { startTestTenant } from '../support/local-tenant';

const ana = 'ana@rapportdemo.onmicrosoft.com';

describe('persistence', () => {
  it('keeps data in one file across a restart, and reset starts over', async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'rapport-persist-')), 'tenant.json');
    const port = 40_000 + Math.floor(Math.random() * 10_000);
    const first = await startTestTenant({ dataFile, port });
    const created = await first.graph(ana, 'POST', '/me/events', {
      subject: 'Survives a restart',
      start: { dateTime: '2026-03-13T09:00:00', timeZone: 'UTC' },
      end: { dateTime: '2026-03-13T09:30:00', timeZone: 'UTC' },
    });
    expect(created.status).toBe(201);
    const token = await first.token(ana);
    await first.stop();
    expect(existsSync(dataFile)).toBe(true);
    expect(readFileSync(dataFile, 'utf8')).toContain('Survives a restart');

    const second = await startTestTenant({ dataFile, port });
    try {
      // Same keys and issuer: a token from before the restart still works.
      const res = await fetch(`${second.url}/v1.0/me/events/${created.body.id as string}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { subject: string }).subject).toBe('Survives a restart');

      await fetch(`${second.url}/_local/reset`, { method: 'POST' });
      expect(
        (await second.graph(ana, 'GET', `/me/events/${created.body.id as string}`)).status,
      ).toBe(404);
      expect(readFileSync(dataFile, 'utf8')).not.toContain('Survives a restart');
    } finally {
      await second.stop();
    }
  });

  it('adds lists defined since the data file was seeded, and keeps their items', async () => {
    const dataFile = join(mkdtempSync(join(tmpdir(), 'rapport-persist-')), 'tenant.json');
    const first = await startTestTenant({ dataFile });
    await first.stop();
    // A data file from before the MeetingTemplates list existed.
    const state = JSON.parse(readFileSync(dataFile, 'utf8')) as {
      lists: Record<string, { list: { displayName?: string } }>;
    };
    const templatesId = Object.keys(state.lists).find(
      (id) => state.lists[id]?.list.displayName === 'MeetingTemplates',
    );
    expect(templatesId).toBeDefined();
    const lists = Object.fromEntries(
      Object.entries(state.lists).filter(([id]) => id !== templatesId),
    );
    writeFileSync(dataFile, JSON.stringify({ ...state, lists }));

    const second = await startTestTenant({ dataFile });
    try {
      const path = `/sites/${SITES.team.id}/lists/MeetingTemplates`;
      expect((await second.graph(ana, 'GET', path)).status).toBe(200);
      const expectations = await second.graph(
        ana,
        'GET',
        `/sites/${SITES.team.id}/lists/Expectations`,
      );
      expect(expectations.status).toBe(200);
    } finally {
      await second.stop();
    }
  });

  it('writes atomically: no temporary file is left behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-atomic-'));
    const t = await startTestTenant({ dataFile: join(dir, 'tenant.json') });
    await t.stop();
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir)).toEqual(['tenant.json']);
  });
});
