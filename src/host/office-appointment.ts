/// <reference types="office-js" />
/**
 * The `AppointmentCompose` port over Office.js (Outlook's appointment organizer form). Office's
 * calls take a callback with an `Office.AsyncResult`; each becomes a promise here, rejected with
 * an `AppointmentComposeError` naming the call and Office's error (name, code, message) when the
 * result's status is `failed`, when a callback never receives a result, or when the host lacks
 * the API (a requirement set it does not support).
 *
 * The adapter takes the parts of the `Office` namespace it uses (the mailbox and three enums)
 * rather than reading the global, so the add-in can pass the real `Office` and the unit tests a
 * typed fake of the callback convention.
 */
import {
  AppointmentComposeError,
  type AppointmentCompose,
  type AppointmentComposeOperation,
  type ComposeAttendee,
} from '../domain/ports/appointment-compose';

/** The mailbox members the adapter uses. */
export type OfficeMailbox = Pick<Office.Mailbox, 'convertToRestId'> & {
  item?: Office.AppointmentCompose | Office.Item | null;
};

/** What the adapter needs of the `Office` namespace: the mailbox and the enums it compares with. */
export interface OfficeApi {
  context: { mailbox?: OfficeMailbox | undefined };
  AsyncResultStatus: Pick<typeof Office.AsyncResultStatus, 'Succeeded' | 'Failed'>;
  CoercionType: Pick<typeof Office.CoercionType, 'Html'>;
  MailboxEnums: { RestVersion: Pick<typeof Office.MailboxEnums.RestVersion, 'v2_0'> };
}

type Callback<T> = (result: Office.AsyncResult<T>) => void;

/** The item is an appointment in compose mode when its time fields are objects with getAsync. */
function isAppointmentCompose(item: unknown): item is Office.AppointmentCompose {
  if (typeof item !== 'object' || item === null) return false;
  const candidate = item as Partial<Record<'start' | 'subject' | 'body', unknown>>;
  const hasGetAsync = (v: unknown) =>
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { getAsync?: unknown }).getAsync === 'function';
  return (
    hasGetAsync(candidate.start) && hasGetAsync(candidate.subject) && hasGetAsync(candidate.body)
  );
}

/**
 * The port for the item open in Outlook's appointment organizer form. Throws an
 * `AppointmentComposeError` ("Unavailable") when there is no mailbox or the item is not an
 * appointment being composed (e.g. the pane opened on a message).
 */
export function officeAppointmentCompose(office: OfficeApi): AppointmentCompose {
  const mailbox = office.context.mailbox;
  const item = mailbox?.item;
  if (!mailbox || !isAppointmentCompose(item)) {
    throw new AppointmentComposeError(
      'getItemId',
      'Unavailable',
      undefined,
      'this pane is not open on a meeting being composed',
    );
  }

  // office.js defines the HTML coercion only inside Outlook: without it a body call would fall
  // back to text and write the markup as words.
  if ((office.CoercionType.Html as unknown) === undefined) {
    throw new AppointmentComposeError(
      'getBodyHtml',
      'Unavailable',
      undefined,
      "Office's HTML coercion is not available here",
    );
  }

  /** Runs one Office call and settles with its AsyncResult's value or error. */
  const call = <T>(
    operation: AppointmentComposeOperation,
    start: (callback: Callback<T>) => void,
  ): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const callback: Callback<T> = (result) => {
        if (typeof result !== 'object' || (result as unknown) === null) {
          reject(
            new AppointmentComposeError(operation, 'NoResult', undefined, 'Office gave no result'),
          );
          return;
        }
        if (result.status === office.AsyncResultStatus.Succeeded) {
          resolve(result.value);
          return;
        }
        const error = result.error as Office.Error | undefined;
        reject(
          new AppointmentComposeError(
            operation,
            error?.name || 'Failed',
            typeof error?.code === 'number' ? error.code : undefined,
            error?.message || 'the call failed',
          ),
        );
      };
      try {
        start(callback);
      } catch (err) {
        // A host without the API (an older requirement set) throws instead of calling back.
        reject(
          new AppointmentComposeError(
            operation,
            'Unavailable',
            undefined,
            err instanceof Error ? err.message : String(err),
          ),
        );
      }
    });

  const attendees = (
    operation: 'getRequiredAttendees' | 'getOptionalAttendees',
    field: Office.Recipients,
  ) =>
    call<Office.EmailAddressDetails[]>(operation, (cb) => {
      field.getAsync(cb);
    }).then((list): ComposeAttendee[] =>
      list.map((a) => ({ email: a.emailAddress, displayName: a.displayName || a.emailAddress })),
    );

  /** Dates may come from another window (the local host's frame): never `instanceof Date`. */
  const instant = (value: Date) => new Date(value.getTime());

  return {
    getSubject: () =>
      call<string>('getSubject', (cb) => {
        item.subject.getAsync(cb);
      }),
    setSubject: (subject) =>
      call<unknown>('setSubject', (cb) => {
        item.subject.setAsync(subject, cb);
      }).then(() => undefined),
    getStart: () =>
      call<Date>('getStart', (cb) => {
        item.start.getAsync(cb);
      }).then(instant),
    getEnd: () =>
      call<Date>('getEnd', (cb) => {
        item.end.getAsync(cb);
      }).then(instant),
    getRequiredAttendees: () => attendees('getRequiredAttendees', item.requiredAttendees),
    getOptionalAttendees: () => attendees('getOptionalAttendees', item.optionalAttendees),
    getBodyHtml: () =>
      call<string>('getBodyHtml', (cb) => {
        item.body.getAsync(office.CoercionType.Html, cb);
      }),
    setBodyHtml: (html) =>
      call<unknown>('setBodyHtml', (cb) => {
        item.body.setAsync(html, { coercionType: office.CoercionType.Html }, cb);
      }).then(() => undefined),
    save: () =>
      call<string>('save', (cb) => {
        item.saveAsync(cb);
      }).then((id) => {
        if (!id) {
          throw new AppointmentComposeError(
            'save',
            'NoItemId',
            undefined,
            'Outlook gave no item id',
          );
        }
        return id;
      }),
    getItemId: () =>
      call<string>('getItemId', (cb) => {
        item.getItemIdAsync(cb);
      }).then(
        (id) => id || undefined,
        (err: unknown) => {
          // Office fails with `ItemNotSaved` for a draft never saved (@types/office-js): no id yet.
          if (err instanceof AppointmentComposeError && err.officeName === 'ItemNotSaved') {
            return undefined;
          }
          throw err;
        },
      ),
    toRestId: (itemId) => {
      try {
        return mailbox.convertToRestId(itemId, office.MailboxEnums.RestVersion.v2_0);
      } catch (err) {
        throw new AppointmentComposeError(
          'toRestId',
          'Unavailable',
          undefined,
          err instanceof Error ? err.message : String(err),
        );
      }
    },
  };
}
