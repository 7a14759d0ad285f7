import { Caption1 } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { STATS_WEEKS } from '../../domain/social/stats';
import { useServices } from '../shared/services';

/**
 * The program's meeting rate from private "did you meet?" answers: a share over whole blocks of
 * answers, or how many more it needs. Never anyone's own answer.
 */
export function MeetingRate({ programId }: { programId: string }) {
  const { coffeeFeedback } = useServices();
  const summary = useQuery({
    queryKey: ['coffee-rate', programId],
    queryFn: () => coffeeFeedback.summary(programId),
    staleTime: 60_000,
  });
  if (summary.isPending) return null;
  if (summary.isError) {
    return <Caption1>The meeting rate could not be loaded: {summary.error.message}</Caption1>;
  }
  const s = summary.data;
  if (s.state === 'waiting') {
    return (
      <Caption1>
        Meeting rate shows after {s.needed} more “did you meet?” answer{s.needed === 1 ? '' : 's'}.
      </Caption1>
    );
  }
  return (
    <Caption1>
      Met in the last {STATS_WEEKS} weeks: {Math.round(s.rate * 100)}% of {s.answered} answers.
    </Caption1>
  );
}
