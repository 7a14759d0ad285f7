/**
 * Occurrence ids name their series master and their original start, so `/me/events/{id}` can
 * find an occurrence that is never stored on its own (Graph's ids are opaque; ours just need to be
 * stable and distinct).
 */
const OCCURRENCE = '-occ-';

export const occurrenceId = (masterId: string, originalStartMs: number): string =>
  `${masterId}${OCCURRENCE}${originalStartMs.toString(36)}`;

export function parseOccurrenceId(
  id: string,
): { masterId: string; originalStartMs: number } | undefined {
  const at = id.lastIndexOf(OCCURRENCE);
  if (at < 0) return undefined;
  const ms = parseInt(id.slice(at + OCCURRENCE.length), 36);
  if (!Number.isFinite(ms)) return undefined;
  return { masterId: id.slice(0, at), originalStartMs: ms };
}

/**
 * Each occurrence has its own iCalUId, the same in every attendee's copy (Graph: "different for
 * each occurrence in a recurring series").
 */
export const occurrenceICalUId = (masterICalUId: string, originalStartMs: number): string =>
  `${masterICalUId}${new Date(originalStartMs).toISOString().slice(0, 10).replace(/-/g, '')}`;
