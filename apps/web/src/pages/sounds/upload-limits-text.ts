import type { SoundLimits } from '../../hooks/use-sounds';
import { formatBytes } from '../../lib/format-bytes';

const FORMAT_NAMES: Record<SoundLimits['formats'][number], string> = {
  wav: 'WAV',
  mp3: 'MP3',
  ogg: 'OGG',
  flac: 'FLAC',
  gsm: 'GSM',
  ulaw: 'u-law',
  alaw: 'a-law',
};

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** 600 -> "10 minutes", 90 -> "1 minute 30 seconds", 5 -> "5 seconds". */
export function formatLimitDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return plural(rest, 'second');
  return rest === 0 ? plural(minutes, 'minute') : `${plural(minutes, 'minute')} ${plural(rest, 'second')}`;
}

function joinOr(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)!}`;
}

/** "WAV, MP3, OGG, FLAC or raw GSM/u-law/a-law; up to 50 MB and 10 minutes each." from the server's limits. */
export function uploadLimitsText(limits: SoundLimits): string {
  const raw = new Set(limits.rawFormats);
  const headed = limits.formats.filter((f) => !raw.has(f)).map((f) => FORMAT_NAMES[f]);
  const rawNames = limits.formats.filter((f) => raw.has(f)).map((f) => FORMAT_NAMES[f]);
  const kinds = [...headed, ...(rawNames.length > 0 ? [`raw ${rawNames.join('/')}`] : [])];
  return `${joinOr(kinds)}; up to ${formatBytes(limits.maxUploadBytes)} and ${formatLimitDuration(limits.maxDurationSeconds)} each.`;
}
