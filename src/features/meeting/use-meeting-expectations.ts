import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MeetingExpectations,
  MeetingOpenResult,
  SaveRequest,
  StatusRequest,
} from '../../domain/ports/expectations';
import { useT } from '../shared/i18n/i18n';
import { useServices } from '../shared/services';
import { sourceId, type MeetingSource } from './meeting-source';
import { effectiveOf, withDeliverableState, withSavedRecord } from './save-plan';

/** Server state of a meeting's expectations: one query per meeting chat or calendar event. */

export const meetingExpectationsKey = (source: MeetingSource | undefined) =>
  ['meetingExpectations', source?.kind ?? '', source ? sourceId(source) : ''] as const;

/** Home lists expectations and my deliverables too; a change anywhere refreshes it. */
const HOME_KEY = ['home'] as const;

export function useMeetingExpectations(source: MeetingSource | undefined) {
  const { expectations, clock } = useServices();
  return useQuery({
    queryKey: meetingExpectationsKey(source),
    queryFn: () => {
      if (source === undefined) throw new Error('No meeting to open.');
      return source.kind === 'chat'
        ? expectations.openMeeting(source.chatId, clock.now())
        : expectations.openMeetingByEvent(source.eventId);
    },
    enabled: source !== undefined,
    // Owners change statuses from their own tabs; coming back to this one shows them.
    refetchOnWindowFocus: true,
    retry: 1,
  });
}

/** Applies a change to the cached meeting while the refetch brings the rest. */
function useUpdateCached(source: MeetingSource | undefined) {
  const queryClient = useQueryClient();
  return (change: (data: MeetingExpectations) => MeetingExpectations) => {
    if (source !== undefined) {
      queryClient.setQueryData<MeetingOpenResult>(meetingExpectationsKey(source), (old) =>
        old?.kind === 'found' ? { ...old, data: change(old.data) } : old,
      );
      void queryClient.invalidateQueries({ queryKey: meetingExpectationsKey(source) });
    }
    void queryClient.invalidateQueries({ queryKey: HOME_KEY });
  };
}

export function useSaveExpectations(source: MeetingSource) {
  const { expectations } = useServices();
  const updateCached = useUpdateCached(source);
  return useMutation({
    mutationFn: (request: SaveRequest) => expectations.save(request),
    onSuccess: (outcome, request) => {
      if (outcome.kind === 'saved') {
        updateCached((data) => withSavedRecord(data, request.scope, outcome.record));
      }
    },
  });
}

/** An owner's status change; `source` is the meeting view it was made in (none on Home). */
export function useSetStatus(source: MeetingSource | undefined) {
  const { expectations } = useServices();
  const updateCached = useUpdateCached(source);
  return useMutation({
    mutationFn: (request: StatusRequest) => expectations.setStatus(request),
    onSuccess: (outcome) => {
      if (outcome.kind === 'saved')
        updateCached((data) => withDeliverableState(data, outcome.state));
    },
  });
}

/**
 * Only the organizer's own client can change the invite (it is their event). When someone else
 * (a co-organizer) saved last, the organizer's tab re-renders the invite from what is stored; the
 * port sends nothing when the rendered text is unchanged. Keyed by the record's ETag, so it runs
 * once per version, never for owners' status changes (those do not touch the record).
 */
export function useInviteCatchUp(data: MeetingExpectations | undefined) {
  const { expectations } = useServices();
  const t = useT();
  const effective = data ? effectiveOf(data) : undefined;
  const lastBy = effective?.record.version.lastModifiedBy?.id;
  const enabled =
    data !== undefined &&
    effective !== undefined &&
    data.meeting.isOrganizer &&
    lastBy !== undefined &&
    lastBy !== data.me.id;
  return useQuery({
    queryKey: [
      'inviteCatchUp',
      effective?.expectations.meetingKey ?? '',
      effective?.record.version.etag ?? '',
    ],
    queryFn: () => {
      if (!data || !effective) throw new Error('Nothing to bring the invite up to date with.');
      return expectations.syncInvite(
        data.meeting,
        effective.expectations,
        data.attendees,
        t.domainText.invite,
      );
    },
    enabled,
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
  });
}
