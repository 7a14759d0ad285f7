import { el } from './dom';

export type LogKind = 'in' | 'out' | 'event' | 'note' | 'unsupported' | 'ignored';

const MAX_ENTRIES = 400;
const MAX_TEXT = 240;

const MARK: Record<LogKind, string> = {
  in: 'app →',
  out: '← host',
  event: '← event',
  note: 'host',
  unsupported: 'not supported',
  ignored: 'ignored',
};

/** A short, single-line rendering of message args for the log (never the whole payload). */
export function summarize(value: unknown): string {
  let text: string;
  try {
    // JSON.stringify gives undefined for undefined and functions, whatever its type says.
    const json = JSON.stringify(value) as string | undefined;
    text = json ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

/**
 * The visible record of the wire traffic. Unsupported funcs land here rather than in the console,
 * so the app's own console stays clean in tests.
 */
export class ProtocolLog {
  private total = 0;
  private unsupported = 0;

  constructor(
    private readonly list: HTMLOListElement,
    private readonly counter: HTMLElement,
  ) {}

  add(kind: LogKind, frame: string, text: string): void {
    this.total += 1;
    if (kind === 'unsupported') this.unsupported += 1;
    const time = new Date().toISOString().slice(11, 23);
    this.list.append(
      el(
        'li',
        { class: `log-${kind}` },
        el('span', { class: 'log-time' }, time),
        ' ',
        el('span', { class: 'log-mark' }, MARK[kind]),
        ' ',
        el('span', { class: 'log-frame' }, frame),
        ' ',
        text,
      ),
    );
    while (this.list.children.length > MAX_ENTRIES) this.list.firstElementChild?.remove();
    this.counter.textContent =
      this.unsupported > 0
        ? `${String(this.total)} messages, ${String(this.unsupported)} not supported`
        : `${String(this.total)} messages`;
  }
}
