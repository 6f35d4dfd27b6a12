import { ApiError, errorMessage } from '../../api/api-error';
import { CallRequestError, type MakeCallBody } from '../../hooks/use-calls';
import { checkPhoneNumber } from './phone-check';

export type AnswerMode = 'sound' | 'transfer' | 'dialplan' | 'default';
/** The transfer select: one of the tenant's numbers, the weighted pick among them, or another number. */
export const WEIGHTED_PICK = 'weighted';
export const OTHER_NUMBER = 'other';

export interface MakeCallValues {
  to: string;
  /** A DID, or '' for the tenant's rotation. */
  from: string;
  callerName: string;
  answer: AnswerMode;
  soundId: string | null;
  transfer: string;
  transferOther: string;
  context: string;
  exten: string;
  record: boolean;
  timeoutSeconds: number | string;
}

export type MakeCallField =
  | 'to'
  | 'from'
  | 'callerName'
  | 'answer'
  | 'soundId'
  | 'transfer'
  | 'transferOther'
  | 'context'
  | 'exten'
  | 'timeoutSeconds';

export type FieldErrors = Partial<Record<MakeCallField, string>>;

/** A blank form; on answer it starts with a sound when the library has one, else the tenant's default if set. */
export const initialValues = (tenant: { hasSounds: boolean; hasDefault: boolean }): MakeCallValues => ({
  to: '',
  from: '',
  callerName: '',
  answer: !tenant.hasSounds && tenant.hasDefault ? 'default' : 'sound',
  soundId: null,
  transfer: WEIGHTED_PICK,
  transferOther: '',
  context: '',
  exten: '',
  record: false,
  timeoutSeconds: 30,
});

/** What must be fixed before the form is sent; empty when it can go. */
export function validate(values: MakeCallValues, defaultCountry: string | undefined): FieldErrors {
  const errors: FieldErrors = {};
  const to = checkPhoneNumber(values.to, defaultCountry);
  if (to.kind === 'empty') errors.to = 'Enter the number to call';
  else if (to.kind !== 'valid') errors.to = `Not a valid number: ${to.message}`;
  if (values.answer === 'sound' && !values.soundId) errors.soundId = 'Pick the sound to play';
  if (values.answer === 'transfer' && values.transfer === OTHER_NUMBER) {
    const other = checkPhoneNumber(values.transferOther, defaultCountry);
    if (other.kind === 'empty') errors.transferOther = 'Enter the number to transfer to';
    else if (other.kind !== 'valid') errors.transferOther = `Not a valid number: ${other.message}`;
  }
  if (values.answer === 'dialplan') {
    if (!values.context.trim()) errors.context = 'Enter the dialplan context';
    if (!values.exten.trim()) errors.exten = 'Enter the extension';
  }
  const timeout = Number(values.timeoutSeconds);
  if (!Number.isInteger(timeout) || timeout < 5 || timeout > 300) {
    errors.timeoutSeconds = 'A whole number of seconds from 5 to 300';
  }
  return errors;
}

/** The make-call request for valid form values. */
export function toRequestBody(values: MakeCallValues): MakeCallBody {
  const body: MakeCallBody = {
    to: values.to.trim(),
    record: values.record,
    timeoutSeconds: Number(values.timeoutSeconds),
  };
  if (values.from) body.from = values.from;
  if (values.callerName.trim()) body.callerName = values.callerName.trim();
  if (values.answer === 'sound' && values.soundId) body.soundId = values.soundId;
  if (values.answer === 'transfer') {
    if (values.transfer === WEIGHTED_PICK) body.transfer = true;
    else if (values.transfer === OTHER_NUMBER) body.transferTo = values.transferOther.trim();
    else body.transferTo = values.transfer;
  }
  if (values.answer === 'dialplan') {
    body.context = values.context.trim();
    body.exten = values.exten.trim();
  }
  return body;
}

const FIELD_OF_PATH: Record<string, MakeCallField> = {
  to: 'to',
  from: 'from',
  callerName: 'callerName',
  soundId: 'soundId',
  transfer: 'transfer',
  context: 'context',
  exten: 'exten',
  priority: 'exten',
  timeoutSeconds: 'timeoutSeconds',
};

const FIELD_OF_CODE: Record<string, MakeCallField> = {
  'unknown-did': 'from',
  'no-did-available': 'from',
  'did-daily-cap-reached': 'from',
  'sound-not-ready': 'soundId',
  'no-answer-destination': 'answer',
  'no-transfer-number-available': 'transfer',
};

/**
 * Places the server's complaints on the fields they are about; what fits no field comes back as `general`.
 * `transferTo` lands on the field the user typed it in (their own number, or a number of the list).
 */
export function serverErrors(
  error: unknown,
  values: MakeCallValues,
): { fields: FieldErrors; general: string | null } {
  if (!(error instanceof ApiError)) return { fields: {}, general: error ? errorMessage(error) : null };
  const fields: FieldErrors = {};
  const transferField: MakeCallField = values.transfer === OTHER_NUMBER ? 'transferOther' : 'transfer';
  const place = (path: string, message: string): boolean => {
    const field = path === 'transferTo' ? transferField : FIELD_OF_PATH[path];
    if (!field) return false;
    fields[field] ??= message;
    return true;
  };
  let placedAll = true;
  if (error instanceof CallRequestError) {
    for (const issue of error.issues) placedAll = place(issue.path, issue.message) && placedAll;
  }
  const byCode = FIELD_OF_CODE[error.code];
  if (byCode) fields[byCode] ??= error.message;
  const placed = Object.keys(fields).length > 0;
  return { fields, general: placed && placedAll ? null : error.message };
}
