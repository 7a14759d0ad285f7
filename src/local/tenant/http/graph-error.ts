/** An error answered in Graph's shape: `{ error: { code, message, innerError } }`. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, code = 'BadRequest'): GraphError =>
  new GraphError(400, code, message);

export const notFound = (
  message = 'The specified object was not found in the store.',
  code = 'ErrorItemNotFound',
): GraphError => new GraphError(404, code, message);

export const forbidden = (message: string, code = 'Forbidden'): GraphError =>
  new GraphError(403, code, message);

export function graphErrorBody(
  code: string,
  message: string,
  requestId: string,
  date: string,
): { error: { code: string; message: string; innerError: Record<string, string> } } {
  return {
    error: {
      code,
      message,
      innerError: { date, 'request-id': requestId, 'client-request-id': requestId },
    },
  };
}
