import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { HelpAsked } from '../../domain/commitments/help-request';
import type { ResourcesContent } from '../../domain/commitments/team-resources';
import type { DeliverableState, StoredVersion } from '../../domain/ports/expectations';
import { useServices } from '../shared/services';

/** Shared with Home, which seeds it from its own read. */
export const RESOURCES_KEY = ['team-resources'] as const;

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

/**
 * The team's help routes. On Home they come with Home's own read (seeded by `useHome`), so Home
 * does not read them again; `enabled: false` when Home's read of them failed, whose error Home
 * shows instead of reading again on its own.
 */
export function useTeamResources(enabled = true) {
  const { commitments } = useServices();
  return useQuery({
    queryKey: RESOURCES_KEY,
    queryFn: () => commitments.readResources(),
    staleTime: 60_000,
    enabled,
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
        queryClient.setQueryData(RESOURCES_KEY, {
          kind: 'found',
          resources: outcome.resources,
          version: outcome.version,
        });
      } else if (outcome.kind === 'conflict') {
        queryClient.setQueryData(RESOURCES_KEY, outcome.current);
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
