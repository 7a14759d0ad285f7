import { createContext, useContext, type ReactNode } from 'react';
import type { HomeReader } from '../../domain/meetings/meeting';
import type { CoffeeFeedbackService } from '../../domain/ports/coffee-feedback';
import type { ExpectationsService } from '../../domain/ports/expectations';
import type { FeedbackService } from '../../domain/ports/feedback';
import type { Host } from '../../domain/ports/host';
import type { ProgramsService } from '../../domain/ports/programs';
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
