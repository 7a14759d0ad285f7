import './host.css';
import { TEAM } from '../tenant/seed/directory';
import { AuthPopup } from './auth-popup';
import { HOST_TENANT_ID, TEAMS_APP_ID, TENANT_URL } from './config';
import { isTeamMember, legacyContext } from './context';
import { byId, el } from './dom';
import {
  handleRequest,
  type Effect,
  type FrameInfo,
  type HostView,
  type TabConfig,
} from './handlers';
import { aliasOf, findPerson, hostQuery, parseHostQuery, type HostState } from './host-state';
import { defaultMeeting, meetingChoices } from './meetings';
import { answerNaaRequest, naaReplyArgs, parseNaaRequest } from './naa-bridge';
import {
  hostEvent,
  parseAppRequest,
  replyTo,
  THEMES,
  type AppRequest,
  type Theme,
} from './protocol';
import { ProtocolLog, summarize } from './protocol-log';
import { runtimeConfig } from './runtime';
import {
  AUTH_FRAME_CONTEXT,
  sameOriginPath,
  STAGE_FRAME_CONTEXT,
  SURFACE_IDS,
  SURFACES,
  surfaceUrl,
} from './surfaces';
import { TabConfigStore } from './tab-config-store';
import { TenantClient, type TenantPerson } from './tenant-client';
import {
  appFrame,
  channelTabBar,
  meetingPicker,
  setupBar,
  sidePanelRegion,
  stagePlaceholder,
  stageRegion,
  type SetupBar,
  type StageRegion,
} from './view';

/** A window the host talks to: a surface's frame, the stage frame or the sign-in popup. */
interface FrameSession {
  info: FrameInfo;
  label: string;
  window: Window;
  initialized: boolean;
  handlers: Set<string>;
}

const SAVE_TIMEOUT_MS = 30_000;
const CHANNEL_PLACE = `${TEAM.displayName} › ${TEAM.channelName}`;

const state: HostState = parseHostQuery(location.search);
const origin = location.origin;
const client = new TenantClient(TENANT_URL, HOST_TENANT_ID);
const store = new TabConfigStore(sessionStorage, state.app);
const log = new ProtocolLog(byId('log-list', HTMLOListElement), byId('log-count', HTMLElement));
const appSessionId = crypto.randomUUID();
const sessions = new Map<MessageEventSource, FrameSession>();

const ui = {
  person: byId('person', HTMLSelectElement),
  session: byId('session', HTMLFormElement),
  theme: byId('theme', HTMLSelectElement),
  naa: byId('naa', HTMLInputElement),
  silent: byId('silent', HTMLInputElement),
  reload: byId('reload', HTMLButtonElement),
  nav: byId('surface-links', HTMLUListElement),
  title: byId('surface-title', HTMLElement),
  tools: byId('surface-tools', HTMLElement),
  notice: byId('notice', HTMLElement),
  frames: byId('frames', HTMLElement),
};

let person: TenantPerson | undefined;
let chatId: string | undefined;
/** Bumped on every re-render, so a slow tenant answer for an old view is dropped. */
let generation = 0;
let setup: (SetupBar & { valid: boolean; saving?: ReturnType<typeof setTimeout> }) | undefined;
let stage: StageRegion | undefined;
/** The config the setup page set with `pages.config.setConfig`, kept until Save succeeds. */
let pendingConfig: TabConfig | undefined;
/** Meeting tabs keep their config for the session only; the host has no meeting tab store. */
let meetingConfig: TabConfig | undefined;

const syncUrl = () => {
  history.replaceState(null, '', hostQuery(state));
};

function showNotice(...content: (Node | string)[]): void {
  ui.notice.replaceChildren(...content);
  ui.notice.hidden = content.length === 0;
}

// ---- the host's view of itself, for the protocol handlers ----

const view: HostView = {
  origin,
  // A popup is its own top window, where the NAA polyfill would post to itself: no bridge there.
  runtime: (frame) => runtimeConfig({ naa: state.naa && frame.role !== 'auth' }),
  context: (frame) => {
    const surface = SURFACES[state.surface];
    const saved = surface.scope === 'channel' ? store.load() : undefined;
    const entityId =
      surface.scope === 'channel' ? (saved?.entityId ?? surface.entityId) : surface.entityId;
    return legacyContext({
      scope: surface.scope,
      frameContext: frame.frameContext,
      entityId,
      person: person ?? { id: '', displayName: '', userPrincipalName: '' },
      tenantId: HOST_TENANT_ID,
      theme: state.theme,
      appId: TEAMS_APP_ID,
      appSessionId,
      ...(chatId === undefined ? {} : { chatId }),
      ...(state.locale === undefined ? {} : { locale: state.locale }),
      hostName: state.hostName,
    });
  },
  tabConfig: (frame) => {
    const surface = SURFACES[state.surface];
    if (surface.scope === 'meeting') return meetingConfig;
    if (surface.scope === 'channel') {
      return frame.frameContext === 'settings' ? (pendingConfig ?? store.load()) : store.load();
    }
    return undefined;
  },
  get isSharingToStage() {
    return state.stage !== undefined;
  },
};

// ---- frames and messages ----

function register(win: Window, info: FrameInfo, label: string): void {
  sessions.set(win, { info, label, window: win, initialized: false, handlers: new Set() });
}

function mountFrame(
  parent: HTMLElement,
  src: string,
  title: string,
  className: string,
  info: FrameInfo,
  label: string,
): HTMLIFrameElement {
  const frame = appFrame(src, title, className);
  parent.append(frame);
  if (frame.contentWindow) register(frame.contentWindow, info, label);
  return frame;
}

function send(session: FrameSession, request: AppRequest, args: unknown[], text?: string): void {
  if (!sessions.has(session.window)) return;
  session.window.postMessage(replyTo(request, args), origin);
  log.add('out', session.label, `${request.func} ${text ?? summarize(args)}`);
}

function broadcastTheme(theme: Theme): void {
  for (const session of sessions.values()) {
    if (!session.initialized) continue;
    session.window.postMessage(hostEvent('themeChange', [theme]), origin);
    log.add('event', session.label, `themeChange ${theme}`);
  }
}

window.addEventListener('message', (event) => {
  if (event.origin !== origin || event.source === null) return;
  const session = sessions.get(event.source);
  const request = session ? parseAppRequest(event.data) : undefined;
  if (!session || !request) return;

  if (request.func === 'nestedAppAuth.execute') {
    const naa = parseNaaRequest(request.data);
    log.add(
      'in',
      session.label,
      `${request.func} ${naa?.method ?? '?'} ${naa?.tokenParams?.scope ?? ''}`,
    );
  } else {
    log.add('in', session.label, `${request.func} ${summarize(request.args)}`);
  }
  if (state.silent) {
    log.add('ignored', session.label, `${request.func} (host never answers)`);
    return;
  }

  const outcome = handleRequest(request, session.info, view);
  if (outcome.reply) send(session, request, outcome.reply);
  if (outcome.effect) apply(outcome.effect, session, request, outcome.reply);
});

function apply(
  effect: Effect,
  session: FrameSession,
  request: AppRequest,
  reply: unknown[] | undefined,
): void {
  switch (effect.kind) {
    case 'initialized':
      session.initialized = true;
      return;
    case 'registerHandler':
      session.handlers.add(effect.name);
      return;
    case 'validity':
      if (setup && session.info.frameContext === 'settings') {
        setup.valid = effect.valid;
        if (!setup.saving) setup.save.disabled = !effect.valid;
      }
      return;
    case 'setConfig':
      if (session.info.frameContext === 'settings') pendingConfig = effect.config;
      else if (SURFACES[state.surface].scope === 'channel') store.save(effect.config);
      else meetingConfig = effect.config;
      return;
    case 'saveResult':
      if (session.info.frameContext === 'settings') saveFinished(effect.ok, effect.reason);
      return;
    case 'openStage':
      openStage(effect.path);
      return;
    case 'closeStage':
      closeStage();
      return;
    case 'authenticate':
      authPopup.open(
        {
          reply: (args) => {
            send(session, request, args);
          },
        },
        effect.path,
        effect.width,
        effect.height,
      );
      return;
    case 'authResult':
      authPopup.finish(effect.ok, effect.value);
      return;
    case 'naa':
      answerNaa(session, request, effect.data);
      return;
    case 'openLink':
      showOpenedLink(effect.url);
      log.add('note', session.label, `opened ${effect.url}`);
      return;
    case 'unsupported':
      log.add('unsupported', session.label, `${request.func} → ${summarize(reply)}`);
      return;
  }
}

/** Teams would open a chat or a channel here; the local host lists the link instead. */
function showOpenedLink(url: string): void {
  const item = document.createElement('li');
  item.textContent = url;
  byId('opened-links', HTMLOListElement).append(item);
  byId('opened-links-box', HTMLElement).hidden = false;
}

function answerNaa(session: FrameSession, request: AppRequest, data: string | undefined): void {
  const asPerson = person;
  if (!asPerson) return;
  void (async () => {
    const issuer = await client.issuer().catch(() => `${TENANT_URL}/${HOST_TENANT_ID}/v2.0`);
    const response = await answerNaaRequest(data, {
      person: asPerson,
      tenantId: HOST_TENANT_ID,
      issuer,
      nowSeconds: () => Math.floor(Date.now() / 1000),
      mintToken: (user, audience, scopes) => client.token(user, audience, scopes),
    });
    const outcome = response.success
      ? 'success'
      : `failure ${response.error.status} ${response.error.code ?? ''}`;
    send(
      session,
      request,
      naaReplyArgs(response),
      `${parseNaaRequest(data)?.method ?? '?'} → ${outcome}`,
    );
  })();
}

// ---- the auth popup ----

const authPopup = new AuthPopup({
  register: (popup) => {
    register(popup, { role: 'auth', frameContext: AUTH_FRAME_CONTEXT }, 'sign-in popup');
  },
  unregister: (popup) => {
    sessions.delete(popup);
  },
  blocked: (retry, cancel) => {
    const open = el(
      'button',
      { type: 'button', class: 'button primary' },
      'Open the sign-in window',
    );
    const dismiss = el('button', { type: 'button', class: 'button' }, 'Cancel sign-in');
    open.addEventListener('click', () => {
      showNotice();
      retry();
    });
    dismiss.addEventListener('click', () => {
      showNotice();
      cancel();
    });
    showNotice('The browser blocked the app’s sign-in window. ', open, ' ', dismiss);
    open.focus();
  },
  note: (text) => {
    log.add('note', 'sign-in popup', text);
  },
});

// ---- the meeting stage ----

function openStage(path: string): void {
  if (!stage) return;
  closeStageFrame();
  state.stage = path;
  syncUrl();
  stage.body.replaceChildren();
  mountFrame(
    stage.body,
    path,
    'Rapport (Meeting: stage)',
    'stage-frame',
    { role: 'stage', frameContext: STAGE_FRAME_CONTEXT },
    'stage',
  );
  stage.stop.hidden = false;
  log.add('note', 'stage', `sharing ${path} to the stage`);
}

function closeStageFrame(): void {
  for (const [win, s] of sessions) if (s.info.role === 'stage') sessions.delete(win);
}

function closeStage(): void {
  closeStageFrame();
  state.stage = undefined;
  syncUrl();
  if (stage) {
    stage.body.replaceChildren(stagePlaceholder());
    stage.stop.hidden = true;
  }
}

// ---- the channel tab's setup page ----

function saveFinished(ok: boolean, reason: string | undefined): void {
  if (!setup?.saving) return;
  clearTimeout(setup.saving);
  setup.saving = undefined;
  const config = pendingConfig;
  if (ok && config) {
    store.save(config);
    log.add('note', 'setup', `saved the tab: ${config.contentUrl}`);
    state.surface = 'channel';
    syncUrl();
    void showSurface();
    return;
  }
  setup.status.textContent = ok
    ? 'The app reported success but never set a contentUrl with pages.config.setConfig.'
    : `The app could not save: ${reason ?? 'no reason given'}.`;
  setup.save.disabled = !setup.valid;
}

function startSave(target: FrameSession | undefined): void {
  if (!setup || !target?.initialized) return;
  const bar = setup;
  bar.save.disabled = true;
  bar.status.textContent = 'Saving…';
  bar.saving = setTimeout(() => {
    bar.saving = undefined;
    bar.status.textContent = `The app did not answer the save within ${String(SAVE_TIMEOUT_MS / 1000)} seconds.`;
    bar.save.disabled = !bar.valid;
  }, SAVE_TIMEOUT_MS);
  target.window.postMessage(hostEvent('settings.save', [{}]), origin);
  log.add('event', target.label, 'settings.save [{}]');
}

// ---- surfaces ----

function renderNav(): void {
  ui.nav.replaceChildren(
    ...SURFACE_IDS.map((id) => {
      const s = SURFACES[id];
      const href = hostQuery({ ...state, surface: id, stage: undefined });
      return el(
        'li',
        {},
        el(
          'a',
          { href, 'aria-current': id === state.surface ? 'page' : undefined },
          `${s.group}: ${s.label}`,
        ),
      );
    }),
  );
}

function clearSurface(): void {
  authPopup.finish(false, 'CancelledByUser');
  for (const [win, s] of sessions) if (s.info.role !== 'auth') sessions.delete(win);
  if (setup?.saving) clearTimeout(setup.saving);
  setup = undefined;
  stage = undefined;
  pendingConfig = undefined;
  ui.tools.replaceChildren();
  ui.frames.replaceChildren();
  ui.frames.className = 'frames';
  showNotice();
}

async function showSurface(): Promise<void> {
  const mine = ++generation;
  clearSurface();
  renderNav();
  if (state.surface === 'channel' && !store.load()) {
    // A channel tab exists only once it is set up, as when it is added in Teams.
    state.surface = 'setup';
    syncUrl();
    renderNav();
  }
  const surface = SURFACES[state.surface];
  ui.title.textContent = `${surface.group}: ${surface.label}`;
  const who = person;
  if (!who) return;
  const frameSrc = () => {
    const saved = store.load();
    const content = saved ? sameOriginPath(saved.contentUrl, origin) : undefined;
    return surface.id === 'channel' && content ? content : surfaceUrl(surface.id, state.app);
  };
  const main = (className: string, label: string) =>
    mountFrame(
      ui.frames,
      frameSrc(),
      `Rapport (${surface.group}: ${surface.label})`,
      className,
      { role: 'tab', frameContext: surface.frameContext },
      label,
    );

  if (surface.scope === 'channel' && !isTeamMember(who.id)) {
    showNotice(
      `${who.displayName} is not a member of ${TEAM.displayName}: Teams would not show them this tab.`,
    );
  }

  switch (surface.id) {
    case 'personal':
      main('personal-frame', 'Home');
      return;
    case 'setup': {
      const bar = setupBar(CHANNEL_PLACE);
      setup = { ...bar, valid: false };
      ui.tools.append(bar.root);
      const frame = main('setup-frame', 'setup');
      bar.save.addEventListener('click', () => {
        startSave(frame.contentWindow ? sessions.get(frame.contentWindow) : undefined);
      });
      return;
    }
    case 'channel': {
      const saved = store.load();
      if (saved) ui.tools.append(channelTabBar(saved, CHANNEL_PLACE));
      main('channel-frame', 'channel tab');
      return;
    }
    case 'details':
    case 'sidePanel':
      break;
  }

  let meetings;
  let now: number;
  try {
    const [list, clock] = await Promise.all([client.meetings(who.id), client.clock()]);
    meetings = list;
    now = Date.parse(clock.now);
  } catch (err) {
    if (mine === generation) showNotice(err instanceof Error ? err.message : String(err));
    return;
  }
  if (mine !== generation) return;
  const choices = meetingChoices(meetings, now);
  const chosen = state.meeting ?? defaultMeeting(choices, now)?.chatId;
  if (chosen === undefined) {
    showNotice(
      `${who.displayName} has no Teams meetings in the 7 days either side of ${new Date(now).toUTCString()}.`,
    );
    return;
  }
  chatId = chosen;
  ui.tools.append(meetingPicker(choices, chosen, who.timeZone));
  if (!choices.some((c) => c.chatId === chosen)) {
    showNotice(
      `This meeting is not among ${who.displayName}’s meetings of the 7 days either side of now.`,
    );
  }

  if (surface.id === 'details') {
    main('details-frame', 'details tab');
    return;
  }
  ui.frames.className = 'frames meeting';
  stage = stageRegion();
  const shown = stage;
  shown.stop.addEventListener('click', () => {
    log.add('note', 'stage', 'the presenter stopped sharing');
    closeStage();
  });
  ui.frames.append(shown.root);
  const panel = appFrame(
    surfaceUrl('sidePanel', state.app),
    'Rapport (Meeting: side panel)',
    'side-panel-frame',
  );
  ui.frames.append(sidePanelRegion(panel));
  if (panel.contentWindow) {
    register(
      panel.contentWindow,
      { role: 'tab', frameContext: surface.frameContext },
      'side panel',
    );
  }
  const sharing = state.stage === undefined ? undefined : sameOriginPath(state.stage, origin);
  if (sharing) openStage(sharing);
  else closeStage();
}

// ---- controls ----

function applyChromeTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

function setTheme(theme: Theme): void {
  state.theme = theme;
  syncUrl();
  applyChromeTheme(theme);
  renderNav();
  broadcastTheme(theme);
}

function wireControls(): void {
  ui.theme.value = state.theme;
  ui.naa.checked = state.naa;
  ui.silent.checked = state.silent;

  ui.theme.addEventListener('change', () => {
    const theme = THEMES.find((t) => t === ui.theme.value);
    if (theme) setTheme(theme);
  });
  ui.naa.addEventListener('change', () => {
    // The runtime config is fixed at initialize, so a change needs fresh frames.
    location.assign(hostQuery({ ...state, naa: ui.naa.checked, stage: undefined }));
  });
  ui.silent.addEventListener('change', () => {
    state.silent = ui.silent.checked;
    syncUrl();
    renderNav();
    log.add('note', 'host', state.silent ? 'stopped answering' : 'answering again');
  });
  ui.reload.addEventListener('click', () => {
    void showSurface();
  });
  ui.session.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(ui.session);
    const field = data.get('person');
    const chosenPerson = typeof field === 'string' ? field : '';
    const chosenMeeting = data.get('meeting');
    const samePerson = person !== undefined && chosenPerson === aliasOf(person);
    const next: HostState = { ...state, person: chosenPerson, stage: undefined };
    if (typeof chosenMeeting === 'string' && samePerson) next.meeting = chosenMeeting;
    else delete next.meeting;
    location.assign(hostQuery(next));
  });
}

async function boot(): Promise<void> {
  applyChromeTheme(state.theme);
  wireControls();
  renderNav();
  let people: TenantPerson[];
  try {
    people = await client.people();
  } catch (err) {
    showNotice(
      `${err instanceof Error ? err.message : String(err)} Start it with npm start, then reload this page.`,
    );
    return;
  }
  person = findPerson(people, state.person);
  if (!person) {
    person = people[0];
    showNotice(
      `No demo person “${state.person ?? ''}”; acting as ${person?.displayName ?? 'nobody'}.`,
    );
  }
  const current = person;
  ui.person.replaceChildren(
    ...people.map((p) =>
      el(
        'option',
        { value: aliasOf(p), selected: p.id === current?.id },
        `${p.displayName} (${p.jobTitle})`,
      ),
    ),
  );
  const notice = ui.notice.textContent;
  await showSurface();
  if (notice && !ui.notice.textContent) showNotice(notice);
}

void boot();
