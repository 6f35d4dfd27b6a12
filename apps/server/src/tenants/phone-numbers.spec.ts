import { describe, expect, it } from 'vitest';
import { AppError } from '../common/errors/app-error.js';
import { localityOf, toE164 } from './phone-numbers.js';

function failure(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

describe('toE164', () => {
  it('keeps international input and reads national input in the default country', () => {
    expect(toE164('+1 (202) 555-0123', 'GB')).toBe('+12025550123');
    expect(toE164('202-555-0142', 'US')).toBe('+12025550142');
    expect(toE164('020 7946 0958', 'GB')).toBe('+442079460958');
  });

  it('answers 422 invalid-phone-number saying why', () => {
    const short = failure(() => toE164('+1202555', 'US'));
    expect(short.status).toBe(422);
    expect(short.code).toBe('invalid-phone-number');
    expect(short.message).toContain('too short');
    expect(failure(() => toE164('hello', 'US')).message).toContain('not a phone number');
    expect(failure(() => toE164('+999 123456', 'US')).details).toMatchObject({ reason: 'INVALID_COUNTRY' });
    expect(failure(() => toE164('020 7946 0958', 'US')).message).toContain('too long');
  });
});

describe('localityOf', () => {
  it('gives the NANP area code and the country', () => {
    expect(localityOf('+12025550123')).toEqual({ country: 'US', callingCode: '1', areaCode: '202' });
    expect(localityOf('+14165550123')).toMatchObject({ country: 'CA', areaCode: '416' });
  });
});
