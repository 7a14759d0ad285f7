import type { Client } from '@microsoft/microsoft-graph-client';
import { teamTemplateSchema, type TeamTemplate } from '../../domain/expectations/team-templates';
import { createItem, literal, parsePayload, queryItems, statusOf } from './expectations-repository';

const TEMPLATES_LIST = 'MeetingTemplates';

export interface TeamTemplatesRead {
  templates: TeamTemplate[];
  /** Items whose payload no longer reads as a template (changed outside Rapport): counted, skipped. */
  unreadable: number;
}

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
    const parsed = parsePayload(item, teamTemplateSchema);
    if (parsed.kind === 'ok') out.templates.push(parsed.value);
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
