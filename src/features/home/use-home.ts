import { useQuery, useQueryClient } from '@tanstack/react-query';
import { RESOURCES_KEY } from '../commitments/use-commitments';
import { useServices } from '../shared/services';

/**
 * Home's data: one query, refreshed when the window regains focus. The team's help routes come
 * with it and are handed to their own query before Home renders, so the sections that use them
 * (where to get help, ask for help) find them there instead of reading them again.
 */
export function useHome() {
  const { homeReader, clock } = useServices();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['home'],
    queryFn: async () => {
      const home = await homeReader.load(clock.now());
      if (home.resources.ok) queryClient.setQueryData(RESOURCES_KEY, home.resources.value);
      return home;
    },
    staleTime: 60_000,
    retry: 1,
  });
}
