import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { SOX_INPUT_ARGS, type InputType } from './audio-formats.js';

/** What sox says about a file it could open. */
export interface SoxProbe {
  sampleRate: number;
  channels: number;
  /** Seconds; null when sox can not tell without decoding (raw GSM). */
  durationSeconds: number | null;
  encoding: string;
}

export interface SoxConversion {
  input: string;
  inputType: InputType;
  output: string;
  /** Output format arguments (from OUTPUT_SPECS). */
  outputArgs: readonly string[];
  /** sox effects after the output file, e.g. `gain -n -1`. */
  effects: readonly string[];
}

/** A sox failure; `reason` is sox's own FAIL line (or the limit that stopped it). */
export class SoxError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'SoxError';
  }
}

/** sox behind an adapter: services are tested without child processes where that helps. */
export abstract class SoxRunner {
  /** Opens `file` as `type` (from the allow-list) and reports rate, channels, duration. */
  abstract probe(file: string, type: InputType): Promise<SoxProbe>;
  abstract convert(job: SoxConversion): Promise<void>;
}

export interface ExecSoxRunnerOptions {
  /** Kills sox after this long. Default 120 000 ms. */
  timeoutMs?: number;
  /** Address-space limit per sox process. Default 512 MiB. */
  memoryBytes?: number;
  /** Largest file one sox process may write. Default 256 MiB. */
  maxOutputBytes?: number;
  /** CPU seconds per sox process. Default 120. */
  cpuSeconds?: number;
}

export const EXEC_SOX_RUNNER_DEFAULTS: Required<ExecSoxRunnerOptions> = {
  timeoutMs: 120_000,
  memoryBytes: 512 * 1024 * 1024,
  maxOutputBytes: 256 * 1024 * 1024,
  cpuSeconds: 120,
};

const PRLIMIT = '/usr/bin/prlimit';

function hasPrlimit(): boolean {
  try {
    accessSync(PRLIMIT, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The last `FAIL` line sox printed, without its "sox FAIL formats:" prefix. */
export function soxFailReason(stderr: string): string {
  const lines = stderr.split('\n').filter((line) => line.includes(' FAIL '));
  const last = lines.at(-1);
  if (!last) return stderr.trim().split('\n').at(-1)?.trim() || 'sox failed';
  return last.replace(/^\S+ FAIL \S+: /, '').trim();
}

/** Parses `sox --info` output. */
export function parseSoxInfo(stdout: string): SoxProbe {
  const field = (name: string) => new RegExp(`^${name}\\s*:\\s*(.+)$`, 'm').exec(stdout)?.[1]?.trim();
  const sampleRate = Number(field('Sample Rate'));
  const channels = Number(field('Channels'));
  const duration = field('Duration');
  const match = duration ? /= (\d+) samples/.exec(duration) : null;
  return {
    sampleRate,
    channels,
    durationSeconds: match && sampleRate > 0 ? Number(match[1]) / sampleRate : null,
    encoding: field('Sample Encoding') ?? 'unknown',
  };
}

/**
 * Runs sox with execFile (no shell), the input type from the allow-list, a timeout (SIGKILL) and, where
 * util-linux `prlimit` exists, limits on memory, CPU time and output size: sox 14.4.2 has known crash bugs on
 * crafted files, so a bad upload may cost one process, never the server.
 */
export class ExecSoxRunner extends SoxRunner {
  private readonly options: Required<ExecSoxRunnerOptions>;
  private readonly limited = hasPrlimit();

  constructor(options: ExecSoxRunnerOptions = {}) {
    super();
    this.options = { ...EXEC_SOX_RUNNER_DEFAULTS, ...options };
  }

  async probe(file: string, type: InputType): Promise<SoxProbe> {
    // `sox --info` takes no -t, so it is asked through `sox -V3 ... -n` only when needed: the header
    // report there has the same fields. -V3 reports the input before reading any samples.
    const { stderr } = await this.run(['-V3', ...SOX_INPUT_ARGS[type], file, '-n', 'trim', '0', '0']);
    const report = stderr.slice(stderr.indexOf('Input File'));
    const probe = parseSoxInfo(report);
    if (!(probe.sampleRate > 0) || !(probe.channels > 0)) {
      throw new SoxError('sox could not read the audio header');
    }
    return probe;
  }

  async convert(job: SoxConversion): Promise<void> {
    await this.run([
      '-V1',
      ...SOX_INPUT_ARGS[job.inputType],
      job.input,
      ...job.outputArgs,
      job.output,
      ...job.effects,
    ]);
  }

  private run(args: string[]): Promise<{ stdout: string; stderr: string }> {
    const { timeoutMs, memoryBytes, maxOutputBytes, cpuSeconds } = this.options;
    const [command, argv] = this.limited
      ? [
          PRLIMIT,
          [
            `--as=${memoryBytes}`,
            `--cpu=${cpuSeconds}`,
            `--fsize=${maxOutputBytes}`,
            '--core=0',
            '--',
            'sox',
            ...args,
          ],
        ]
      : ['sox', args];
    return new Promise((resolve, reject) => {
      execFile(
        command,
        argv,
        { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 1024 * 1024, windowsHide: true },
        (error, stdout, stderr) => {
          if (!error) return resolve({ stdout, stderr });
          if (error.killed || error.signal) {
            return reject(
              new SoxError(`sox was stopped (${error.signal ?? 'timeout'}): the file is not usable`),
            );
          }
          reject(new SoxError(soxFailReason(stderr)));
        },
      );
    });
  }
}
