import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage, toApiError } from './api-error';

const response = (status: number) => new Response(null, { status, statusText: 'Bad Request' });

describe('toApiError', () => {
  it("keeps the server's code, message and field issues", () => {
    const error = toApiError(response(400), {
      error: 'validation-failed',
      message: 'The request body is invalid',
      details: { issues: [{ path: 'defaultCountry', message: 'unsupported country' }, { path: 'x' }] },
    });
    expect(error).toMatchObject({ status: 400, code: 'validation-failed' });
    expect(error.fieldIssues).toEqual([{ path: 'defaultCountry', message: 'unsupported country' }]);
    expect(error.issueFor('defaultCountry')).toBe('unsupported country');
    expect(errorMessage(error)).toBe('The request body is invalid: defaultCountry: unsupported country');
  });

  it('falls back to the status when the body is not the envelope', () => {
    const error = toApiError(response(502), 'Bad gateway');
    expect(error).toMatchObject({
      status: 502,
      code: 'http-502',
      message: '502 Bad Request',
      fieldIssues: [],
    });
    expect(errorMessage(error)).toBe('502 Bad Request');
  });

  it('reads a plain Error and anything else', () => {
    expect(errorMessage(new Error('offline'))).toBe('offline');
    expect(errorMessage('boom')).toBe('boom');
    expect(new ApiError(401, 'unauthenticated', 'no').isUnauthorized).toBe(true);
  });
});
