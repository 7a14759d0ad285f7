import type { MetAnswer, MetSummary } from '../social/met';

/**
 * "Did you meet?" after a coffee slot, through the relay: my own answer once per round, and the
 * program's meeting rate as an aggregate. Nobody, the lead included, reads one person's answer.
 */
export interface CoffeeFeedbackService {
  /** Whether I have answered for my group in this round. */
  answered(programId: string, round: number): Promise<boolean>;
  /** My answer; the submission id makes a retried send count once. */
  answer(programId: string, round: number, submissionId: string, answer: MetAnswer): Promise<void>;
  /** The program's meeting rate over its recent rounds, or how many answers it still needs. */
  summary(programId: string): Promise<MetSummary>;
}
