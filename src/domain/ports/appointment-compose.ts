/**
 * The meeting being composed in Outlook, as the Outlook add-in (issue 9) needs it: the appointment
 * organizer's compose form. The Office.js adapter (`src/host/office-appointment.ts`) implements it
 * over `Office.context.mailbox.item`; components and the domain see only this port.
 *
 * Every call is asynchronous, as Office's are, and fails with an `AppointmentComposeError` that
 * says which call failed and Office's own error name and message.
 */

/** One attendee as Outlook's compose form lists it. */
export interface ComposeAttendee {
  /** SMTP address. */
  email: string;
  displayName: string;
}

export interface AppointmentCompose {
  getSubject(): Promise<string>;
  setSubject(subject: string): Promise<void>;
  /** Start and end as instants (Outlook keeps them in UTC; the time zone is the organizer's). */
  getStart(): Promise<Date>;
  getEnd(): Promise<Date>;
  getRequiredAttendees(): Promise<ComposeAttendee[]>;
  getOptionalAttendees(): Promise<ComposeAttendee[]>;
  /** The body as HTML, everything the organizer typed included. */
  getBodyHtml(): Promise<string>;
  /** Replaces the whole body with `html` (callers keep the organizer's text themselves). */
  setBodyHtml(html: string): Promise<void>;
  /**
   * Saves the draft (an appointment that was never saved becomes an item in the organizer's
   * calendar) and returns its item id (EWS format, as Office gives it).
   */
  save(): Promise<string>;
  /** The item id once the item was saved; undefined for a draft never saved. */
  getItemId(): Promise<string | undefined>;
  /** An Office (EWS) item id as Graph's REST id, for `/me/events/{id}`. */
  toRestId(itemId: string): string;
}

/** Which port call failed; messages name it. */
export type AppointmentComposeOperation =
  | 'getSubject'
  | 'setSubject'
  | 'getStart'
  | 'getEnd'
  | 'getRequiredAttendees'
  | 'getOptionalAttendees'
  | 'getBodyHtml'
  | 'setBodyHtml'
  | 'save'
  | 'getItemId'
  | 'toRestId';

/** A failed call on the compose form, with Office's error name (e.g. "DataExceedsMaximumSize"). */
export class AppointmentComposeError extends Error {
  override readonly name = 'AppointmentComposeError';
  constructor(
    readonly operation: AppointmentComposeOperation,
    /** Office's error name (`Office.Error.name`), or "Unavailable" when the API is missing. */
    readonly officeName: string,
    /** Office's error code (`Office.Error.code`), when it gave one. */
    readonly code: number | undefined,
    detail: string,
  ) {
    super(`Outlook could not ${describe(operation)}: ${detail} (${officeName})`);
  }
}

const DESCRIPTIONS: Record<AppointmentComposeOperation, string> = {
  getSubject: 'read the subject',
  setSubject: 'change the subject',
  getStart: 'read the start time',
  getEnd: 'read the end time',
  getRequiredAttendees: 'read the required attendees',
  getOptionalAttendees: 'read the optional attendees',
  getBodyHtml: 'read the invite body',
  setBodyHtml: 'write the invite body',
  save: 'save the meeting',
  getItemId: "read the meeting's item id",
  toRestId: "convert the meeting's item id",
};

const describe = (operation: AppointmentComposeOperation): string => DESCRIPTIONS[operation];
