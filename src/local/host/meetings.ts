import type { HostMeeting } from './tenant-client';

/** One entry of the meeting picker: a meeting chat, shown by the occurrence a tab would pick. */
export interface MeetingChoice {
  chatId: string;
  subject: string;
  start: string;
  end: string;
  /** How many occurrences of a series fall in the window (1 for a single meeting). */
  occurrences: number;
}

/**
 * A series shares one chat, so the picker offers each chat once, at the occurrence the app itself
 * would pick from that chat: the one in progress or next, else the latest past one.
 */
export function meetingChoices(meetings: readonly HostMeeting[], nowMs: number): MeetingChoice[] {
  const byChat = new Map<string, HostMeeting[]>();
  for (const m of meetings) byChat.set(m.chatId, [...(byChat.get(m.chatId) ?? []), m]);
  const choices: MeetingChoice[] = [];
  for (const [chatId, list] of byChat) {
    const sorted = [...list].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    const shown = sorted.find((m) => Date.parse(m.end) > nowMs) ?? sorted[sorted.length - 1];
    if (!shown) continue;
    choices.push({
      chatId,
      subject: shown.subject,
      start: shown.start,
      end: shown.end,
      occurrences: sorted.length,
    });
  }
  return choices.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/** The meeting a meeting surface opens when the URL names none: in progress, else next, else last. */
export function defaultMeeting(
  choices: readonly MeetingChoice[],
  nowMs: number,
): MeetingChoice | undefined {
  return choices.find((c) => Date.parse(c.end) > nowMs) ?? choices[choices.length - 1];
}
