import { ApiError } from '../api/api-error';

/** A field-level problem the server reported (`details.issues[]`, or `details.field` of a bad number). */
export interface FieldIssue {
  path: string;
  message: string;
}

/** An ApiError that also carries the server's per-field issues, for showing them on the form. */
export class CallRequestError extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly issues: FieldIssue[],
  ) {
    super(status, code, message);
    this.name = 'CallRequestError';
  }
}

/** The field issues in an error body: `details.issues[]`, or `details.field` with the message. */
export function issuesOf(body: unknown): FieldIssue[] {
  const details = (body as { details?: unknown } | undefined)?.details as
    { issues?: unknown; field?: unknown } | undefined;
  if (!details || typeof details !== 'object') return [];
  if (Array.isArray(details.issues)) {
    return details.issues.filter(
      (issue): issue is FieldIssue =>
        typeof issue === 'object' &&
        issue !== null &&
        typeof (issue as FieldIssue).path === 'string' &&
        typeof (issue as FieldIssue).message === 'string',
    );
  }
  const message = (body as { message?: unknown }).message;
  if (typeof details.field === 'string' && typeof message === 'string') {
    return [{ path: details.field, message }];
  }
  return [];
}
