import { z } from 'zod';
import { textSchema } from '../expectations/schema';
import { problem } from '../problem';

/**
 * The team's resources (links, documents, how-tos) and help routes (a help channel, mentors or
 * experts per topic, how soon they answer). One record per team in the team site, edited by its
 * members: the payload is checked on every read and write like any other input, and every address
 * must be one a Teams user can follow safely (`https:` or `msteams:`).
 */

export const TEAM_RESOURCES_SCHEMA_VERSION = 1;

export const RESOURCE_LIMITS = {
  resourcesMaxCount: 30,
  routesMaxCount: 20,
  titleMaxLength: 120,
  noteMaxLength: 300,
  urlMaxLength: 2000,
  topicMaxLength: 80,
  nameMaxLength: 100,
  /** RFC 5321's limit on an address. */
  upnMaxLength: 254,
  responseTimeMaxLength: 60,
  idMaxLength: 64,
  teamKeyMaxLength: 255,
} as const;

const L = RESOURCE_LIMITS;

export const SAFE_LINK_MESSAGE =
  'Links must start with https:// or msteams: (other kinds of address are not opened from Teams).';

/** True for an absolute `https:` address with a host, or any `msteams:` address. */
export function isSafeLink(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === 'msteams:') return value.length > 'msteams:'.length;
  return url.protocol === 'https:' && url.hostname !== '';
}

export const safeLinkSchema = (field: string) =>
  textSchema(field, L.urlMaxLength, { required: `${field} is missing.` }).refine(isSafeLink, {
    error: SAFE_LINK_MESSAGE,
    params: problem('unsafeLink'),
  });

const idSchema = textSchema('An id', L.idMaxLength, { required: 'An id is missing.' });

export const RESOURCE_KINDS = ['link', 'document', 'howTo'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const resourceSchema = z.object({
  id: idSchema,
  kind: z.enum(RESOURCE_KINDS, { error: 'A resource is a link, a document or a how-to.' }),
  title: textSchema('A resource title', L.titleMaxLength, {
    required: 'Give every resource a title.',
  }),
  url: safeLinkSchema('A resource link'),
  note: textSchema('A resource note', L.noteMaxLength).default(''),
});

/** A sign-in name as Teams deep links take it: one address, nothing that could split the link. */
export const upnSchema = textSchema('The mentor’s sign-in address', L.upnMaxLength, {
  required: 'Give the mentor’s sign-in address (name@company.com).',
}).refine((v) => /^[^\s@<>"',;]+@[^\s@<>"',;]+\.[^\s@<>"',;]+$/.test(v), {
  error: 'The mentor’s sign-in address looks like name@company.com.',
  params: problem('signInAddress'),
});

export const helpRouteSchema = z.object({
  id: idSchema,
  topic: textSchema('A topic', L.topicMaxLength, { required: 'Say what the mentor helps with.' }),
  mentorName: textSchema('The mentor’s name', L.nameMaxLength, {
    required: 'Name the mentor or expert.',
  }),
  mentorUpn: upnSchema,
  responseTime: textSchema('The response time', L.responseTimeMaxLength).default(''),
});

export const helpChannelSchema = z.object({
  name: textSchema('The help channel’s name', L.nameMaxLength, {
    required: 'Name the help channel.',
  }),
  url: safeLinkSchema('The help channel’s link'),
  responseTime: textSchema('The response time', L.responseTimeMaxLength).default(''),
});

/** What people edit; the store adds the team's key, which is never theirs to choose. */
export const resourcesContentSchema = z.object({
  schemaVersion: z.literal(TEAM_RESOURCES_SCHEMA_VERSION, {
    error: `Unknown resources version (this app reads version ${String(TEAM_RESOURCES_SCHEMA_VERSION)}).`,
  }),
  resources: z.array(resourceSchema).max(L.resourcesMaxCount, {
    error: `A team can keep at most ${String(L.resourcesMaxCount)} resources.`,
  }),
  helpChannel: helpChannelSchema.optional(),
  routes: z.array(helpRouteSchema).max(L.routesMaxCount, {
    error: `A team can list at most ${String(L.routesMaxCount)} help routes.`,
  }),
});

export const teamResourcesSchema = resourcesContentSchema.extend({
  teamKey: textSchema('The team key', L.teamKeyMaxLength, { required: 'The team key is missing.' }),
});

export type Resource = z.output<typeof resourceSchema>;
export type HelpRoute = z.output<typeof helpRouteSchema>;
export type HelpChannel = z.output<typeof helpChannelSchema>;
export type TeamResources = z.output<typeof teamResourcesSchema>;
export type ResourcesContent = z.output<typeof resourcesContentSchema>;
export type ResourcesContentInput = z.input<typeof resourcesContentSchema>;

export const emptyResources = (teamKey: string): TeamResources => ({
  schemaVersion: TEAM_RESOURCES_SCHEMA_VERSION,
  teamKey,
  resources: [],
  routes: [],
});
