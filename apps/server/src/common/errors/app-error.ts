/**
 * An error the API answers with `{ "error": code, "message", "details" }`. Codes are stable kebab-case ids that
 * clients may switch on; messages are for people and may change.
 */
export class AppError extends Error {
  /** Response headers that go with the error, e.g. `Retry-After` on a 429. */
  readonly headers: Record<string, string> = {};

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string, details?: unknown) =>
  new AppError(404, 'not-found', `${what} not found`, details);

export const validationFailed = (message: string, details?: unknown) =>
  new AppError(400, 'validation-failed', message, details);

export const conflict = (code: string, message: string, details?: unknown) =>
  new AppError(409, code, message, details);

export const unprocessable = (code: string, message: string, details?: unknown) =>
  new AppError(422, code, message, details);

export const unauthenticated = (message: string) => new AppError(401, 'unauthenticated', message);

export const forbidden = (message: string) => new AppError(403, 'forbidden', message);

export const tooManyRequests = (
  code: string,
  message: string,
  retryAfterSeconds: number,
  details?: unknown,
) => {
  const error = new AppError(429, code, message, details);
  error.headers['retry-after'] = String(retryAfterSeconds);
  return error;
};

export const serviceUnavailable = (code: string, message: string) => new AppError(503, code, message);
