import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Makes a test sound with sox itself (no binaries in the repository): `sox -n <args...> file synth ...`. */
export function synth(
  dir: string,
  name: string,
  options: {
    rate?: number;
    channels?: number;
    seconds?: number;
    bits?: number;
    encoding?: string;
    type?: string;
    effects?: string[];
  } = {},
): string {
  const file = path.join(dir, name);
  const { rate = 44100, channels = 2, seconds = 1, type } = options;
  execFileSync('sox', [
    '-n',
    '-r',
    String(rate),
    '-c',
    String(channels),
    ...(options.bits ? ['-b', String(options.bits)] : []),
    ...(options.encoding ? ['-e', options.encoding] : []),
    ...(type ? ['-t', type] : []),
    file,
    'synth',
    String(seconds),
    'sine',
    '440',
    ...(options.effects ?? []),
  ]);
  return file;
}
