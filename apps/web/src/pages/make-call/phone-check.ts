import {
  parsePhoneNumberWithError,
  ParseError,
  validatePhoneNumberLength,
  type CountryCode,
} from 'libphonenumber-js/max';

/** What the server will make of a typed number (it normalises with the same library and metadata). */
export type PhoneCheck =
  | { kind: 'empty' }
  | { kind: 'incomplete'; message: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'valid'; e164: string; international: string; country: string | undefined };

const REASONS: Record<string, string> = {
  NOT_A_NUMBER: 'this is not a phone number',
  INVALID_COUNTRY: 'the country is unknown: start with + and the country code',
  TOO_SHORT: 'too short so far',
  TOO_LONG: 'too long',
  INVALID_LENGTH: 'the length is not valid for the country',
};

/** Checks a number as typed: national input is read in `defaultCountry`, as the server does. */
export function checkPhoneNumber(input: string, defaultCountry: string | undefined): PhoneCheck {
  const text = input.trim();
  if (text === '') return { kind: 'empty' };
  const country = defaultCountry as CountryCode | undefined;
  try {
    const parsed = parsePhoneNumberWithError(text, country);
    const lengthProblem = validatePhoneNumberLength(text, country);
    if (lengthProblem === 'TOO_SHORT') return { kind: 'incomplete', message: REASONS.TOO_SHORT! };
    if (lengthProblem) return { kind: 'invalid', message: REASONS[lengthProblem] ?? lengthProblem };
    if (!parsed.isValid()) {
      return { kind: 'invalid', message: 'no such number exists in its numbering plan' };
    }
    return {
      kind: 'valid',
      e164: parsed.number,
      international: parsed.formatInternational(),
      country: parsed.country,
    };
  } catch (error) {
    if (error instanceof ParseError) {
      if (error.message === 'TOO_SHORT') return { kind: 'incomplete', message: REASONS.TOO_SHORT! };
      return { kind: 'invalid', message: REASONS[error.message] ?? error.message };
    }
    throw error;
  }
}
