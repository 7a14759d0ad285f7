import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Answers, PollDraft } from '../../domain/feedback/schema';
import type { HomeSection, RecentMeeting } from '../../domain/meetings/meeting';
import { isFeedbackError, type PollChanges, type PollView } from '../../domain/ports/feedback';
import { useServices } from '../shared/services';

/** Server state of feedback polls: one query per meeting, per poll's results, per stage count. */

export const meetingPollsKey = (meetingKey: string) => ['feedbackPolls', meetingKey] as const;
const resultsKey = (pollId: string) => ['feedbackResults', pollId] as const;
const WAITING_KEY = ['feedbackWaiting'] as const;

/**
 * The meeting's polls I created or am listed in, shown only when their creator is one of the
 * meeting's organizers in my own copy of the event: anyone may create a poll under any meeting key,
 * and an attendee must not be led to answer a stranger's poll as if the organizer asked.
 */
export function useMeetingPolls(meetingKey: string | undefined, organizerIds: readonly string[]) {
  const { feedback } = useServices();
  return useQuery({
    queryKey: meetingPollsKey(meetingKey ?? ''),
    queryFn: async () => {
      const polls = await feedback.pollsFor(meetingKey ? [meetingKey] : []);
      return polls.filter((p) => organizerIds.includes(p.creatorId));
    },
    enabled: meetingKey !== undefined,
    refetchOnWindowFocus: true,
    retry: 1,
  });
}

export function usePollResults(poll: PollView, enabled: boolean) {
  const { feedback } = useServices();
  return useQuery({
    queryKey: [...resultsKey(poll.id), poll.responses, poll.status],
    queryFn: () => feedback.results(poll.id),
    enabled,
    retry: 1,
  });
}

/** How many have answered, for the stage: polled every few seconds while it is shown. */
export const STAGE_REFRESH_MS = 3_000;

export function useStageCount(pollId: string) {
  const { feedback } = useServices();
  return useQuery({
    queryKey: ['feedbackStage', pollId],
    queryFn: () => feedback.poll(pollId),
    refetchInterval: STAGE_REFRESH_MS,
    refetchIntervalInBackground: true,
    // The relay client has retried a busy relay already; a refusal (not on the list) is final.
    retry: (failures, err) => failures < 2 && isFeedbackError(err, 'unavailable'),
  });
}

export function useCreatePoll(meetingKey: string) {
  const { feedback } = useServices();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: PollDraft) => feedback.create(draft),
    onSuccess: (poll) => {
      queryClient.setQueryData<PollView[]>(meetingPollsKey(meetingKey), (old) => [
        ...(old ?? []).filter((p) => p.id !== poll.id),
        poll,
      ]);
    },
  });
}

export function useAnswerPoll(poll: PollView) {
  const { feedback } = useServices();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { submissionId: string; answers: Answers }) =>
      feedback.answer(poll.id, input.submissionId, input.answers),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: meetingPollsKey(poll.meetingKey) });
      void queryClient.invalidateQueries({ queryKey: WAITING_KEY });
    },
  });
}

export function useClosePoll(poll: PollView) {
  const { feedback } = useServices();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => feedback.close(poll),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: meetingPollsKey(poll.meetingKey) });
    },
  });
}

/**
 * The creator's edit: one conditional PATCH with the poll as they last read it. The meeting's list
 * takes the poll the relay sent back, then reloads, also after a refusal (someone answered
 * meanwhile), so the tab shows where the poll stands.
 */
export function useUpdatePoll(meetingKey: string) {
  const { feedback } = useServices();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { poll: PollView; changes: PollChanges }) =>
      feedback.update(input.poll, input.changes),
    onSuccess: (poll) => {
      queryClient.setQueryData<PollView[]>(meetingPollsKey(meetingKey), (old) =>
        (old ?? []).map((p) => (p.id === poll.id ? poll : p)),
      );
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: meetingPollsKey(meetingKey) });
    },
  });
}

/**
 * Home's "Feedback waiting" among the recent meetings Home read with its own data (so the calendar
 * costs no request of its own): only the relay is asked, after Home shows, so it never delays it.
 * Meetings Home could not read leave nothing to ask about.
 */
export function useFeedbackWaiting(recent: HomeSection<RecentMeeting[]>) {
  const { feedback } = useServices();
  const meetings = recent.ok ? recent.value : [];
  return useQuery({
    queryKey: [...WAITING_KEY, meetings.map((m) => m.meetingKey)],
    queryFn: () => feedback.waiting(meetings),
    enabled: recent.ok,
    retry: 1,
  });
}
