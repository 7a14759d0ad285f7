/// <reference types="office-js" />
/**
 * The local Outlook compose host's stand-in for `Office.context.mailbox` while a meeting is being
 * composed (issue 9). Office's host protocol is not public, so this implements, typed by
 * @types/office-js, the `Office.AppointmentCompose` members Rapport's add-in uses (subject,
 * start/end, required/optional attendees, body get/set, `saveAsync`, `getItemIdAsync`) and
 * `mailbox.convertToRestId`, with Office's conventions:
 *
 * - every call answers through a callback with an `Office.AsyncResult` on a later task, its
 *   `status` from the real office.js's `Office.AsyncResultStatus`, `asyncContext` echoed;
 * - failures carry an `Office.Error` with Office's documented names: `DataExceedsMaximumSize`
 *   (subject over 255 characters, body over 1,000,000), `ItemNotSaved` (`getItemIdAsync` before
 *   the first save), `InvalidDataFormat` (body coercion other than text or HTML);
 * - `saveAsync` gives an EWS-style item id (base64, may hold `/` and `+`), the same one on every
 *   later save, and `convertToRestId` turns it into the URL-safe REST form as Exchange does; with
 *   a `save` option the host stores the item (a draft on the local tenant) and names the id.
 *   Without that option the id is made up here and the item exists in this page only.
 *
 * Times are `Date`s from this window; attendee lists are `EmailAddressDetails`.
 */

export interface ComposeAttendeeState {
  email: string;
  displayName: string;
}

/** What the compose form holds; the host page shows it and "sends" it. */
export interface ComposeState {
  subject: string;
  start: Date;
  end: Date;
  required: ComposeAttendeeState[];
  optional: ComposeAttendeeState[];
  bodyHtml: string;
  itemId: string | undefined;
}

/** Office's enums the stand-in needs, from the real office.js loaded in the host page. */
export type OfficeEnums = Pick<typeof Office, 'AsyncResultStatus' | 'CoercionType'>;

/** Office's documented limits (Office.Subject.setAsync, Office.Body.setAsync). */
export const SUBJECT_MAX_LENGTH = 255;
export const BODY_MAX_LENGTH = 1_000_000;

/**
 * Office's HTML coercion. office.js defines `Office.CoercionType.Html` only inside Outlook (outside
 * Office it has Text, Matrix, Table and Image), so the stand-in lends it with Outlook's value.
 */
export const LOCAL_COERCION_HTML = 'html' as unknown as Office.CoercionType.Html;

/** Office.MailboxEnums values the add-in reads (office.js defines them only inside Outlook). */
export const LOCAL_MAILBOX_ENUMS = {
  RestVersion: { v1_0: 'v1.0', v2_0: 'v2.0', Beta: 'beta' },
} as unknown as typeof Office.MailboxEnums;

export interface StandInOptions {
  /** Called after every change the add-in makes, so the page shows it. */
  onChange?(state: ComposeState): void;
  /** Makes the item id on the first save (default: a random EWS-style id). */
  newItemId?(): string;
  /**
   * Saves the item where Outlook would (the host: a draft in the organizer's calendar on the local
   * tenant) and answers its EWS item id; a rejection fails `saveAsync` with Office's
   * `GenericResponseError`. Without it, saves stay in this page.
   */
  save?(state: ComposeState): Promise<string>;
  /** Every call the add-in made, for the page's log and the tests. */
  log?(call: string): void;
}

type AnyCallback = (result: Office.AsyncResult<unknown>) => void;

/** Office's optional-arguments convention: (…, options?, callback?) */
function split(args: unknown[]): { options: Office.AsyncContextOptions; callback?: AnyCallback } {
  const last = args.at(-1);
  const callback = typeof last === 'function' ? (last as AnyCallback) : undefined;
  const rest = callback ? args.slice(0, -1) : args;
  const options =
    rest.find((a): a is Office.AsyncContextOptions => typeof a === 'object' && a !== null) ?? {};
  return callback ? { options, callback } : { options };
}

/** A random EWS-style item id: base64 that may hold '/' and '+', as Exchange's do. */
export function randomEwsItemId(): string {
  const bytes = new Uint8Array(45);
  crypto.getRandomValues(bytes);
  bytes[0] = 0x00;
  return `AAMkA${btoa(String.fromCharCode(...bytes))}`;
}

/** Exchange's conversion of an EWS id to a REST id: base64 to its URL-safe alphabet. */
export const ewsToRestId = (id: string): string => id.replace(/\//g, '-').replace(/\+/g, '_');

export interface StandInMailbox {
  mailbox: Pick<Office.Mailbox, 'convertToRestId'> & { item: Office.AppointmentCompose };
  MailboxEnums: typeof Office.MailboxEnums;
  /** The real office.js's CoercionType with Outlook's `Html` added. */
  CoercionType: typeof Office.CoercionType;
}

export function createComposeMailbox(
  state: ComposeState,
  realOffice: OfficeEnums,
  options: StandInOptions = {},
): StandInMailbox {
  const office = {
    AsyncResultStatus: realOffice.AsyncResultStatus,
    CoercionType: { ...realOffice.CoercionType, Html: LOCAL_COERCION_HTML },
  };
  type Outcome = { value: unknown } | { error: Office.Error };
  const answer = (name: string, args: unknown[], run: () => Outcome | Promise<Outcome>) => {
    const { options: callOptions, callback } = split(args);
    options.log?.(name);
    setTimeout(() => {
      void settle();
    }, 0);
    const settle = async () => {
      const outcome = await run();
      if ('value' in outcome) options.onChange?.(state);
      const result = {
        status:
          'value' in outcome ? office.AsyncResultStatus.Succeeded : office.AsyncResultStatus.Failed,
        value: 'value' in outcome ? outcome.value : undefined,
        error: 'error' in outcome ? outcome.error : undefined,
        asyncContext: callOptions.asyncContext as unknown,
        diagnostics: undefined,
      } as Office.AsyncResult<unknown>;
      callback?.(result);
    };
  };
  const error = (name: string, message: string, code: number): { error: Office.Error } => ({
    error: { name, message, code },
  });
  const details = (a: ComposeAttendeeState): Office.EmailAddressDetails => ({
    emailAddress: a.email,
    displayName: a.displayName,
    appointmentResponse: 'none',
    recipientType: 'user',
  });

  const subject = {
    getAsync: (...args: unknown[]) => {
      answer('subject.getAsync', args, () => ({ value: state.subject }));
    },
    setAsync: (text: string, ...args: unknown[]) => {
      answer('subject.setAsync', args, () => {
        if (text.length > SUBJECT_MAX_LENGTH) {
          return error(
            'DataExceedsMaximumSize',
            `The subject can't be longer than ${String(SUBJECT_MAX_LENGTH)} characters.`,
            1000,
          );
        }
        state.subject = text;
        return { value: undefined };
      });
    },
  } as unknown as Office.Subject;

  const time = (key: 'start' | 'end') =>
    ({
      getAsync: (...args: unknown[]) => {
        answer(`${key}.getAsync`, args, () => ({ value: new Date(state[key].getTime()) }));
      },
      setAsync: (value: Date, ...args: unknown[]) => {
        answer(`${key}.setAsync`, args, () => {
          state[key] = new Date(value.getTime());
          return { value: undefined };
        });
      },
    }) as unknown as Office.Time;

  const recipients = (key: 'required' | 'optional') =>
    ({
      getAsync: (...args: unknown[]) => {
        answer(`${key}Attendees.getAsync`, args, () => ({ value: state[key].map(details) }));
      },
    }) as unknown as Office.Recipients;

  const coercionOf = (opts: Office.AsyncContextOptions & { coercionType?: unknown }) =>
    opts.coercionType ?? office.CoercionType.Text;

  const body = {
    getAsync: (coercion: Office.CoercionType, ...args: unknown[]) => {
      answer('body.getAsync', args, () => {
        if (coercion === office.CoercionType.Html) return { value: state.bodyHtml };
        if (coercion === office.CoercionType.Text) return { value: htmlToText(state.bodyHtml) };
        return error('InvalidDataFormat', 'The body can be read as text or HTML.', 2006);
      });
    },
    setAsync: (data: string, ...args: unknown[]) => {
      const { options: opts } = split(args);
      answer('body.setAsync', args, () => {
        if (data.length > BODY_MAX_LENGTH) {
          return error(
            'DataExceedsMaximumSize',
            `The body can't be longer than ${String(BODY_MAX_LENGTH)} characters.`,
            1000,
          );
        }
        const coercion = coercionOf(opts);
        if (coercion === office.CoercionType.Html) state.bodyHtml = data;
        else if (coercion === office.CoercionType.Text) state.bodyHtml = textToHtml(data);
        else return error('InvalidDataFormat', 'The body can be written as text or HTML.', 2006);
        return { value: undefined };
      });
    },
  } as unknown as Office.Body;

  const item = {
    itemType: 'appointment',
    subject,
    start: time('start'),
    end: time('end'),
    requiredAttendees: recipients('required'),
    optionalAttendees: recipients('optional'),
    body,
    saveAsync: (...args: unknown[]) => {
      answer('saveAsync', args, async () => {
        if (!options.save) {
          state.itemId ??= (options.newItemId ?? randomEwsItemId)();
          return { value: state.itemId };
        }
        try {
          state.itemId = await options.save(state);
          return { value: state.itemId };
        } catch (err) {
          return error(
            'GenericResponseError',
            err instanceof Error ? err.message : String(err),
            9020,
          );
        }
      });
    },
    getItemIdAsync: (...args: unknown[]) => {
      answer('getItemIdAsync', args, () =>
        state.itemId === undefined
          ? error('ItemNotSaved', "The ID can't be retrieved until the item is saved.", 9051)
          : { value: state.itemId },
      );
    },
  } as unknown as Office.AppointmentCompose;

  return {
    mailbox: {
      item,
      convertToRestId: (itemId: string, restVersion: Office.MailboxEnums.RestVersion) => {
        options.log?.(`convertToRestId(${restVersion})`);
        return ewsToRestId(itemId);
      },
    },
    MailboxEnums: LOCAL_MAILBOX_ENUMS,
    CoercionType: office.CoercionType,
  };
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&nbsp;': ' ',
};

/** The body's text, roughly as Outlook's text coercion gives it (tags dropped, blocks as lines). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/div|\/h\d|\/li)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (m) => ENTITIES[m] ?? m)
    .trim();
}

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Text written with text coercion, as HTML paragraphs. */
export function textToHtml(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `<p>${escape(line)}</p>`)
    .join('');
}
