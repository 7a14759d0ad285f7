import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeetingRef } from '../../domain/meetings/meeting-ref';
import type { PostSummaryRequest } from '../../domain/ports/summaries';
import { useServices } from '../shared/services';

/** Server state of a meeting's summary and of its series' last occurrence. */

export const summaryQueryKey = (meetingKey: string) => ['summary', meetingKey] as const;

export function useSummary(meetingKey: string) {
  const { summaries } = useServices();
  return useQuery({
    queryKey: summaryQueryKey(meetingKey),
    queryFn: () => summaries.get(meetingKey),
    retry: 1,
  });
}

export function usePostSummary(meetingKey: string) {
  const { summaries } = useServices();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: PostSummaryRequest) => summaries.post(request),
    // Whatever happened (a conflict, a failure after the record was written), show what is stored.
    onSettled: () => queryClient.invalidateQueries({ queryKey: summaryQueryKey(meetingKey) }),
  });
}

export function useLastOccurrence(meeting: MeetingRef) {
  const { summaries } = useServices();
  return useQuery({
    queryKey: ['lastOccurrence', meeting.iCalUId, meeting.seriesKey ?? ''],
    // TanStack Query refuses undefined as data: "no earlier occurrence" is null.
    queryFn: async () => (await summaries.lastOccurrence(meeting)) ?? null,
    enabled: meeting.seriesKey !== undefined,
    refetchOnWindowFocus: true,
    retry: 1,
  });
}
