import {
  TEAM_RESOURCES_SCHEMA_VERSION,
  type ResourceKind,
  type ResourcesContentInput,
  type TeamResources,
} from '../../domain/commitments/team-resources';

/** The editor's work in progress: every field as typed, validated only on save. */

export interface ResourceDraft {
  id: string;
  kind: ResourceKind;
  title: string;
  url: string;
  note: string;
}

export interface RouteDraft {
  id: string;
  topic: string;
  mentorName: string;
  mentorUpn: string;
  responseTime: string;
}

export interface ResourcesDraft {
  channel: { name: string; url: string; responseTime: string };
  routes: RouteDraft[];
  resources: ResourceDraft[];
}

export function draftOf(stored: TeamResources | undefined): ResourcesDraft {
  return {
    channel: {
      name: stored?.helpChannel?.name ?? '',
      url: stored?.helpChannel?.url ?? '',
      responseTime: stored?.helpChannel?.responseTime ?? '',
    },
    routes: (stored?.routes ?? []).map((r) => ({ ...r })),
    resources: (stored?.resources ?? []).map((r) => ({ ...r })),
  };
}

/** What the draft saves as; a help channel with nothing typed in is no help channel. */
export function inputOf(draft: ResourcesDraft): ResourcesContentInput {
  const { channel } = draft;
  const hasChannel = [channel.name, channel.url, channel.responseTime].some((v) => v.trim() !== '');
  return {
    schemaVersion: TEAM_RESOURCES_SCHEMA_VERSION,
    resources: draft.resources,
    routes: draft.routes,
    ...(hasChannel ? { helpChannel: channel } : {}),
  };
}
