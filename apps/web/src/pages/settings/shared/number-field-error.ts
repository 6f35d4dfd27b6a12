import { ApiError, errorMessage } from '../../../api/api-error';

/** Where a failed save's message belongs: on the phone number field, or above the form. */
export interface SubmitErrors {
  number?: string;
  form?: string;
}

/** Error codes that are about the number the user typed. */
const NUMBER_CODES = new Set(['invalid-phone-number', 'did-exists', 'transfer-number-exists']);

/**
 * Splits the error of a DID or transfer number save: a number the server refused (422 invalid-phone-number,
 * 409 already exists) goes on the number field with the server's own words; anything else above the form.
 */
export function numberSubmitErrors(error: unknown): SubmitErrors {
  if (error === null || error === undefined) return {};
  if (error instanceof ApiError && NUMBER_CODES.has(error.code)) return { number: error.message };
  return { form: errorMessage(error) };
}
