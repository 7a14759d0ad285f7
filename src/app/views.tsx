import type { HostContext } from '../domain/ports/host';
import { HomePage } from '../features/home/home-page';
import { MeetingPanel, MeetingStage } from '../features/meeting/meeting-panel';
import { TabConfigPage, TeamTab } from '../features/team/team-tab';

/** One configurable tab serves channels and meetings; the frame context and ids pick the view. */
export function ViewFor({ context, origin }: { context: HostContext; origin: string }) {
  switch (context.frameContext) {
    case 'settings':
      return <TabConfigPage contentUrl={`${origin}/?view=tab`} />;
    case 'sidePanel':
      return <MeetingPanel stageUrl={`${origin}/?view=stage`} />;
    case 'meetingStage':
      // The organizer shares a poll to the stage as `?view=stage&poll=<id>`.
      return (
        <MeetingStage
          pollId={new URLSearchParams(window.location.search).get('poll') ?? undefined}
        />
      );
    default:
      if (context.channel) return <TeamTab />;
      if (context.chat || context.meeting)
        return <MeetingPanel stageUrl={`${origin}/?view=stage`} />;
      return <HomePage />;
  }
}
