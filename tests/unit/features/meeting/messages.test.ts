import { describe, expect, it } from 'vitest';
import { agendaTime } from '../../../../src/domain/expectations/agenda-time';
import { instant } from '../../../../src/domain/time/instant';
import {
  agendaTimeText,
  inviteMessage,
  lastChangedText,
  savedNotice,
  statusSetByFlag,
  templateNote,
} from '../../../../src/features/meeting/messages';
import { attendeeNames } from '../../../../src/features/meeting/labels';
import { deliverable } from '../../domain/expectations/builders';
import { ATTENDEES, record } from './builders';

describe('after a save', () => {
  it('says what happened to the invite', () => {
    expect(inviteMessage('updated').text).toBe('Invite updated for attendees.');
    expect(inviteMessage('unchanged').text).toBe('Invite unchanged — no update sent.');
    expect(inviteMessage('notOrganizer').text).toMatch(/organizer/);
    // The Outlook add-in wrote into the meeting being composed: nobody has it until it is sent.
    expect(inviteMessage('inForm').text).toMatch(/when you send the meeting/);
    expect(inviteMessage({ failed: 'Saved, but the invite could not be updated: 503' })).toEqual({
      intent: 'warning',
      text: 'Saved, but the invite could not be updated: 503',
    });
  });

  it('says when other changes were merged in', () => {
    const saved = { kind: 'saved' as const, record: record(), invite: 'updated' as const };
    expect(savedNotice({ ...saved, merged: false })).toEqual({
      intent: 'success',
      text: 'Expectations saved. Invite updated for attendees.',
    });
    expect(savedNotice({ ...saved, merged: true }).text).toBe(
      'Expectations saved. Merged with changes made meanwhile by someone else. Invite updated for attendees.',
    );
    expect(savedNotice({ ...saved, merged: false, invite: { failed: 'No invite.' } }).intent).toBe(
      'warning',
    );
  });
});

describe('lastChangedText', () => {
  const version = record().version;

  it('names who and when', () => {
    expect(lastChangedText(version, 'en-US', 'UTC')).toBe(
      'Last changed by Olu Organizer on Mar 12, 2026, 9:30 AM',
    );
  });

  it('says what it knows', () => {
    expect(lastChangedText({ itemId: 'i', etag: 'e' }, 'en-US')).toBeUndefined();
    expect(
      lastChangedText({ itemId: 'i', etag: 'e', lastModifiedBy: { displayName: 'Ana' } }, 'en-US'),
    ).toBe('Last changed by Ana');
    expect(
      lastChangedText(
        { itemId: 'i', etag: 'e', lastModifiedDateTime: '2026-03-12T09:30:00Z' },
        'en-GB',
        'UTC',
      ),
    ).toBe('Last changed on 12 Mar 2026, 09:30');
  });
});

describe('statusSetByFlag', () => {
  const nameOf = attendeeNames(ATTENDEES);
  const state = { meetingKey: 'm', deliverable: deliverable({ ownerId: 'ana' }) };

  it('flags a status someone other than the owner set', () => {
    expect(statusSetByFlag({ ...state, statusSetBy: 'org' }, nameOf)).toBe(
      'Status set by Olu Organizer, not the owner',
    );
    expect(statusSetByFlag({ ...state, statusSetBy: 'stranger' }, nameOf)).toBe(
      'Status set by Unknown attendee, not the owner',
    );
  });

  it('says nothing when the owner set it or nobody knows', () => {
    expect(statusSetByFlag({ ...state, statusSetBy: 'ana' }, nameOf)).toBeUndefined();
    expect(statusSetByFlag(state, nameOf)).toBeUndefined();
  });
});

describe('agendaTimeText', () => {
  const meeting = { start: instant(0), end: instant(45 * 60_000) };
  const timed = (...minutes: (number | undefined)[]) =>
    agendaTimeText(
      agendaTime(
        minutes.map((m) => (m === undefined ? {} : { minutes: m })),
        meeting,
      ),
    );

  it('compares the planned minutes with the meeting', () => {
    expect(timed(10, 20, 25)).toBe('55 of 45 minutes planned — 10 over');
    expect(timed(10, 20)).toBe('30 of 45 minutes planned');
    expect(timed(10, 20, 25, undefined)).toBe(
      '55 of 45 minutes planned, plus 1 untimed item — 10 over',
    );
    expect(timed(undefined, undefined)).toBe('0 of 45 minutes planned, plus 2 untimed items');
  });
});

describe('templateNote', () => {
  it('lists what the template filled', () => {
    expect(templateNote('Planning', ['purpose', 'agenda', 'successMetrics'])).toBe(
      'Filled in the purpose, agenda and success metrics from “Planning”. Anything you had written is kept.',
    );
    expect(templateNote('Planning', ['outcome'])).toBe(
      'Filled in the outcome from “Planning”. Anything you had written is kept.',
    );
    expect(templateNote('Planning', [])).toMatch(/^Nothing filled in/);
  });
});
