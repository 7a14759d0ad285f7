import type { CheckInAnswerInput, CheckInState, IsoWeek, WeekAnswers } from '../checkins/check-in';

/**
 * The weekly check-in, through the relay: whether it is on and who leads it, my own answer, and
 * for the lead alone the answers given to them. Nobody else's token gets an answer back.
 */
export interface CheckInService {
  /** Whether the check-in is on, its lead, this week (the relay's), and my own answer. */
  state(): Promise<CheckInState>;
  /** Turns the check-in on; whoever does becomes its lead. */
  turnOn(): Promise<CheckInState>;
  /** Lead only. */
  turnOff(): Promise<CheckInState>;
  /** Lead only: to someone who has answered them. */
  handOver(personId: string): Promise<CheckInState>;
  /** My answer for this week; a second one the same week replaces the first. */
  answer(input: CheckInAnswerInput): Promise<CheckInState>;
  /** Lead only: the answers given to me for a week (this week when none is named). */
  answers(week?: IsoWeek): Promise<WeekAnswers>;
}
