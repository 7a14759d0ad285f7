import { z } from 'zod';
import { DUE_DATE_WORDS, formatDueDate, type DueDateWords } from '../expectations/invite-section';
import type { Deliverable } from '../expectations/schema';

/**
 * "Ask for help" on a deliverable. Both routes end in Teams itself, through deep links the host
 * opens: a chat with a mentor, pre-filled with the deliverable and its obstacle, or the team's help
 * channel. Rapport posts nothing on anyone's behalf, so it needs no chat or channel write scope;
 * the person reads and sends the message themselves.
 */

export const HELP_ROUTES = ['mentor', 'channel'] as const;
export type HelpRouteKind = (typeof HELP_ROUTES)[number];

/** Stored on the deliverable's own item by its owner: that help was asked, when and how. */
export const helpAskedSchema = z.object({
  at: z.iso.datetime({ error: 'When help was asked must be an ISO date and time.' }),
  route: z.enum(HELP_ROUTES, { error: 'Help goes to a mentor or to the help channel.' }),
});
export type HelpAsked = z.output<typeof helpAskedSchema>;

/** Teams cuts long pre-filled messages; the obstacle is the part worth keeping whole. */
export const HELP_MESSAGE_MAX_LENGTH = 1200;

/** The words of a help request in one language; the person sends them, so they are theirs. */
export interface HelpWords {
  askPerson: (name: string) => string;
  askAnyone: string;
  deliverable: (title: string, due: string, meetingSubject: string | undefined) => string;
  obstacle: (text: string) => string;
  dueDate: DueDateWords;
}

/** English, the default wherever no language is passed in. */
export const HELP_WORDS: HelpWords = {
  askPerson: (name) => `Hi ${name}, could you help me with a deliverable?`,
  askAnyone: 'Could someone help me with a deliverable?',
  deliverable: (title, due, meetingSubject) =>
    `“${title}”, due ${due}${meetingSubject ? ` (from ${meetingSubject})` : ''}.`,
  obstacle: (text) => `What is in the way: ${text}`,
  dueDate: DUE_DATE_WORDS,
};

/** The message a person sends when asking for help, in their words' place until they edit it. */
export function helpMessage(
  deliverable: Deliverable,
  opts: { greeting?: string; meetingSubject?: string } = {},
  words: HelpWords = HELP_WORDS,
): string {
  const obstacle = 'obstacle' in deliverable ? deliverable.obstacle : '';
  const lines = [
    opts.greeting ? words.askPerson(opts.greeting) : words.askAnyone,
    words.deliverable(
      deliverable.title,
      formatDueDate(deliverable.due, words.dueDate),
      opts.meetingSubject || undefined,
    ),
    ...(obstacle ? [words.obstacle(obstacle)] : []),
  ];
  const text = lines.join('\n');
  return text.length <= HELP_MESSAGE_MAX_LENGTH
    ? text
    : `${text.slice(0, HELP_MESSAGE_MAX_LENGTH - 1)}…`;
}

/**
 * Teams' deep link to a one-to-one chat with `upn`, with `message` typed in and not sent. Every
 * value is percent-encoded, so nothing the person wrote can add parameters or change the target.
 */
export function mentorChatLink(upn: string, message = ''): string {
  const base = `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(upn)}`;
  return message === '' ? base : `${base}&message=${encodeURIComponent(message)}`;
}
