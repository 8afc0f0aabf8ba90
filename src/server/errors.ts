/** Clear 4xx answers: `{ error, message }`, where message is plain words for whoever reads it. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly error: string,
    message: string,
    /** more fields for the reply, beside error and message */
    readonly extra: Record<string, unknown> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export const badRequest = (message: string, error = 'bad_request') => new HttpError(400, error, message);

/** The limit store could not count this attempt: a limited route refuses rather than letting it through. */
export const limitUnavailable = (cause: unknown) =>
  new HttpError(
    503,
    'limit_unavailable',
    'The server cannot check how many attempts were made just now, so it is not accepting this one. Try again in a minute.',
    {},
    { cause },
  );
