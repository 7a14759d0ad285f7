import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type * as G from '@microsoft/microsoft-graph-types';
import { renderedTextChanged, replaceSection } from '../../domain/expectations/invite-section';
import { sendOnce } from '../client';
import { GraphWordsError } from '../../domain/ports/graph-words';
import { outcomeUnknown, waitMs } from '../write-outcome';

/**
 * The organizer's invite: the Rapport section of the organizer's event body (ARCHITECTURE.md,
 * "Where data lives": the invite). Every PATCH of that event emails every attendee, so the body is
 * written only when the section's visible text changes, and never twice for one change:
 *
 * - the PATCH carries `If-Match`, and is sent once (`sendOnce`): the client's retry middlewares
 *   never re-send it on their own, because a 503 or a dropped connection can come after Exchange
 *   stored the body and sent the update;
 * - when the outcome is unknown (no answer, 429, 5xx) or the event changed meanwhile (412), the
 *   body is read again: if it already holds the section, the earlier PATCH took effect and nothing
 *   more is sent; otherwise the PATCH goes again against the fresh ETag, a bounded number of times.
 */

/** An event body as HTML, with the ETag to write it back with. */
export interface EventBody {
  html: string;
  etag: string;
}

export type InviteSyncResult = 'updated' | 'unchanged';

export interface InviteSyncOptions {
  /** Reads and writes before giving up (each write follows a read); 4 unless told. */
  maxAttempts?: number;
  /** Waits between attempts (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
}

type EventWithEtag = G.Event & { '@odata.etag'?: string };

const eventPath = (eventId: string): string => `/me/events/${encodeURIComponent(eventId)}`;

function bodyOf(event: EventWithEtag): EventBody {
  return { html: event.body?.content ?? '', etag: event['@odata.etag'] ?? event.changeKey ?? '' };
}

/** `GET /me/events/{id}?$select=body,changeKey` as HTML (`Prefer: outlook.body-content-type`). */
export async function getEventBody(client: Client, eventId: string): Promise<EventBody> {
  const event = (await client
    .api(eventPath(eventId))
    .header('Prefer', 'outlook.body-content-type="html"')
    .select(['body', 'changeKey'])
    .get()) as EventWithEtag;
  return bodyOf(event);
}

/**
 * `PATCH /me/events/{id}` with the whole body as HTML, `If-Match` the ETag it was read with, sent
 * once (see the module comment). Answers the body as Exchange stored it.
 */
export async function patchEventBody(
  client: Client,
  eventId: string,
  html: string,
  etag: string,
): Promise<EventBody> {
  const patch: Pick<G.Event, 'body'> = { body: { contentType: 'html', content: html } };
  const event = (await client
    .api(eventPath(eventId))
    .header('If-Match', etag)
    .middlewareOptions(sendOnce())
    .patch(patch)) as EventWithEtag;
  return bodyOf(event);
}

/**
 * Puts `sectionHtml` (one section as `renderInviteSection` makes it, or '' to remove it) into the
 * organizer's event body, keeping the rest of the body as it is. 'unchanged' when the body already
 * reads the same (no PATCH, no mail); 'updated' once the body holds it. Throws when the event
 * cannot be read or written (404, 403, …) or after `maxAttempts` reads without success.
 */
export async function syncInviteSection(
  client: Client,
  eventId: string,
  sectionHtml: string,
  options: InviteSyncOptions = {},
): Promise<InviteSyncResult> {
  const maxAttempts = options.maxAttempts ?? 4;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let lastError: unknown;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const current = await getEventBody(client, eventId);
    const next = replaceSection(current.html, sectionHtml);
    if (!renderedTextChanged(current.html, next)) {
      // After a failed attempt, a body that already reads right is that attempt's write.
      return lastError === undefined ? 'unchanged' : 'updated';
    }
    try {
      await patchEventBody(client, eventId, next, current.etag);
      return 'updated';
    } catch (err) {
      const conflict = err instanceof GraphError && err.statusCode === 412;
      if (!conflict && !outcomeUnknown(err)) throw err;
      lastError = err;
      if (!conflict && attempt < maxAttempts) await sleep(waitMs(err, attempt));
    }
  }
  throw new GraphWordsError(
    { code: 'inviteAttempts', attempts: maxAttempts },
    `The invite could not be updated after ${String(maxAttempts)} attempts; the event kept changing or Graph did not answer.`,
    { cause: lastError },
  );
}
