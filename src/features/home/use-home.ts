import { useQuery } from '@tanstack/react-query';
import { useServices } from '../shared/services';

/** Home's data: one query, refreshed when the window regains focus. */
export function useHome() {
  const { homeReader, clock } = useServices();
  return useQuery({
    queryKey: ['home'],
    queryFn: () => homeReader.load(clock.now()),
    staleTime: 60_000,
    retry: 1,
  });
}
