import { createContext, useContext, type ReactNode } from 'react';
import type { HomeReader } from '../../domain/meetings/meeting';
import type { CheckInService } from '../../domain/ports/check-in';
import type { CoffeeFeedbackService } from '../../domain/ports/coffee-feedback';
import type { CommitmentsService } from '../../domain/ports/commitments';
import type { ExpectationsService } from '../../domain/ports/expectations';
import type { FeedbackService } from '../../domain/ports/feedback';
import type { Host } from '../../domain/ports/host';
import type { MeetingChatService } from '../../domain/ports/meeting-chat';
import type { ProgramsService } from '../../domain/ports/programs';
import type { SummaryService } from '../../domain/ports/summaries';
import type { Clock } from '../../domain/time/instant';

/** The ports screens use; the app layer wires them to Graph, the host and the clock. */
export interface Services {
  host: Host;
  clock: Clock;
  homeReader: HomeReader;
  expectations: ExpectationsService;
  programs: ProgramsService;
  /** Feedback polls, through the relay. */
  feedback: FeedbackService;
  /** "Did you meet?" after coffee slots, through the relay. */
  coffeeFeedback: CoffeeFeedbackService;
  /** The weekly check-in, answered privately to the team's lead through the relay. */
  checkIn: CheckInService;
  /** Commitments across the team (counts only) and where to get help. */
  commitments: CommitmentsService;
  /** Rapport's posts to a meeting's chat, each at most once. */
  meetingChat: MeetingChatService;
  /** Meeting summaries: the team site's record and its one message in the meeting chat. */
  summaries: SummaryService;
  /** The Teams app id (the app package's), for deep links to Rapport's tabs. */
  teamsAppId: string;
  /** Signs in interactively when a silent sign-in was not enough. */
  signIn(): Promise<void>;
}

const ServicesContext = createContext<Services | undefined>(undefined);

export function ServicesProvider({
  services,
  children,
}: {
  services: Services;
  children: ReactNode;
}) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}
