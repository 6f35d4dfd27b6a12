import {
  isSupportedCountry,
  parsePhoneNumberWithError,
  ParseError,
  validatePhoneNumberLength,
  type CountryCode,
} from 'libphonenumber-js/max';
import { unprocessable } from '../common/errors/app-error.js';

const REASONS: Record<string, string> = {
  NOT_A_NUMBER: 'it is not a phone number',
  INVALID_COUNTRY: 'its country cannot be determined (use +<country code> or set the tenant default country)',
  TOO_SHORT: 'it is too short',
  TOO_LONG: 'it is too long',
  INVALID_LENGTH: 'its length is not valid for the country',
};

export const isCountryCode = (value: string): boolean => isSupportedCountry(value);

/**
 * Normalises user input to E.164. National input uses `defaultCountry`. An unusable number is a 422
 * `invalid-phone-number` whose message says why.
 */
export function toE164(input: string, defaultCountry: string, field = 'number'): string {
  const country = defaultCountry as CountryCode;
  const fail = (reason: string, code: string): never => {
    throw unprocessable('invalid-phone-number', `"${input}" is not a valid phone number: ${reason}`, {
      field,
      input,
      reason: code,
      defaultCountry,
    });
  };
  try {
    const parsed = parsePhoneNumberWithError(input, country);
    const lengthProblem = validatePhoneNumberLength(input, country);
    if (lengthProblem) return fail(REASONS[lengthProblem] ?? lengthProblem, lengthProblem);
    if (!parsed.isValid()) return fail('no such number exists in its numbering plan', 'INVALID_NUMBER');
    return parsed.number;
  } catch (err) {
    if (err instanceof ParseError) return fail(REASONS[err.message] ?? err.message, err.message);
    throw err;
  }
}

/** Country and area code of an E.164 number, for local-presence caller IDs. */
export interface Locality {
  country: string | undefined;
  callingCode: string;
  /** NANP: the 3-digit area code; elsewhere the first 2 national digits (a heuristic: plans vary). */
  areaCode: string;
}

export function localityOf(e164: string): Locality {
  try {
    const parsed = parsePhoneNumberWithError(e164);
    const national = parsed.nationalNumber;
    const areaLength = parsed.countryCallingCode === '1' ? 3 : 2;
    return {
      country: parsed.country,
      callingCode: parsed.countryCallingCode,
      areaCode: national.slice(0, areaLength),
    };
  } catch {
    return { country: undefined, callingCode: '', areaCode: '' };
  }
}
