/// <reference types="office-js" />
/**
 * The Outlook add-in's invite writer (src/app/compose-invite.ts) over the Office.js adapter and
 * the local Outlook compose host's stand-in mailbox: the section goes into the form's body with
 * the organizer's text kept (boundary look-alikes included), the item is saved after, an
 * unchanged section writes nothing, and a failed save reaches the caller as Office's error.
 */
import { describe, expect, it } from 'vitest';
import { composeInviteWriter } from '../../../src/app/compose-invite';
import {
  SECTION_END_TEXT,
  SECTION_START_TEXT,
  renderInviteSection,
} from '../../../src/domain/expectations/invite-section';
import type { Expectations } from '../../../src/domain/expectations/schema';
import { AppointmentComposeError } from '../../../src/domain/ports/appointment-compose';
import { createOfficeHost } from '../../../src/host/office-host';
import { officeAppointmentCompose } from '../../../src/host/office-appointment';
import {
  createComposeMailbox,
  type ComposeState,
  type StandInOptions,
} from '../../../src/local/outlook/compose-item';

const enums = {
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  CoercionType: { Text: 'text' },
} as unknown as Pick<typeof Office, 'AsyncResultStatus' | 'CoercionType'>;

const ORGANIZER = `<p>Bring the Q3 numbers.</p><p>${SECTION_START_TEXT} (just words)</p><p>${SECTION_END_TEXT} (also words)</p>`;

function setUp(options: StandInOptions = {}) {
  const state: ComposeState = {
    subject: 'Quarterly review',
    start: new Date('2026-03-12T15:00:00Z'),
    end: new Date('2026-03-12T16:00:00Z'),
    required: [],
    optional: [],
    bodyHtml: ORGANIZER,
    itemId: undefined,
  };
  const calls: string[] = [];
  const standIn = createComposeMailbox(state, enums, {
    ...options,
    log: (call) => calls.push(call),
  });
  const compose = officeAppointmentCompose({
    context: { mailbox: standIn.mailbox },
    AsyncResultStatus: enums.AsyncResultStatus,
    CoercionType: standIn.CoercionType,
    MailboxEnums: standIn.MailboxEnums,
  });
  return { state, calls, write: composeInviteWriter(compose) };
}

const expectations = (purpose: string): Expectations => ({
  schemaVersion: 1,
  meetingKey: 'k',
  purpose,
  outcome: '',
  agenda: [],
  roles: [],
  deliverables: [],
  successMetrics: [],
});

const section = (purpose: string) => renderInviteSection(expectations(purpose), () => undefined);

describe('the add-in’s invite writer', () => {
  it('writes the section into the form, keeps the organizer’s text, then saves the item', async () => {
    const saved: string[] = [];
    const { state, calls, write } = setUp({
      save: (s) => {
        saved.push(s.bodyHtml);
        return Promise.resolve('AAMkAGEv000042');
      },
    });
    expect(await write('ignored', section('Agree the <Q4> plan.'))).toBe('inForm');
    expect(state.bodyHtml.endsWith(ORGANIZER)).toBe(true);
    expect(state.bodyHtml).toContain('Agree the &lt;Q4&gt; plan.');
    expect(state.itemId).toBe('AAMkAGEv000042');
    // The save carried the new body.
    expect(saved).toEqual([state.bodyHtml]);
    expect(calls.slice(-2)).toEqual(['body.setAsync', 'saveAsync']);

    // The same section again: nothing written, nothing saved.
    const before = calls.length;
    expect(await write('ignored', section('Agree the <Q4> plan.'))).toBe('unchanged');
    expect(calls.slice(before)).toEqual(['body.getAsync']);

    // A new purpose replaces the section, still once, still below the organizer's words.
    expect(await write('ignored', section('Pick owners.'))).toBe('inForm');
    expect(state.bodyHtml.endsWith(ORGANIZER)).toBe(true);
    expect(state.bodyHtml).not.toContain('Agree the');
    expect(state.bodyHtml.split('Purpose</h4>').length - 1).toBe(1);
  });

  it('fails with Office’s error when Outlook cannot save the item', async () => {
    const { write } = setUp({ save: () => Promise.reject(new Error('the tenant is down')) });
    const failure = await write('ignored', section('Agree the plan.')).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppointmentComposeError);
    expect((failure as AppointmentComposeError).operation).toBe('save');
    expect((failure as AppointmentComposeError).officeName).toBe('GenericResponseError');
    expect((failure as Error).message).toContain('the tenant is down');
  });
});

describe('the Office host', () => {
  it('is Outlook’s task pane: nested app auth, no stage, Office’s display language', async () => {
    const host = createOfficeHost({ displayLanguage: 'de-DE' });
    expect(host.kind).toBe('office');
    expect(host.naaRecommended()).toBe(true);
    expect(host.context()).toMatchObject({
      hostName: 'Outlook',
      frameContext: 'task',
      locale: 'de-DE',
    });
    expect(await host.canShareToStage()).toBe(false);
    await expect(host.shareToStage('https://example.test')).rejects.toThrow(/task pane/);
  });
});
