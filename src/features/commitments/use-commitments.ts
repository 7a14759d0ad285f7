import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HelpAsked } from '../../domain/commitments/help-request';
import type { ResourcesContent } from '../../domain/commitments/team-resources';
import type { DeliverableState, StoredVersion } from '../../domain/ports/expectations';
import { useServices } from '../shared/services';

const RESOURCES = ['team-resources'] as const;

/** The viewer's own time zone decides which day "today" is for overdue. */
const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function useTeamCommitments() {
  const { commitments, clock } = useServices();
  return useQuery({
    queryKey: ['team-commitments'],
    queryFn: () => commitments.teamCommitments(clock.now(), viewerZone()),
    staleTime: 60_000,
    retry: 1,
  });
}

export function useTeamResources() {
  const { commitments } = useServices();
  return useQuery({
    queryKey: RESOURCES,
    queryFn: () => commitments.readResources(),
    staleTime: 60_000,
    retry: 1,
  });
}

export function useSaveResources() {
  const { commitments } = useServices();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      resources,
      version,
    }: {
      resources: ResourcesContent;
      version?: StoredVersion;
    }) => commitments.saveResources(resources, version),
    onSuccess: (outcome) => {
      if (outcome.kind === 'saved') {
        queryClient.setQueryData(RESOURCES, {
          kind: 'found',
          resources: outcome.resources,
          version: outcome.version,
        });
      } else if (outcome.kind === 'conflict') {
        queryClient.setQueryData(RESOURCES, outcome.current);
      }
    },
  });
}

export function useRecordHelpAsked() {
  const { commitments } = useServices();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ state, asked }: { state: DeliverableState; asked: HelpAsked }) =>
      commitments.recordHelpAsked(state, asked),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['home'] }),
  });
}
