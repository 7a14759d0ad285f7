import { describe, expect, it } from 'vitest';
import { defaultMeeting, meetingChoices } from '../../../src/local/host/meetings';
import type { HostMeeting } from '../../../src/local/tenant/controls/routes';

const meeting = (chatId: string, subject: string, start: string, minutes = 30): HostMeeting => ({
  chatId,
  subject,
  start,
  end: new Date(Date.parse(start) + minutes * 60_000).toISOString(),
  joinUrl: `https://teams.microsoft.com/l/meetup-join/${chatId}`,
  iCalUId: `${chatId}-${start}`,
  organizerId: 'o1',
});

const NOW = Date.parse('2026-03-11T15:05:00Z');
const list = [
  meeting('standup', 'Stand-up', '2026-03-09T15:00:00.000Z', 15),
  meeting('retro', 'Retro', '2026-03-10T10:00:00.000Z'),
  meeting('standup', 'Stand-up', '2026-03-11T15:00:00.000Z', 15),
  meeting('standup', 'Stand-up', '2026-03-13T15:00:00.000Z', 15),
  meeting('planning', 'Planning', '2026-03-12T09:00:00.000Z'),
];

describe('meeting picker', () => {
  it('offers each meeting chat once, at the occurrence in progress or next', () => {
    const choices = meetingChoices(list, NOW);
    expect(choices.map((c) => [c.chatId, c.start, c.occurrences])).toEqual([
      ['retro', '2026-03-10T10:00:00.000Z', 1],
      ['standup', '2026-03-11T15:00:00.000Z', 3],
      ['planning', '2026-03-12T09:00:00.000Z', 1],
    ]);
  });

  it('opens the meeting in progress, else the next, else the last', () => {
    expect(defaultMeeting(meetingChoices(list, NOW), NOW)?.chatId).toBe('standup');
    const later = Date.parse('2026-03-12T12:00:00Z');
    expect(defaultMeeting(meetingChoices(list, later), later)?.chatId).toBe('standup');
    const muchLater = Date.parse('2026-04-01T00:00:00Z');
    expect(defaultMeeting(meetingChoices(list, muchLater), muchLater)?.chatId).toBe('standup');
    expect(defaultMeeting([], NOW)).toBeUndefined();
  });
});
