import dayjs from 'dayjs';

/** A server timestamp in the browser's time zone, e.g. `25 Nov 2026, 14:03`; `never` for null. */
export function formatDateTime(iso: string | null, never = 'never'): string {
  return iso === null ? never : dayjs(iso).format('D MMM YYYY, HH:mm');
}
