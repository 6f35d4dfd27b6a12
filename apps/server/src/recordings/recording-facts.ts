/** What a recording's path and header tell without the database. */
export interface RecordingFacts {
  /** Recording time from the name (FreePBX `...-YYYYMMDD-HHMMSS-...`) or folder (`YYYY/MM/DD`), if any. */
  recordedAt: Date | undefined;
  /** Asterisk Uniqueids (`1700000000.42`) and UUIDs (Switchboard call / channel ids) found in the name. */
  keys: string[];
}

export const RECORDING_EXTENSIONS = [
  'wav',
  'wav49',
  'gsm',
  'mp3',
  'ogg',
  'ulaw',
  'alaw',
  'sln',
  'sln16',
  'g722',
];

const UNIQUEID = /\d{9,11}\.\d{1,9}/g;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export function isRecordingFile(relativePath: string): boolean {
  const extension = /\.([a-z0-9]+)$/i.exec(relativePath)?.[1]?.toLowerCase();
  return extension !== undefined && RECORDING_EXTENSIONS.includes(extension);
}

export function recordingFacts(relativePath: string): RecordingFacts {
  const name = relativePath.split('/').at(-1) ?? relativePath;
  const stem = name.replace(/\.[a-z0-9]+$/i, '');
  const keys = [...(stem.match(UNIQUEID) ?? []), ...(stem.match(UUID) ?? []).map((id) => id.toLowerCase())];
  const stamp = /(?:^|[-_])(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:[-_.]|$)/.exec(stem);
  let recordedAt: Date | undefined;
  if (stamp) {
    const [, y, mo, d, h, mi, s] = stamp;
    recordedAt = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
  } else {
    const folder = /(?:^|\/)(\d{4})\/(\d{2})\/(\d{2})\//.exec(relativePath);
    if (folder) recordedAt = new Date(`${folder[1]}-${folder[2]}-${folder[3]}T00:00:00Z`);
  }
  if (recordedAt && Number.isNaN(recordedAt.getTime())) recordedAt = undefined;
  return { recordedAt, keys };
}

/**
 * Seconds of audio in a WAV from its first bytes and its size: the `fmt ` byte rate and the `data` length
 * (or, while Asterisk is still writing and the length is 0 or unset, what follows the header).
 */
export function wavDurationSeconds(head: Buffer, fileSize: number): number | undefined {
  if (
    head.length < 12 ||
    head.toString('latin1', 0, 4) !== 'RIFF' ||
    head.toString('latin1', 8, 12) !== 'WAVE'
  ) {
    return undefined;
  }
  let offset = 12;
  let byteRate: number | undefined;
  while (offset + 8 <= head.length) {
    const id = head.toString('latin1', offset, offset + 4);
    const length = head.readUInt32LE(offset + 4);
    if (id === 'fmt ' && offset + 16 <= head.length) byteRate = head.readUInt32LE(offset + 16);
    if (id === 'data') {
      if (!byteRate) return undefined;
      const available = fileSize - (offset + 8);
      const data = length === 0 || length === 0xffffffff || length > available ? available : length;
      return Math.max(0, data) / byteRate;
    }
    offset += 8 + length + (length % 2);
  }
  return undefined;
}

/** A recording's public id: its path under the monitor folder, base64url-encoded. */
export const encodeRecordingId = (relativePath: string): string =>
  Buffer.from(relativePath).toString('base64url');

export function decodeRecordingId(id: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{1,600}$/.test(id)) return undefined;
  const relativePath = Buffer.from(id, 'base64url').toString('utf8');
  return relativePath.length > 0 ? relativePath : undefined;
}

/** True for a WAV whose samples are plain PCM (format 1, or extensible with a PCM sub-format), which browsers play. */
export function isPcmWav(head: Buffer): boolean {
  if (
    head.length < 12 ||
    head.toString('latin1', 0, 4) !== 'RIFF' ||
    head.toString('latin1', 8, 12) !== 'WAVE'
  ) {
    return false;
  }
  let offset = 12;
  while (offset + 8 <= head.length) {
    const id = head.toString('latin1', offset, offset + 4);
    const length = head.readUInt32LE(offset + 4);
    if (id === 'fmt ' && offset + 10 <= head.length) {
      const format = head.readUInt16LE(offset + 8);
      if (format === 1) return true;
      return format === 0xfffe && offset + 34 <= head.length && head.readUInt16LE(offset + 32) === 1;
    }
    offset += 8 + length + (length % 2);
  }
  return false;
}

/** The sox input type of a recording by its extension (Asterisk names its files by format); none for others. */
export function recordingInputType(
  name: string,
): 'wav' | 'gsm' | 'ulaw' | 'alaw' | 'mp3' | 'ogg' | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  switch (extension) {
    case 'wav':
    case 'wav49':
      return 'wav';
    case 'gsm':
      return 'gsm';
    case 'ulaw':
      return 'ulaw';
    case 'alaw':
      return 'alaw';
    case 'mp3':
      return 'mp3';
    case 'ogg':
      return 'ogg';
    default:
      return undefined;
  }
}
