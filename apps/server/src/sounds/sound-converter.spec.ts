import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { synth } from '../../test/helpers/sox-audio.js';
import { conversionEffects, Semaphore, SoundConverter, waveformPeaks } from './sound-converter.js';
import { SoundFileStore } from './sound-file-store.js';
import { ExecSoxRunner, SoxError, SoxRunner, type SoxConversion, type SoxProbe } from './sox-runner.js';

const soxiField = (file: string, flag: string) =>
  execFileSync('soxi', [flag, file], { encoding: 'utf8' }).trim();

describe('SoundConverter', () => {
  let dir: string;
  let root: string;
  const files = new SoundFileStore();
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'converter-'));
    root = path.join(dir, 'sounds');
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it.each([
    [2, 'decoding once'],
    [5, 'converting each format directly'],
  ])('writes all five Asterisk formats from a 44.1 kHz stereo WAV (%i CPUs: %s)', async (cpus) => {
    const input = synth(dir, 'in.wav', { seconds: 2 });
    const converter = new SoundConverter(new ExecSoxRunner(), files, cpus);
    const { files: out, tempDir } = await converter.convert(root, input, 'wav', {
      normalise: false,
      trim: false,
    });
    const byFormat = Object.fromEntries(out.map((f) => [f.format, f]));
    expect(Object.keys(byFormat).sort()).toEqual(['alaw', 'gsm', 'sln16', 'ulaw', 'wav']);
    const wav = byFormat.wav!.path;
    expect([soxiField(wav, '-r'), soxiField(wav, '-c'), soxiField(wav, '-b'), soxiField(wav, '-e')]).toEqual([
      '8000',
      '1',
      '16',
      'Signed Integer PCM',
    ]);
    expect(byFormat.ulaw!.size).toBe(16000);
    expect(byFormat.alaw!.size).toBe(16000);
    expect(byFormat.sln16!.size).toBe(64000);
    expect(byFormat.gsm!.size).toBe(3300);
    expect(soxiField(byFormat.gsm!.path, '-e')).toBe('GSM');
    expect(path.dirname(wav)).toBe(tempDir);
    expect(path.dirname(tempDir)).toBe(await fs.realpath(root));
  });

  it('leaves nothing behind when sox fails on a crafted file', async () => {
    const input = path.join(dir, 'crafted');
    await fs.writeFile(
      input,
      Buffer.concat([Buffer.from('RIFF\xff\xff\xff\xffWAVEfmt ', 'latin1'), Buffer.alloc(64, 0xff)]),
    );
    const converter = new SoundConverter(new ExecSoxRunner(), files, 2);
    await expect(
      converter.convert(root, input, 'wav', { normalise: true, trim: true }),
    ).rejects.toBeInstanceOf(SoxError);
    expect(await fs.readdir(root)).toEqual([]);
  });

  it('removes the formats that did succeed when one format fails', async () => {
    class FailsOnGsm extends SoxRunner {
      probe(): Promise<SoxProbe> {
        throw new Error('unused');
      }
      async convert(job: SoxConversion): Promise<void> {
        if (job.outputArgs.includes('gsm')) throw new SoxError('gsm encoder crashed');
        await fs.writeFile(job.output, 'data');
      }
    }
    const converter = new SoundConverter(new FailsOnGsm(), files, 1);
    await expect(
      converter.convert(root, path.join(dir, 'in'), 'wav', { normalise: false, trim: false }),
    ).rejects.toThrow('gsm encoder crashed');
    expect(await fs.readdir(root)).toEqual([]);
  });

  it.each([
    [1, 2, 4],
    [4, 2, 4],
    [5, 5, 0],
  ])(
    'with %i CPUs reads the upload %i times and the decoded file %i times',
    async (cpus, fromUpload, fromDecoded) => {
      const inputs: string[] = [];
      class Recorder extends SoxRunner {
        probe(): Promise<SoxProbe> {
          throw new Error('unused');
        }
        async convert(job: SoxConversion): Promise<void> {
          inputs.push(path.basename(job.input));
          await fs.writeFile(job.output, 'x');
        }
      }
      await new SoundConverter(new Recorder(), files, cpus).convert(root, path.join(dir, 'upload'), 'mp3', {
        normalise: false,
        trim: false,
      });
      expect(inputs.filter((i) => i === 'upload')).toHaveLength(fromUpload);
      expect(inputs.filter((i) => i === 'decoded.wav')).toHaveLength(fromDecoded);
    },
  );

  it('runs no more sox processes at once than its parallelism', async () => {
    let running = 0;
    let most = 0;
    const releases: Array<() => void> = [];
    class Gate extends SoxRunner {
      probe(): Promise<SoxProbe> {
        throw new Error('unused');
      }
      async convert(job: SoxConversion): Promise<void> {
        running++;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        await fs.writeFile(job.output, 'x');
        running--;
      }
    }
    const converter = new SoundConverter(new Gate(), files, 2);
    let finished = false;
    const done = converter
      .convert(root, 'in', 'wav', { normalise: false, trim: false })
      .then(() => (finished = true));
    while (!finished) {
      await new Promise((resolve) => setImmediate(resolve));
      if (running === 2 || (running > 0 && releases.length === running)) releases.shift()?.();
    }
    await done;
    expect(most).toBe(2);
  });

  it.each([1, 5])('normalises volume and trims silence when asked (%i CPUs)', async (cpus) => {
    const input = synth(dir, 'quiet.wav', {
      rate: 8000,
      channels: 1,
      seconds: 1,
      effects: ['vol', '0.1', 'pad', '1', '1'],
    });
    const converter = new SoundConverter(new ExecSoxRunner(), files, cpus);
    const plain = await converter.convert(root, input, 'wav', { normalise: false, trim: false });
    const shaped = await converter.convert(root, input, 'wav', { normalise: true, trim: true });
    const wavOf = (c: typeof plain) => c.files.find((f) => f.format === 'wav')!.path;
    expect(Number(soxiField(wavOf(plain), '-D'))).toBeCloseTo(3, 1);
    expect(Number(soxiField(wavOf(shaped), '-D'))).toBeCloseTo(1, 1);
    const stat = (file: string) => {
      const result = execFileSync('sh', ['-c', 'sox "$0" -n stat 2>&1', file], { encoding: 'utf8' });
      return Number(/Maximum amplitude:\s+([\d.]+)/.exec(result)?.[1]);
    };
    expect(stat(wavOf(plain))).toBeLessThan(0.2);
    expect(stat(wavOf(shaped))).toBeGreaterThan(0.85);
  });
});

describe('conversion helpers', () => {
  it('orders trim before normalise', () => {
    expect(conversionEffects({ normalise: true, trim: true })).toEqual([
      'silence',
      '1',
      '0.05',
      '0.5%',
      'reverse',
      'silence',
      '1',
      '0.05',
      '0.5%',
      'reverse',
      'gain',
      '-n',
      '-1',
    ]);
    expect(conversionEffects({ normalise: false, trim: false })).toEqual([]);
  });

  it('computes waveform peaks per slice', () => {
    const samples = Buffer.alloc(8);
    samples.writeInt16LE(0, 0);
    samples.writeInt16LE(-16384, 2);
    samples.writeInt16LE(32767, 4);
    samples.writeInt16LE(-32768, 6);
    expect(waveformPeaks(samples, 2)).toEqual([0.5, 1]);
    expect(waveformPeaks(samples, 1000)).toHaveLength(4);
    expect(waveformPeaks(Buffer.alloc(0), 10)).toEqual([]);
  });

  it('semaphore runs queued tasks as slots free', async () => {
    const semaphore = new Semaphore(1);
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => semaphore.run(() => Promise.resolve(void order.push(n)))));
    expect(order).toEqual([1, 2, 3]);
  });
});
