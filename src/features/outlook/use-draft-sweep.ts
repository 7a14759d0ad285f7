import { useEffect } from 'react';
import type { FeedbackService } from '../../domain/ports/feedback';
import { useServices } from '../shared/services';

/** The relay takes at most this many meeting keys in one poll query. */
const MAX_KEYS_PER_POLL_QUERY = 50;

/**
 * Closes the open polls this person created for meetings whose draft was discarded unsent. The
 * relay offers their creator a close, not a delete: a closed poll takes no answers, and no one
 * is listed for a meeting that never reached a calendar, so nobody is asked about it again.
 */
async function closeOrphanPolls(feedback: FeedbackService, keys: readonly string[]) {
  for (let i = 0; i < keys.length; i += MAX_KEYS_PER_POLL_QUERY) {
    const polls = await feedback.pollsFor(keys.slice(i, i + MAX_KEYS_PER_POLL_QUERY));
    for (const poll of polls) {
      if (poll.isCreator && poll.status === 'open') await feedback.close(poll);
    }
  }
}

/** Services already swept, so React's strict mode running the effect twice sweeps once. */
const swept = new WeakSet<object>();

/**
 * When the Outlook pane opens, the organizer's client tidies up after meetings they composed
 * earlier (issue 9): Outlook tells an add-in neither Send nor Discard, so a record saved for a
 * draft that was then discarded would stay. In the background and once per pane: the screen
 * never waits for it, and a failed sweep is left to the next pane.
 */
export function useDraftSweep(): void {
  const { expectations, feedback } = useServices();
  useEffect(() => {
    if (swept.has(expectations)) return;
    swept.add(expectations);
    void (async () => {
      const sweep = await expectations.sweepDrafts();
      if (sweep.removedKeys.length > 0) await closeOrphanPolls(feedback, sweep.removedKeys);
    })().catch(() => {
      // Nothing to show: what is left stays until a later pane sweeps it.
    });
  }, [expectations, feedback]);
}
