import { el } from './dom';
import type { TabConfig } from './handlers';
import type { MeetingChoice } from './meetings';

/** An app frame: a direct child of the top window, so teams-js installs the NAA bridge in it. */
export const appFrame = (src: string, title: string, className: string): HTMLIFrameElement =>
  el('iframe', { src, title, class: `app-frame ${className}` });

function meetingTime(choice: MeetingChoice, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
  } catch {
    format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' });
  }
  const endTime = format.format(new Date(choice.end)).split(' ').pop() ?? '';
  return `${format.format(new Date(choice.start))}–${endTime}`;
}

export const meetingLabel = (choice: MeetingChoice, timeZone: string): string =>
  `${meetingTime(choice, timeZone)} · ${choice.subject || '(no subject)'}${
    choice.occurrences > 1 ? ' (series)' : ''
  }`;

/** The meeting picker; it submits with the session form so person and meeting switch together. */
export function meetingPicker(
  choices: readonly MeetingChoice[],
  selected: string,
  timeZone: string,
): HTMLElement {
  const select = el('select', { id: 'meeting', name: 'meeting', form: 'session' });
  for (const c of choices) {
    select.append(
      el('option', { value: c.chatId, selected: c.chatId === selected }, meetingLabel(c, timeZone)),
    );
  }
  if (!choices.some((c) => c.chatId === selected)) {
    select.append(el('option', { value: selected, selected: true }, `Meeting chat ${selected}`));
  }
  return el(
    'div',
    { class: 'tool-row' },
    el('label', { for: 'meeting' }, 'Meeting'),
    select,
    el('button', { type: 'submit', form: 'session', class: 'button' }, 'Open meeting'),
  );
}

export interface SetupBar {
  root: HTMLElement;
  save: HTMLButtonElement;
  status: HTMLElement;
}

export function setupBar(where: string): SetupBar {
  const save = el('button', { type: 'button', class: 'button primary', disabled: true }, 'Save');
  const status = el(
    'p',
    { class: 'tool-status', role: 'status' },
    'Save turns on when the app reports a valid setup.',
  );
  const root = el(
    'div',
    { class: 'tool-row' },
    el('span', { class: 'tool-text' }, `Adding Rapport to ${where}`),
    save,
    status,
  );
  return { root, save, status };
}

export const channelTabBar = (config: TabConfig, where: string): HTMLElement =>
  el(
    'div',
    { class: 'tool-row' },
    el(
      'span',
      { class: 'tool-text' },
      `${config.suggestedDisplayName ?? 'Rapport'} tab in ${where} · ${config.contentUrl}`,
    ),
  );

export interface StageRegion {
  root: HTMLElement;
  body: HTMLElement;
  stop: HTMLButtonElement;
}

export function stageRegion(): StageRegion {
  const stop = el('button', { type: 'button', class: 'button', hidden: true }, 'Stop sharing');
  const body = el('div', { class: 'stage-body' });
  const root = el(
    'section',
    { class: 'stage', 'aria-labelledby': 'stage-heading' },
    el('div', { class: 'region-head' }, el('h2', { id: 'stage-heading' }, 'Meeting stage'), stop),
    body,
  );
  return { root, body, stop };
}

export const stagePlaceholder = (): HTMLElement =>
  el(
    'p',
    { class: 'placeholder' },
    'Nothing is shared. The app shares here with meeting.shareAppContentToStage.',
  );

export const sidePanelRegion = (frame: HTMLIFrameElement): HTMLElement =>
  el(
    'section',
    { class: 'side-panel', 'aria-labelledby': 'side-panel-heading' },
    el('div', { class: 'region-head' }, el('h2', { id: 'side-panel-heading' }, 'Side panel')),
    frame,
  );
