import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type { ChatPost } from '../../domain/chat/chat-post';
import { ChatPostError, type MeetingChatService } from '../../domain/ports/meeting-chat';
import { outcomeUnknown } from '../write-outcome';
import {
  findMarkedMessage,
  postChatOnce,
  PostUnconfirmedError,
  type PostOnceOptions,
} from './post-once';

/** Graph's refusals in words a person can act on; sign-in and unknown errors pass through. */
function readable(err: unknown): unknown {
  if (err instanceof PostUnconfirmedError) {
    return new ChatPostError(
      'unavailable',
      `${err.message} Try again: Rapport looks in the chat first, so the message is never posted twice.`,
      undefined,
      { cause: err, words: { code: 'chatUnconfirmed', posts: err.posts } },
    );
  }
  if (!(err instanceof GraphError)) return err;
  const status = err.statusCode;
  if (status === 403) {
    return new ChatPostError(
      'forbidden',
      'You cannot post to this meeting chat: only people in the chat can, and your organization must let Rapport read and send chat messages for you.',
      status,
      { cause: err, words: { code: 'chatForbidden' } },
    );
  }
  if (status === 404) {
    return new ChatPostError(
      'notFound',
      'This meeting’s chat was not found, or you are not in it.',
      status,
      { cause: err, words: { code: 'chatNotFound' } },
    );
  }
  if (status === 400) {
    return new ChatPostError('invalid', `Teams refused the message: ${err.message}`, status, {
      cause: err,
      words: { code: 'chatRefused', detail: err.message },
    });
  }
  if (outcomeUnknown(err)) {
    return new ChatPostError(
      'unavailable',
      'Teams is busy or could not be reached. Try again in a moment.',
      status > 0 ? status : undefined,
      { cause: err, words: { code: 'chatUnavailable' } },
    );
  }
  return err;
}

/**
 * The meeting chat over Graph, as the signed-in person. Posts of one marker are chained within
 * the tab, so a second click waits for the first post and then finds it in the chat.
 */
export function graphMeetingChat(
  client: Client,
  options: PostOnceOptions = {},
): MeetingChatService {
  const inFlight = new Map<string, Promise<unknown>>();
  return {
    isPosted: async (chatId, marker) => {
      try {
        return (await findMarkedMessage(client, chatId, marker, options.pages)) !== undefined;
      } catch (err) {
        throw readable(err);
      }
    },
    postOnce: (chatId: string, post: ChatPost) => {
      const key = `${chatId}\n${post.marker}`;
      const before = inFlight.get(key) ?? Promise.resolve();
      const run = before
        .catch(() => undefined)
        .then(() => postChatOnce(client, chatId, post, options))
        .catch((err: unknown) => {
          throw readable(err);
        });
      inFlight.set(key, run);
      void run
        .finally(() => {
          if (inFlight.get(key) === run) inFlight.delete(key);
        })
        .catch(() => undefined);
      return run;
    },
  };
}
