import { describe, expect, it } from 'vitest';
import { checkPhoneNumber } from './phone-check';

describe('checkPhoneNumber', () => {
  it('reads national input in the default country and previews E.164', () => {
    expect(checkPhoneNumber('(202) 555-0100', 'US')).toEqual({
      kind: 'valid',
      e164: '+12025550100',
      international: '+1 202 555 0100',
      country: 'US',
    });
    expect(checkPhoneNumber('+1 202 555 0486', 'GB')).toMatchObject({ kind: 'valid', e164: '+12025550486' });
  });

  it('says a number being typed is too short so far, and a wrong one why', () => {
    expect(checkPhoneNumber('202', 'US')).toEqual({ kind: 'incomplete', message: 'too short so far' });
    expect(checkPhoneNumber('+1202555010012345', 'US')).toEqual({ kind: 'invalid', message: 'too long' });
    expect(checkPhoneNumber('hello', 'US')).toMatchObject({ kind: 'invalid' });
    expect(checkPhoneNumber('202 555 0100', undefined)).toMatchObject({
      kind: 'invalid',
      message: /country/,
    });
  });

  it('is empty for blank input', () => {
    expect(checkPhoneNumber('   ', 'GB')).toEqual({ kind: 'empty' });
  });
});
