import type { FrameContext } from './protocol';

export type SurfaceId = 'personal' | 'details' | 'sidePanel' | 'channel' | 'setup';

/** Which Teams context a surface lives in: it decides the ids its getContext carries. */
export type SurfaceScope = 'personal' | 'meeting' | 'channel';

export interface Surface {
  id: SurfaceId;
  /** What Teams calls it, for the host's navigation. */
  label: string;
  group: 'Personal app' | 'Meeting' | 'Channel';
  scope: SurfaceScope;
  frameContext: FrameContext;
  /** The app page for the surface, relative to the app's base path; the query is only a hint. */
  appQuery: string;
  /** The tab instance's entity id, as the manifest or the tab's saved config would give it. */
  entityId: string;
}

/**
 * Every place the host shows the app. The meeting stage is not a surface of its own: it opens with
 * the URL the app shares from the side panel (or the stage itself).
 */
export const SURFACES: Readonly<Record<SurfaceId, Surface>> = {
  personal: {
    id: 'personal',
    label: 'Home',
    group: 'Personal app',
    scope: 'personal',
    frameContext: 'content',
    appQuery: '?surface=personal',
    entityId: 'rapport-home',
  },
  details: {
    id: 'details',
    label: 'Details tab',
    group: 'Meeting',
    scope: 'meeting',
    frameContext: 'content',
    appQuery: '?view=tab&surface=details',
    entityId: 'rapport-meeting',
  },
  sidePanel: {
    id: 'sidePanel',
    label: 'Side panel and stage',
    group: 'Meeting',
    scope: 'meeting',
    frameContext: 'sidePanel',
    appQuery: '?view=tab&surface=sidePanel',
    entityId: 'rapport-meeting',
  },
  channel: {
    id: 'channel',
    label: 'Tab',
    group: 'Channel',
    scope: 'channel',
    frameContext: 'content',
    appQuery: '?view=tab&surface=channel',
    entityId: 'rapport-team',
  },
  setup: {
    id: 'setup',
    label: 'Tab setup',
    group: 'Channel',
    scope: 'channel',
    frameContext: 'settings',
    appQuery: '?view=config&surface=channel',
    entityId: '',
  },
};

export const SURFACE_IDS = Object.keys(SURFACES) as SurfaceId[];

export const isSurfaceId = (v: string | null | undefined): v is SurfaceId =>
  v !== null && v !== undefined && Object.hasOwn(SURFACES, v);

export const STAGE_FRAME_CONTEXT: FrameContext = 'meetingStage';
export const AUTH_FRAME_CONTEXT: FrameContext = 'authentication';

/** The app page a surface opens, e.g. `/?surface=personal` for the app at `/`. */
export const surfaceUrl = (surface: SurfaceId, appBase: string): string =>
  `${appBase}${SURFACES[surface].appQuery}`;

/**
 * A URL the app hands the host (stage, tab content, auth start page), as a same-origin path.
 * Teams accepts only the app's valid domains; locally that is the app's own origin.
 */
export function sameOriginPath(url: unknown, origin: string): string | undefined {
  if (typeof url !== 'string' || url === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url, origin);
  } catch {
    return undefined;
  }
  if (parsed.origin !== origin) return undefined;
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
