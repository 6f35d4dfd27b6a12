import path from 'node:path';
import { OUTPUT_FORMATS, OUTPUT_SPECS, type InputType, type OutputFormat } from './audio-formats.js';
import type { SoundFileStore } from './sound-file-store.js';
import type { SoxRunner } from './sox-runner.js';

export interface ConversionOptions {
  /** Peak-normalise to -1 dBFS. */
  normalise: boolean;
  /** Cut leading and trailing silence (below 0.5 % for 50 ms). */
  trim: boolean;
}

export interface ConvertedFile {
  format: OutputFormat;
  extension: string;
  /** Where the file is now (inside the temp folder). */
  path: string;
  size: number;
}

export interface Conversion {
  /** Temporary folder inside the target root holding every format; remove it when done. */
  tempDir: string;
  files: ConvertedFile[];
}

/** The one decode every format is cut from: 16 kHz (sln16's rate), mono, 16-bit PCM. */
const INTERMEDIATE_ARGS = [
  '-t',
  'wav',
  '-e',
  'signed-integer',
  '-b',
  '16',
  '-r',
  '16000',
  '-c',
  '1',
] as const;

interface Source {
  input: string;
  inputType: InputType;
  effects: readonly string[];
}

/** Encoders by cost, most expensive first. */
const ENCODE_ORDER: readonly OutputFormat[] = ['gsm', 'sln16', 'alaw', 'ulaw', 'wav'];

/** The sox effects for the options, in the order they must run. */
export function conversionEffects(options: ConversionOptions): string[] {
  const effects: string[] = [];
  if (options.trim) {
    effects.push('silence', '1', '0.05', '0.5%', 'reverse', 'silence', '1', '0.05', '0.5%', 'reverse');
  }
  if (options.normalise) effects.push('gain', '-n', '-1');
  return effects;
}

/** Caps how many sox processes run at once across every upload. */
export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

/**
 * Converts one input to every Asterisk format in parallel (at most `parallelism` sox processes in the whole
 * server) into a temporary folder inside `root`. Any failure removes the folder, so nothing half-written
 * is ever left behind; on success the caller renames the files into place.
 */
export class SoundConverter {
  private readonly slots: Semaphore;
  private readonly parallelism: number;

  constructor(
    private readonly sox: SoxRunner,
    private readonly files: SoundFileStore,
    parallelism: number,
  ) {
    this.parallelism = Math.max(1, parallelism);
    this.slots = new Semaphore(this.parallelism);
  }

  async convert(
    root: string,
    input: string,
    inputType: InputType,
    options: ConversionOptions,
  ): Promise<Conversion> {
    const tempDir = await this.files.tempDir(root);
    const upload: Source = { input, inputType, effects: conversionEffects(options) };
    const encode = (format: OutputFormat, source: Source) =>
      this.slots.run(async (): Promise<ConvertedFile> => {
        const { extension, args } = OUTPUT_SPECS[format];
        const output = path.join(tempDir, `sound.${extension}`);
        await this.sox.convert({ ...source, output, outputArgs: args });
        return { format, extension, path: output, size: await this.files.size(output) };
      });
    // The slowest encoder (GSM) always reads the upload itself and starts first, so it is never queued
    // behind the others.
    const [slowest, ...others] = ENCODE_ORDER;
    const jobs: Array<Promise<ConvertedFile>> = [encode(slowest!, upload)];
    if (this.parallelism >= OUTPUT_FORMATS.length) {
      // A core per format: five direct conversions side by side finish soonest.
      jobs.push(...others.map((format) => encode(format, upload)));
    } else {
      // Fewer cores: beside the GSM encode, decode the upload once into 16 kHz mono PCM (effects applied)
      // and cut the other formats from that small file, instead of four more full decodes competing for
      // the same cores.
      const decoded = path.join(tempDir, 'decoded.wav');
      const decoding = this.slots.run(() =>
        this.sox.convert({ ...upload, output: decoded, outputArgs: INTERMEDIATE_ARGS }),
      );
      const fromDecoded: Source = { input: decoded, inputType: 'wav', effects: [] };
      jobs.push(...others.map((format) => decoding.then(() => encode(format, fromDecoded))));
    }
    // allSettled, not all: every sox process must have stopped writing before the folder is removed.
    const settled = await Promise.allSettled(jobs);
    const failure = settled.find((result) => result.status === 'rejected');
    await this.files.remove(tempDir, 'decoded.wav').catch(() => undefined);
    if (failure) {
      await this.files.removeDir(root, tempDir);
      throw failure.reason;
    }
    return {
      tempDir,
      files: settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : [])),
    };
  }
}

/**
 * `points` peak values in [0, 1] from 16-bit little-endian mono samples: the largest magnitude in each of
 * `points` equal slices (fewer points when there are fewer samples).
 */
export function waveformPeaks(samples: Buffer, points: number): number[] {
  const count = Math.floor(samples.length / 2);
  if (count === 0) return [];
  const slices = Math.min(points, count);
  const peaks: number[] = [];
  for (let slice = 0; slice < slices; slice++) {
    const start = Math.floor((slice * count) / slices);
    const end = Math.floor(((slice + 1) * count) / slices);
    let max = 0;
    for (let i = start; i < end; i++) {
      const value = Math.abs(samples.readInt16LE(i * 2));
      if (value > max) max = value;
    }
    peaks.push(Math.round((Math.min(max, 32767) / 32767) * 1000) / 1000);
  }
  return peaks;
}
