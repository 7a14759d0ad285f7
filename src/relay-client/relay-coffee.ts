import { z } from 'zod';
import type { CoffeeFeedbackService } from '../domain/ports/coffee-feedback';
import { FeedbackError, type FeedbackErrorKind } from '../domain/ports/feedback';
import { relayHttp, type RelayHttpOptions, type RelayRequest } from './relay-http';

const answeredSchema = z.object({ answered: z.boolean() });
const summarySchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('waiting'),
    answered: z.number().int().min(0),
    needed: z.number().int().min(0),
  }),
  z.object({
    state: z.literal('shown'),
    answered: z.number().int().min(0),
    met: z.number().int().min(0),
    rate: z.number().min(0).max(1),
  }),
]);

const roundPath = (programId: string, round: number) =>
  `/api/programs/${encodeURIComponent(programId)}/rounds/${String(round)}/met`;

/** The shared client speaks of polls; say the same things of coffee rounds. */
const COFFEE_WORDS: Partial<Record<FeedbackErrorKind, string>> = {
  alreadyAnswered: 'You have already answered for this round; your first answer stands.',
  notFound: 'This coffee round no longer exists.',
};

function inCoffeeWords(err: unknown): unknown {
  if (!(err instanceof FeedbackError)) return err;
  const words = COFFEE_WORDS[err.kind];
  return words ? new FeedbackError(err.kind, words, err.status, err.detail) : err;
}

/** "Did you meet?" over the relay's HTTP API (docs/relay-api.md). */
export function relayCoffeeFeedback(options: RelayHttpOptions): CoffeeFeedbackService {
  const http = relayHttp(options, 'coffee');
  const send = async <T>(request: RelayRequest<T>) => {
    try {
      return await http.send(request);
    } catch (err) {
      throw inCoffeeWords(err);
    }
  };
  return {
    async answered(programId, round) {
      const res = await send({
        method: 'GET',
        path: roundPath(programId, round),
        schema: answeredSchema,
        forbidden: 'notGrouped',
      });
      return res.data.answered;
    },
    // A resend of the same submission is 201 at the relay; "already answered" is another one's.
    async answer(programId, round, submissionId, answer) {
      await send({
        method: 'POST',
        path: roundPath(programId, round),
        body: { submissionId, answer },
        schema: answeredSchema,
        forbidden: 'notGrouped',
      });
    },
    async summary(programId) {
      const res = await send({
        method: 'GET',
        path: `/api/programs/${encodeURIComponent(programId)}/met`,
        schema: summarySchema,
        forbidden: 'membersOnly',
      });
      return res.data;
    },
  };
}
