/** An error answered by the Switchboard API (its JSON envelope `{ error, message }`), or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }
}

interface ErrorEnvelope {
  error?: unknown;
  message?: unknown;
}

/** Builds an ApiError from a response and whatever body openapi-fetch parsed out of it. */
export function toApiError(response: Response, body: unknown): ApiError {
  const envelope = (typeof body === 'object' && body !== null ? body : {}) as ErrorEnvelope;
  const code = typeof envelope.error === 'string' ? envelope.error : `http-${response.status}`;
  const message =
    typeof envelope.message === 'string'
      ? envelope.message
      : `${response.status} ${response.statusText}`.trim();
  return new ApiError(response.status, code, message);
}

/** A readable sentence for any error a query or mutation may throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
