import dayjs from 'dayjs';
import { CALL_STATUSES, type CallFilters, type CallStatus } from '../../hooks/use-calls';
import { checkPhoneNumber } from '../make-call/phone-check';

/** The call-log filters as the user set them (kept in the URL so back, reload and links keep them). */
export interface CallLogFilterValues {
  status: CallStatus | null;
  /** Days as YYYY-MM-DD, both inclusive. */
  from: string | null;
  to: string | null;
  number: string;
  did: string | null;
  q: string;
}

const isStatus = (value: string | null): value is CallStatus =>
  value !== null && (CALL_STATUSES as readonly string[]).includes(value);
const isDay = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

export function readFilters(params: URLSearchParams): CallLogFilterValues {
  const status = params.get('status');
  const from = params.get('from');
  const to = params.get('to');
  return {
    status: isStatus(status) ? status : null,
    from: isDay(from) ? from : null,
    to: isDay(to) ? to : null,
    number: params.get('number') ?? '',
    did: params.get('did') || null,
    q: params.get('q') ?? '',
  };
}

export function writeFilters(values: CallLogFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  if (values.status) params.set('status', values.status);
  if (values.from) params.set('from', values.from);
  if (values.to) params.set('to', values.to);
  if (values.number) params.set('number', values.number);
  if (values.did) params.set('did', values.did);
  if (values.q) params.set('q', values.q);
  return params;
}

/**
 * The API's filters: days become the local-midnight instants around them (`until` exclusive), and a number
 * typed in national form becomes the E.164 the API matches exactly.
 */
export function toApiFilters(values: CallLogFilterValues, defaultCountry: string | undefined): CallFilters {
  const filters: CallFilters = {};
  if (values.status) filters.status = values.status;
  if (values.from) filters.since = dayjs(values.from).startOf('day').toISOString();
  if (values.to) filters.until = dayjs(values.to).add(1, 'day').startOf('day').toISOString();
  const number = values.number.trim();
  if (number) {
    const check = checkPhoneNumber(number, defaultCountry);
    filters.number = check.kind === 'valid' ? check.e164 : number;
  }
  if (values.did) filters.did = values.did;
  const q = values.q.trim();
  if (q) filters.q = q;
  return filters;
}

/** The same filters as a query string, for the CSV export. */
export function toQueryString(filters: CallFilters, tenantId: string | null): string {
  const params = new URLSearchParams();
  if (tenantId) params.set('tenantId', tenantId);
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

export const hasFilters = (values: CallLogFilterValues): boolean => writeFilters(values).size > 0;
