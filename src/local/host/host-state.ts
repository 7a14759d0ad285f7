import { THEMES, type Theme } from './protocol';
import { isSurfaceId, type SurfaceId } from './surfaces';

/**
 * Everything that decides what the host shows, kept in its URL query so a test or a bookmark can
 * open a given state directly:
 * `?person=ana&surface=sidePanel&theme=dark&naa=off&meeting=<chatId>&locale=de-DE&hostName=Outlook`.
 */
export interface HostState {
  /** A demo person's alias, id or UPN; unset means the first person. */
  person?: string;
  surface: SurfaceId;
  theme: Theme;
  /** Offer nested app auth (`naa=off` makes the app fall back to the Teams auth popup). */
  naa: boolean;
  /** The host ignores every message, to exercise the app's timeout handling (`silent=on`). */
  silent: boolean;
  /** The meeting chat id for meeting surfaces; unset means the person's current or next one. */
  meeting?: string;
  /** The same-origin page the app shared to the meeting stage. */
  stage?: string;
  /** The app's base path (`/`); tests point it at a probe page. */
  app: string;
  /** The locale the context reports (`app.locale`, a BCP 47 tag); unset means `en-us`. */
  locale?: string;
  /** The host the context names (`app.host.name`): Rapport also runs in Outlook and the Microsoft 365 app. */
  hostName: LocalHostName;
}

/** The hosts a Rapport tab runs in, as teams-js names them; `Office` is the Microsoft 365 app. */
export const LOCAL_HOST_NAMES = ['Teams', 'Outlook', 'Office'] as const;
export type LocalHostName = (typeof LOCAL_HOST_NAMES)[number];
const isLocalHostName = (v: string | undefined): v is LocalHostName =>
  (LOCAL_HOST_NAMES as readonly (string | undefined)[]).includes(v);

/** A BCP 47 tag's shape (`de`, `de-DE`, `zh-Hant-TW`); anything else is ignored. */
export const isLocaleTag = (v: string): boolean => /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(v);

export const DEFAULT_APP_BASE = '/';

/** Only a same-origin absolute path: the host must never frame another site as "the app". */
export const isAppPath = (v: string): boolean =>
  /^\/(?![/\\])/.test(v) && !v.includes('\\') && !/[\s?#]/.test(v);

export function parseHostQuery(search: string): HostState {
  const q = new URLSearchParams(search);
  const text = (name: string) => {
    const v = q.get(name)?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const surface = text('surface');
  const theme = text('theme');
  const app = text('app');
  const stage = text('stage');
  const hostName = text('hostName');
  const state: HostState = {
    surface: isSurfaceId(surface) ? surface : 'personal',
    theme: THEMES.includes(theme as Theme) ? (theme as Theme) : 'default',
    naa: text('naa') !== 'off',
    silent: text('silent') === 'on',
    app: app !== undefined && isAppPath(app) ? app : DEFAULT_APP_BASE,
    hostName: isLocalHostName(hostName) ? hostName : 'Teams',
  };
  const person = text('person');
  const meeting = text('meeting');
  const locale = text('locale');
  if (person !== undefined) state.person = person;
  if (meeting !== undefined) state.meeting = meeting;
  if (locale !== undefined && isLocaleTag(locale)) state.locale = locale;
  if (stage?.startsWith('/') && !stage.startsWith('//')) state.stage = stage;
  return state;
}

/** The canonical query for a state; defaults are left out so URLs stay short. */
export function hostQuery(state: HostState): string {
  const q = new URLSearchParams();
  if (state.person !== undefined) q.set('person', state.person);
  q.set('surface', state.surface);
  if (state.meeting !== undefined) q.set('meeting', state.meeting);
  if (state.theme !== 'default') q.set('theme', state.theme);
  if (!state.naa) q.set('naa', 'off');
  if (state.silent) q.set('silent', 'on');
  if (state.stage !== undefined) q.set('stage', state.stage);
  if (state.app !== DEFAULT_APP_BASE) q.set('app', state.app);
  if (state.locale !== undefined) q.set('locale', state.locale);
  if (state.hostName !== 'Teams') q.set('hostName', state.hostName);
  return `?${q.toString()}`;
}

export interface PersonKeyed {
  id: string;
  userPrincipalName: string;
}

/** The query names a person by alias (`ana`), id or UPN. */
export function findPerson<P extends PersonKeyed>(
  people: readonly P[],
  key: string | undefined,
): P | undefined {
  if (key === undefined) return people[0];
  const k = key.toLowerCase();
  return people.find(
    (p) =>
      p.id.toLowerCase() === k ||
      p.userPrincipalName.toLowerCase() === k ||
      aliasOf(p).toLowerCase() === k,
  );
}

export const aliasOf = (p: PersonKeyed): string => p.userPrincipalName.split('@')[0] ?? p.id;
