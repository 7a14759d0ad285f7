import type { Client } from '@microsoft/microsoft-graph-client';
import type { CommitmentsService } from '../../domain/ports/commitments';
import {
  expectationsRepository,
  type StoredDeliverable,
} from '../expectations/expectations-repository';
import { readTeamResources, saveTeamResources } from './resources-store';
import { readTeamCommitments } from './team-deliverables';

export interface CommitmentsServiceOptions {
  siteId: string;
}

const GONE = {
  kind: 'failed',
  message: 'This deliverable was removed or changed outside Rapport; reload Home.',
  words: { code: 'deliverableGoneHome' },
} as const;

export function graphCommitmentsService(
  client: Client,
  options: CommitmentsServiceOptions,
): CommitmentsService {
  const { siteId } = options;
  const repo = expectationsRepository(client, { siteId });
  return {
    teamCommitments: (now, timeZone) => readTeamCommitments(client, siteId, now, timeZone),
    readResources: () => readTeamResources(client, siteId),
    saveResources: (resources, version) => saveTeamResources(client, siteId, resources, version),
    async recordHelpAsked(state, asked) {
      if (state.version === undefined) return GONE;
      let stored: StoredDeliverable = {
        kind: 'found',
        meetingKey: state.meetingKey,
        deliverable: state.deliverable,
        ...(state.statusSetBy === undefined ? {} : { statusSetBy: state.statusSetBy }),
        ...(state.meetingSubject === undefined ? {} : { meetingSubject: state.meetingSubject }),
        ...state.version,
      };
      // One retry over a newer version: the note is the owner's own and never changes the status.
      for (let attempt = 0; attempt < 2; attempt++) {
        const result = await repo.updateDeliverable(stored, stored.deliverable, {
          helpAsked: asked,
        });
        if (result.kind === 'saved') {
          const { item } = result;
          return {
            kind: 'saved',
            state: {
              ...state,
              deliverable: item.deliverable,
              version: { itemId: item.itemId, etag: item.etag },
              helpAsked: asked,
            },
          };
        }
        if (result.current?.kind !== 'found') break;
        stored = result.current;
      }
      return GONE;
    },
  };
}
