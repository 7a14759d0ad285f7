import type { Client } from '@microsoft/microsoft-graph-client';
import type * as G from '@microsoft/microsoft-graph-types';
import { teamTemplateSchema, type TeamTemplate } from '../../domain/expectations/team-templates';
import { createItem, literal, queryItems, statusOf } from './expectations-repository';

const TEMPLATES_LIST = 'MeetingTemplates';

export interface TeamTemplatesRead {
  templates: TeamTemplate[];
  /** Items whose payload no longer reads as a template (changed outside Rapport): counted, skipped. */
  unreadable: number;
}

const payloadOf = (item: G.ListItem): unknown => {
  const raw = (item.fields as Record<string, unknown> | undefined)?.Payload;
  try {
    return typeof raw === 'string' ? (JSON.parse(raw) as unknown) : undefined;
  } catch {
    return undefined;
  }
};

/** The team's own templates: one filtered list query (every page). */
export async function listTeamTemplates(
  client: Client,
  siteId: string,
): Promise<TeamTemplatesRead> {
  const items = await queryItems(client, siteId, TEMPLATES_LIST, {
    filter: `fields/TeamKey eq ${literal(siteId)}`,
  });
  const out: TeamTemplatesRead = { templates: [], unreadable: 0 };
  for (const item of items) {
    const parsed = teamTemplateSchema.safeParse(payloadOf(item));
    if (parsed.success) out.templates.push(parsed.data);
    else out.unreadable += 1;
  }
  return out;
}

/**
 * Creates the template's item. Its id is the unique Key, so a create retried after a dropped
 * answer meets 409 and is already saved: one template, never two.
 */
export async function createTeamTemplate(
  client: Client,
  siteId: string,
  template: TeamTemplate,
): Promise<void> {
  try {
    await createItem(client, siteId, TEMPLATES_LIST, {
      Key: template.id,
      TeamKey: siteId,
      Payload: JSON.stringify(template),
    });
  } catch (err) {
    if (statusOf(err) !== 409) throw err;
  }
}
