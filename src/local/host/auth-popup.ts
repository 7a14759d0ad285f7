/** An `authentication.authenticate` request waiting for its popup to finish. */
export interface PendingAuth {
  /** Answers the original request in the app's frame with `[true, result]` or `[false, reason]`. */
  reply(args: unknown[]): void;
}

export interface AuthPopupHooks {
  /** The popup's teams-js talks to its opener, this page: it must be a known frame before it loads. */
  register(popup: Window): void;
  unregister(popup: Window): void;
  /** The browser blocked the popup: offer a button, whose click may open it. */
  blocked(retry: () => void, cancel: () => void): void;
  note(text: string): void;
}

const CLOSED_POLL_MS = 300;

/**
 * The Teams auth popup, as Teams runs it for `authentication.authenticate`: the host opens the
 * app's page in a popup, the popup reports back with `authentication.authenticate.success` or
 * `.failure`, and closing it first cancels.
 */
export class AuthPopup {
  private popup: Window | undefined;
  private pending: PendingAuth | undefined;
  private watcher: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly hooks: AuthPopupHooks) {}

  get isOpen(): boolean {
    return this.pending !== undefined;
  }

  open(pending: PendingAuth, path: string, width = 600, height = 535): void {
    // Teams allows one sign-in window at a time; a new request cancels the one before.
    this.finish(false, 'CancelledByUser');
    this.pending = pending;
    this.launch(path, width, height);
  }

  private launch(path: string, width: number, height: number): void {
    const left = Math.max(0, Math.round(window.screenX + (window.outerWidth - width) / 2));
    const top = Math.max(0, Math.round(window.screenY + (window.outerHeight - height) / 2));
    const popup = window.open(
      path,
      'rapport-local-auth',
      `popup,width=${String(width)},height=${String(height)},left=${String(left)},top=${String(top)}`,
    );
    if (!popup) {
      this.hooks.blocked(
        () => {
          this.launch(path, width, height);
        },
        () => {
          this.finish(false, 'CancelledByUser');
        },
      );
      return;
    }
    this.popup = popup;
    this.hooks.register(popup);
    this.hooks.note(`opened the sign-in window at ${path}`);
    this.watcher = setInterval(() => {
      if (popup.closed) this.finish(false, 'CancelledByUser');
    }, CLOSED_POLL_MS);
  }

  /** Ends the pending request, closing the popup if it is still open. */
  finish(ok: boolean, value: unknown): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearInterval(this.watcher);
    const popup = this.popup;
    this.popup = undefined;
    if (popup) {
      this.hooks.unregister(popup);
      if (!popup.closed) popup.close();
    }
    pending.reply(ok ? [true, value] : [false, typeof value === 'string' ? value : 'failed']);
  }
}
