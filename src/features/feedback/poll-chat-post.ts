import { renderChatPost, type ChatPost } from '../../domain/chat/chat-post';
import { chatTabLink } from '../../domain/chat/tab-link';
import { en, type Messages } from '../shared/i18n/en';

/** The entity id of the meeting tab, when the host did not say which tab this is. */
const MEETING_TAB_ENTITY = 'rapport-meeting';

/**
 * "Wed, Mar 18, 4:00 PM EDT": the close in the organizer's own zone, named, since attendees read
 * it in theirs. Falls back to English when the host's locale is not one Intl knows.
 */
export function closeText(closesAt: string, locale: string, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    ...(timeZone === undefined ? {} : { timeZone }),
  };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(locale, options);
  } catch {
    format = new Intl.DateTimeFormat('en-US', options);
  }
  return format.format(Date.parse(closesAt));
}

export interface PollChatPostInput {
  pollId: string;
  meetingSubject: string;
  closesAt: string;
  chatId: string;
  /** The Teams app id and the tab's entity id (the host context's page id), for the deep link. */
  teamsAppId: string;
  tabEntityId?: string;
  locale: string;
  timeZone?: string;
  /** The poster's catalog: the message is in their language, as the close is in their locale. */
  t?: Messages;
}

/**
 * The organizer's short message with a link that opens the meeting's Rapport tab, keyed by the
 * poll, so the same poll's message is recognised in the chat however often it is sent.
 */
export function pollChatPost(input: PollChatPostInput): ChatPost {
  const m = (input.t ?? en).feedback.chat;
  const subject = input.meetingSubject.trim() === '' ? m.thisMeeting : input.meetingSubject;
  const link = chatTabLink({
    appId: input.teamsAppId,
    entityId: input.tabEntityId ?? MEETING_TAB_ENTITY,
    chatId: input.chatId,
    label: m.linkLabel,
  });
  return renderChatPost({
    key: `poll:${input.pollId}`,
    paragraphs: [
      [
        {
          kind: 'text',
          text: m.message(subject, closeText(input.closesAt, input.locale, input.timeZone)),
        },
      ],
      [{ kind: 'link', href: link, text: m.answerInRapport }],
    ],
  });
}
