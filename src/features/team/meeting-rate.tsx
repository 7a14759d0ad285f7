import { Caption1 } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { STATS_WEEKS } from '../../domain/social/stats';
import { errorText } from '../shared/error-text';
import { useT } from '../shared/i18n/i18n';
import { useServices } from '../shared/services';

/**
 * The program's meeting rate from private "did you meet?" answers: a share over whole blocks of
 * answers, or how many more it needs. Never anyone's own answer.
 */
export function MeetingRate({ programId }: { programId: string }) {
  const { coffeeFeedback } = useServices();
  const t = useT();
  const m = t.programs.rate;
  const summary = useQuery({
    queryKey: ['coffee-rate', programId],
    queryFn: () => coffeeFeedback.summary(programId),
    staleTime: 60_000,
  });
  if (summary.isPending) return null;
  if (summary.isError) {
    return <Caption1>{m.loadFailed(errorText(summary.error, t))}</Caption1>;
  }
  const s = summary.data;
  if (s.state === 'waiting') {
    return <Caption1>{m.waiting(s.needed)}</Caption1>;
  }
  return <Caption1>{m.met(STATS_WEEKS, Math.round(s.rate * 100), s.answered)}</Caption1>;
}
