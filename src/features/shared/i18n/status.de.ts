import type { DeliverableStatus } from '../../../domain/expectations/schema';

/** A deliverable's status in German: the same words in the app and in a posted summary. */
export const statusDe: Record<DeliverableStatus, string> = {
  notStarted: 'Nicht begonnen',
  onTrack: 'Im Plan',
  atRisk: 'Gefährdet',
  blocked: 'Blockiert',
  done: 'Erledigt',
};
