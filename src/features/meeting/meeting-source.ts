/**
 * How a view names its meeting: the meeting tab knows its chat, Home knows the person's own
 * calendar event. Both resolve to the same meeting and the same stored expectations.
 */
export type MeetingSource = { kind: 'chat'; chatId: string } | { kind: 'event'; eventId: string };

export const sourceId = (source: MeetingSource): string =>
  source.kind === 'chat' ? source.chatId : source.eventId;
