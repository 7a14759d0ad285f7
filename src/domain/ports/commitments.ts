import type { HelpAsked } from '../commitments/help-request';
import type { TeamCommitments } from '../commitments/team-summary';
import type { ResourcesContent, TeamResources } from '../commitments/team-resources';
import type { Instant } from '../time/instant';
import type { DeliverableState, StoredVersion } from './expectations';
import type { GraphWords } from './graph-words';

/** Commitments across the team, and where to get help; the graph layer implements it. */

export interface TeamCommitmentsView {
  summary: TeamCommitments;
  /** The earliest due day counted (`YYYY-MM-DD`): older deliverables are out of the view. */
  since: string;
  /** Stored items Rapport could not read; counted, never shown. */
  unreadable: number;
}

export type ResourcesRead =
  | { kind: 'missing' }
  | { kind: 'found'; resources: TeamResources; version: StoredVersion }
  | { kind: 'invalid'; errors: Record<string, string[]>; version: StoredVersion };

export type SaveResourcesOutcome =
  | { kind: 'saved'; resources: TeamResources; version: StoredVersion }
  /** Someone saved meanwhile: what is stored now; the caller's draft was not written. */
  | { kind: 'conflict'; current: ResourcesRead }
  | { kind: 'invalid'; errors: Record<string, string[]> };

export type HelpAskedOutcome =
  | { kind: 'saved'; state: DeliverableState }
  /** The item went away or is unreadable; the person was still sent on to Teams. */
  | { kind: 'failed'; message: string; words?: GraphWords };

export interface CommitmentsService {
  /** Counts over the team's deliverables, due from `today` minus the view's window onward. */
  teamCommitments(now: Instant, timeZone: string): Promise<TeamCommitmentsView>;
  readResources(): Promise<ResourcesRead>;
  /** Creates when `version` is absent; otherwise writes only over that version (If-Match). */
  saveResources(
    resources: ResourcesContent,
    version?: StoredVersion,
  ): Promise<SaveResourcesOutcome>;
  /** Records on the owner's deliverable that help was asked. */
  recordHelpAsked(state: DeliverableState, asked: HelpAsked): Promise<HelpAskedOutcome>;
}
