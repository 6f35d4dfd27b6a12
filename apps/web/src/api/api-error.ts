/** An error answered by the Switchboard API (its JSON envelope `{ error, message }`), or a network failure. */
export interface FieldIssue {
  /** The field, dotted for nested ones (`answer.sound`); empty for the body as a whole. */
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The field problems of a `validation-failed` answer (`details.issues`), so forms can put each on its field. */
    readonly fieldIssues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The server's message for one field, if it named that field. */
  issueFor(path: string): string | undefined {
    return this.fieldIssues.find((issue) => issue.path === path)?.message;
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }
}

interface ErrorEnvelope {
  error?: unknown;
  message?: unknown;
  details?: { issues?: unknown };
}

function readIssues(details: ErrorEnvelope['details']): FieldIssue[] {
  const issues = details?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((issue: unknown) => {
    const { path, message } = (issue ?? {}) as { path?: unknown; message?: unknown };
    return typeof message === 'string' ? [{ path: typeof path === 'string' ? path : '', message }] : [];
  });
}

/** Builds an ApiError from a response and whatever body openapi-fetch parsed out of it. */
export function toApiError(response: Response, body: unknown): ApiError {
  const envelope = (typeof body === 'object' && body !== null ? body : {}) as ErrorEnvelope;
  const code = typeof envelope.error === 'string' ? envelope.error : `http-${response.status}`;
  const message =
    typeof envelope.message === 'string'
      ? envelope.message
      : `${response.status} ${response.statusText}`.trim();
  return new ApiError(response.status, code, message, readIssues(envelope.details));
}

/** A readable sentence for any error a query or mutation may throw, naming each field problem the server gave. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.fieldIssues.length === 0) return error.message;
    const problems = error.fieldIssues.map((issue) =>
      issue.path ? `${issue.path}: ${issue.message}` : issue.message,
    );
    return `${error.message}: ${problems.join('; ')}`;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
