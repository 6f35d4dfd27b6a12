import { rawTypeOf } from '../../hooks/use-upload-sounds';
import { formatDuration } from './sound-format';

/** How long the browser waits to read a file's duration before leaving the judgement to the server. */
const PROBE_TIMEOUT_MS = 5000;

/**
 * The file's duration in seconds as the browser's audio decoder reads it from the file's header, or null when
 * it cannot tell (a format it does not play, a damaged file, no answer in time): the server judges those.
 */
export function probeDuration(file: Blob, timeoutMs = PROBE_TIMEOUT_MS): Promise<number | null> {
  const audio = document.createElement('audio');
  // A type the browser says it cannot play (or does not know) is not tried.
  if (file.type === '' || audio.canPlayType(file.type) === '') return Promise.resolve(null);
  return new Promise((resolve) => {
    const url = URL.createObjectURL(file);
    const done = (seconds: number | null) => {
      clearTimeout(timer);
      audio.removeAttribute('src');
      audio.load();
      URL.revokeObjectURL(url);
      resolve(seconds);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    audio.preload = 'metadata';
    audio.onloadedmetadata = () => done(Number.isFinite(audio.duration) ? audio.duration : null);
    audio.onerror = () => done(null);
    audio.src = url;
  });
}

/**
 * Why a file is too long to upload, naming the limit, or null when it is not (or its duration or the limit is
 * not known: then the server judges it). Raw telephone audio has no header to read a duration from.
 */
export async function tooLongMessage(
  file: File,
  maxDurationSeconds: number | undefined,
  probe: (file: File) => Promise<number | null> = probeDuration,
): Promise<string | null> {
  if (maxDurationSeconds === undefined || rawTypeOf(file.name)) return null;
  const seconds = await probe(file);
  if (seconds === null || seconds <= maxDurationSeconds) return null;
  return `${file.name} lasts ${formatDuration(seconds * 1000)}: the limit is ${formatDuration(maxDurationSeconds * 1000)}. Nothing was sent.`;
}
