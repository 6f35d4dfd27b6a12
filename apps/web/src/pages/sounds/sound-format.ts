import dayjs from 'dayjs';
import type { Sound } from '../../hooks/use-sounds';

/** 2.5 s -> "0:02.5"; a minute or more -> "1:05". */
export function formatDuration(ms: number): string {
  const seconds = ms / 1000;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds - minutes * 60;
  if (minutes > 0) return `${minutes}:${String(Math.floor(rest)).padStart(2, '0')}`;
  return `0:${rest.toFixed(1).padStart(4, '0')}`;
}

/** 1536 -> "1.5 KB", 52428800 -> "50 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 ? Math.round(value) : value.toFixed(1).replace(/\.0$/, '')} ${units[unit]}`;
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
