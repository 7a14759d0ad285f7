import type { CheckInService } from '../domain/ports/check-in';
import { FeedbackError, type FeedbackErrorKind } from '../domain/ports/feedback';
import { checkInStateSchema, weekAnswersSchema } from '../domain/checkins/check-in';
import { relayHttp, type RelayHttpOptions, type RelayRequest } from './relay-http';

/** The shared client speaks of polls; say the same things of the check-in. */
const CHECK_IN_WORDS: Partial<Record<FeedbackErrorKind, string>> = {
  notFound: 'Rapport’s relay does not know the weekly check-in. Ask your admin to update it.',
  unavailable: 'Rapport’s check-in service is busy or unreachable. Try again in a moment.',
};

function inCheckInWords(err: unknown): unknown {
  if (!(err instanceof FeedbackError)) return err;
  // A conflict carries the relay's own words ("already on; Grace Kim leads it").
  const words = CHECK_IN_WORDS[err.kind];
  return words ? new FeedbackError(err.kind, words, err.status, err.detail) : err;
}

/** The weekly check-in over the relay's HTTP API (docs/relay-api.md, "Weekly check-in"). */
export function relayCheckIn(options: RelayHttpOptions): CheckInService {
  const http = relayHttp(options, 'checkIn');
  const send = async <T>(request: Omit<RelayRequest<T>, 'forbidden'>) => {
    try {
      return (await http.send({ ...request, forbidden: 'notLead' })).data;
    } catch (err) {
      throw inCheckInWords(err);
    }
  };
  const state = checkInStateSchema;
  return {
    state: () => send({ method: 'GET', path: '/api/checkin', schema: state }),
    // Turning on twice is refused (409, naming the lead), so a retry cannot change the lead.
    turnOn: () => send({ method: 'POST', path: '/api/checkin', body: {}, schema: state }),
    turnOff: () =>
      send({ method: 'PATCH', path: '/api/checkin', body: { enabled: false }, schema: state }),
    handOver: (personId) =>
      send({ method: 'PATCH', path: '/api/checkin', body: { leadId: personId }, schema: state }),
    // The answer is keyed by person and week at the relay: a resend writes the same item.
    answer: (input) =>
      send({ method: 'POST', path: '/api/checkin/answer', body: input, schema: state }),
    answers: (week) =>
      send({
        method: 'GET',
        path: `/api/checkin/answers${week === undefined ? '' : `?week=${encodeURIComponent(week)}`}`,
        schema: weekAnswersSchema,
      }),
  };
}
