import dayjs from 'dayjs';

/** 75.4 -> "1:15"; null (not a WAV) -> "—". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** An ISO time in the browser's time zone, e.g. "25 Nov 2026, 14:03:07". */
export const formatDateTime = (iso: string): string => dayjs(iso).format('D MMM YYYY, HH:mm:ss');
