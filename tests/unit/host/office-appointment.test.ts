/// <reference types="office-js" />
/**
 * The Office.js adapter of the AppointmentCompose port (src/host/office-appointment.ts), against a
 * typed fake of Office's callback convention: every call answers through an `Office.AsyncResult`
 * with `status` "succeeded" (and a value) or "failed" (and an `Office.Error`), asynchronously, as
 * Office does. The enums carry Office's own string values.
 */
import { describe, expect, it } from 'vitest';
import { AppointmentComposeError } from '../../../src/domain/ports/appointment-compose';
import { officeAppointmentCompose, type OfficeApi } from '../../../src/host/office-appointment';

// @types/office-js declares these enums numeric; office.js defines them as strings
// (`AsyncResultStatus={Succeeded:"succeeded",Failed:"failed"}`), which the fake follows.
const Succeeded = 'succeeded' as unknown as Office.AsyncResultStatus.Succeeded;
const Failed = 'failed' as unknown as Office.AsyncResultStatus.Failed;

function ok<T>(value: T): Office.AsyncResult<T> {
  return {
    status: Succeeded,
    value,
    error: undefined as unknown as Office.Error,
    asyncContext: undefined,
    diagnostics: undefined,
  };
}
function failed<T>(name: string, message: string, code = 9000): Office.AsyncResult<T> {
  return {
    status: Failed,
    value: undefined as T,
    error: { name, message, code },
    asyncContext: undefined,
    diagnostics: undefined,
  };
}

/** Calls back on a later task, as Office does. */
const later = <T>(cb: (r: Office.AsyncResult<T>) => void, result: Office.AsyncResult<T>) => {
  setTimeout(() => {
    cb(result);
  }, 0);
};

/** The last argument of an Office call is its callback. */
const callbackOf = <T>(args: unknown[]) => args.at(-1) as (r: Office.AsyncResult<T>) => void;

interface FakeState {
  subject: string;
  start: Date;
  end: Date;
  required: Office.EmailAddressDetails[];
  optional: Office.EmailAddressDetails[];
  body: string;
  itemId: string | undefined;
  failures: Partial<Record<string, Office.AsyncResult<never>>>;
  calls: { name: string; args: unknown[] }[];
}

function fakeOffice(state: FakeState, extra: Partial<Office.AppointmentCompose> = {}): OfficeApi {
  const answer = (name: string, args: unknown[], value: () => unknown) => {
    state.calls.push({ name, args: args.slice(0, -1) });
    const failure = state.failures[name];
    later(callbackOf<unknown>(args), failure ?? ok(value()));
  };
  const recipients = (key: 'required' | 'optional') =>
    ({
      getAsync: (...args: unknown[]) => {
        answer(`${key}.getAsync`, args, () => state[key]);
      },
    }) as unknown as Office.Recipients;
  const item = {
    itemType: 'appointment',
    subject: {
      getAsync: (...args: unknown[]) => {
        answer('subject.getAsync', args, () => state.subject);
      },
      setAsync: (subject: string, ...args: unknown[]) => {
        answer('subject.setAsync', [subject, ...args], () => {
          state.subject = subject;
        });
      },
    },
    start: {
      getAsync: (...args: unknown[]) => {
        answer('start.getAsync', args, () => state.start);
      },
    },
    end: {
      getAsync: (...args: unknown[]) => {
        answer('end.getAsync', args, () => state.end);
      },
    },
    requiredAttendees: recipients('required'),
    optionalAttendees: recipients('optional'),
    body: {
      getAsync: (coercion: string, ...args: unknown[]) => {
        answer('body.getAsync', [coercion, ...args], () => state.body);
      },
      setAsync: (html: string, options: Office.AsyncContextOptions, ...args: unknown[]) => {
        answer('body.setAsync', [html, options, ...args], () => {
          state.body = html;
        });
      },
    },
    saveAsync: (...args: unknown[]) => {
      answer('saveAsync', args, () => {
        state.itemId ??= 'AAMkAGI2TG93AAA/x+y=';
        return state.itemId;
      });
    },
    getItemIdAsync: (...args: unknown[]) => {
      const failure = state.itemId
        ? undefined
        : failed<string>('ItemNotSaved', 'The ID can’t be retrieved until the item is saved.');
      state.calls.push({ name: 'getItemIdAsync', args: [] });
      later(
        callbackOf<string>(args),
        state.failures.getItemIdAsync ?? failure ?? ok(state.itemId!),
      );
    },
    ...extra,
  } as unknown as Office.AppointmentCompose;
  return {
    context: {
      mailbox: {
        item,
        convertToRestId: (id: string, version: Office.MailboxEnums.RestVersion) => {
          state.calls.push({ name: 'convertToRestId', args: [id, version] });
          return id.replace(/\//g, '-').replace(/\+/g, '_');
        },
      },
    },
    AsyncResultStatus: { Succeeded, Failed },
    CoercionType: { Html: 'html' as unknown as Office.CoercionType.Html },
    MailboxEnums: {
      RestVersion: { v2_0: 'v2.0' as unknown as Office.MailboxEnums.RestVersion.v2_0 },
    },
  };
}

const newState = (): FakeState => ({
  subject: 'Sprint planning',
  start: new Date('2026-12-07T15:00:00Z'),
  end: new Date('2026-12-07T16:00:00Z'),
  required: [
    {
      emailAddress: 'ana@rapportdemo.onmicrosoft.com',
      displayName: 'Ana Ruiz',
      recipientType: 'user',
      appointmentResponse: 'none',
    },
  ],
  optional: [
    {
      emailAddress: 'ben@rapportdemo.onmicrosoft.com',
      displayName: '',
      recipientType: 'user',
      appointmentResponse: 'none',
    },
  ],
  body: '<p>Organizer’s own words</p>',
  itemId: undefined,
  failures: {},
  calls: [],
});

describe('officeAppointmentCompose', () => {
  it('reads the subject, times and attendees through Office callbacks', async () => {
    const state = newState();
    const compose = officeAppointmentCompose(fakeOffice(state));
    expect(await compose.getSubject()).toBe('Sprint planning');
    expect((await compose.getStart()).toISOString()).toBe('2026-12-07T15:00:00.000Z');
    expect((await compose.getEnd()).toISOString()).toBe('2026-12-07T16:00:00.000Z');
    expect(await compose.getRequiredAttendees()).toEqual([
      { email: 'ana@rapportdemo.onmicrosoft.com', displayName: 'Ana Ruiz' },
    ]);
    // An attendee Outlook shows without a name is shown by address.
    expect(await compose.getOptionalAttendees()).toEqual([
      { email: 'ben@rapportdemo.onmicrosoft.com', displayName: 'ben@rapportdemo.onmicrosoft.com' },
    ]);
  });

  it('reads and writes the body as HTML', async () => {
    const state = newState();
    const compose = officeAppointmentCompose(fakeOffice(state));
    expect(await compose.getBodyHtml()).toBe('<p>Organizer’s own words</p>');
    await compose.setBodyHtml('<p>Organizer’s own words</p><div>Expectations</div>');
    expect(state.body).toBe('<p>Organizer’s own words</p><div>Expectations</div>');
    expect(state.calls.filter((c) => c.name.startsWith('body.'))).toEqual([
      { name: 'body.getAsync', args: ['html'] },
      {
        name: 'body.setAsync',
        args: ['<p>Organizer’s own words</p><div>Expectations</div>', { coercionType: 'html' }],
      },
    ]);
    await compose.setSubject('Sprint planning (week 50)');
    expect(state.subject).toBe('Sprint planning (week 50)');
  });

  it('has no item id before the first save, then saveAsync’s id, converted to a REST id', async () => {
    const state = newState();
    const compose = officeAppointmentCompose(fakeOffice(state));
    expect(await compose.getItemId()).toBeUndefined();
    const id = await compose.save();
    expect(id).toBe('AAMkAGI2TG93AAA/x+y=');
    expect(await compose.getItemId()).toBe(id);
    expect(compose.toRestId(id)).toBe('AAMkAGI2TG93AAA-x_y=');
    expect(state.calls.find((c) => c.name === 'convertToRestId')?.args).toEqual([id, 'v2.0']);
  });

  it('rejects with the call and Office’s error when the result failed', async () => {
    const state = newState();
    state.failures['body.setAsync'] = failed(
      'DataExceedsMaximumSize',
      'The data exceeds the maximum size.',
      9000,
    );
    const compose = officeAppointmentCompose(fakeOffice(state));
    const error = await compose.setBodyHtml('<p>x</p>').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppointmentComposeError);
    expect(error).toMatchObject({
      operation: 'setBodyHtml',
      officeName: 'DataExceedsMaximumSize',
      code: 9000,
      message:
        'Outlook could not write the invite body: The data exceeds the maximum size. (DataExceedsMaximumSize)',
    });
    expect(state.body).toBe('<p>Organizer’s own words</p>');
  });

  it('passes on a getItemIdAsync failure other than "not saved"', async () => {
    const state = newState();
    state.failures.getItemIdAsync = failed('GenericResponseError', 'Internal error.');
    const compose = officeAppointmentCompose(fakeOffice(state));
    await expect(compose.getItemId()).rejects.toMatchObject({
      operation: 'getItemId',
      officeName: 'GenericResponseError',
    });
  });

  it('rejects, not throws, when the host lacks an API (an older requirement set)', async () => {
    const state = newState();
    const office = fakeOffice(state, {
      getItemIdAsync: () => {
        throw new TypeError('item.getItemIdAsync is not a function');
      },
    });
    const compose = officeAppointmentCompose(office);
    await expect(compose.getItemId()).rejects.toMatchObject({
      operation: 'getItemId',
      officeName: 'Unavailable',
      message:
        "Outlook could not read the meeting's item id: item.getItemIdAsync is not a function (Unavailable)",
    });
  });

  it('refuses to start without a mailbox, or on an item that is not a meeting being composed', () => {
    const state = newState();
    const office = fakeOffice(state);
    expect(() => officeAppointmentCompose({ ...office, context: {} })).toThrow(
      "Outlook could not read the meeting's item id: this pane is not open on a meeting being composed (Unavailable)",
    );
    const message = { itemType: 'message', subject: 'Read mode subject is a string' };
    expect(() =>
      officeAppointmentCompose({
        ...office,
        context: {
          mailbox: {
            item: message as unknown as Office.Item,
            convertToRestId: office.context.mailbox!.convertToRestId,
          },
        },
      }),
    ).toThrow(AppointmentComposeError);
  });

  it('refuses to start where Office has no HTML coercion (office.js outside Outlook)', () => {
    const office = fakeOffice(newState());
    expect(() =>
      officeAppointmentCompose({
        ...office,
        CoercionType: {} as OfficeApi['CoercionType'],
      }),
    ).toThrow(
      "Outlook could not read the invite body: Office's HTML coercion is not available here",
    );
  });

  it('takes dates from another window (the local host’s frame) as instants', async () => {
    const state = newState();
    // A Date-like from another realm fails `instanceof Date` but has getTime.
    const foreign = Object.create(null) as Date;
    Object.assign(foreign, { getTime: () => Date.parse('2026-12-07T15:00:00Z') });
    state.start = foreign;
    const compose = officeAppointmentCompose(fakeOffice(state));
    const start = await compose.getStart();
    expect(start).toBeInstanceOf(Date);
    expect(start.toISOString()).toBe('2026-12-07T15:00:00.000Z');
  });
});
