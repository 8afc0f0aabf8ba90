/** Clear 4xx answers: `{ error, message }`, where message is plain words for whoever reads it. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly error: string,
    message: string,
    /** more fields for the reply, beside error and message */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, error = 'bad_request') => new HttpError(400, error, message);
