import dayjs from 'dayjs';
import type { Sound } from '../../hooks/use-sounds';

/** 65 s -> "1:05"; seconds are rounded, and a sound under a second still shows as "0:01". */
export function formatDuration(ms: number): string {
  const seconds = ms > 0 ? Math.max(1, Math.round(ms / 1000)) : 0;
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function formatDateTime(iso: string): string {
  return dayjs(iso).format('D MMM YYYY, HH:mm');
}

/** The version the PBX plays, else the newest: what the library row describes. */
export function shownVersion(sound: Sound) {
  return sound.activeVersion ?? sound.latestVersion;
}

/** "Used in 3 calls, last on …" / "Not used yet". */
export function usageText(sound: Sound): string {
  if (sound.usageCount === 0) return 'Not used in any call yet';
  const calls = sound.usageCount === 1 ? '1 call' : `${sound.usageCount} calls`;
  return sound.lastUsedAt
    ? `Played in ${calls}, last ${formatDateTime(sound.lastUsedAt)}`
    : `Played in ${calls}`;
}
