import { describe, expect, it } from 'vitest';
import { issuesOf } from './call-request-error';

describe('issuesOf', () => {
  it('reads validation issues, skipping malformed ones', () => {
    const body = { details: { issues: [{ path: 'to', message: 'required' }, { path: 3 }, null] } };
    expect(issuesOf(body)).toEqual([{ path: 'to', message: 'required' }]);
  });

  it("turns a bad number's field into an issue carrying the message", () => {
    const body = {
      message: '"12" is not a valid phone number: it is too short',
      details: { field: 'transferTo' },
    };
    expect(issuesOf(body)).toEqual([{ path: 'transferTo', message: body.message }]);
  });

  it('has none for an error without details', () => {
    expect(issuesOf({ error: 'internal-error' })).toEqual([]);
    expect(issuesOf(undefined)).toEqual([]);
  });
});
