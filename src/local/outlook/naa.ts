import type { HostPerson } from '../host/context';
import { answerNaaRequest, type NaaDeps } from '../host/naa-bridge';

/**
 * Nested app authentication for the pane in the local Outlook compose host. In Outlook, office.js
 * gives an add-in `window.nestedAppAuthBridge`, the object MSAL's nestable client talks to; the
 * local host lends the pane one (with the mailbox) that answers with the local Teams host's own
 * bridge answers (`answerNaaRequest`), for the organizer composing the meeting. MSAL posts each
 * request envelope as a string and listens for the response envelope as a string.
 */
export interface NestedAppAuthBridge {
  addEventListener(type: 'message', listener: (response: string) => void): void;
  removeEventListener(type: 'message', listener: (response: string) => void): void;
  postMessage(request: string): void;
}

export function localNaaBridge(
  organizer: () => HostPerson,
  deps: Omit<NaaDeps, 'person'>,
): NestedAppAuthBridge {
  const listeners = new Set<(response: string) => void>();
  return {
    addEventListener: (_type, listener) => {
      listeners.add(listener);
    },
    removeEventListener: (_type, listener) => {
      listeners.delete(listener);
    },
    postMessage: (request) => {
      // Every request gets an answer (MSAL never times out), on a later task as a host's would.
      void answerNaaRequest(request, { ...deps, person: organizer() }).then((response) => {
        const text = JSON.stringify(response);
        for (const listener of listeners) listener(text);
      });
    },
  };
}
