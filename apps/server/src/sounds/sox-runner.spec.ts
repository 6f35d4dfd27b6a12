import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synth } from '../../test/helpers/sox-audio.js';
import { looksLikeRawGsm, rawDurationSeconds, sniffAudioType } from './audio-formats.js';
import { ExecSoxRunner, parseSoxInfo, SoxError, soxFailReason } from './sox-runner.js';

describe('ExecSoxRunner (real sox)', () => {
  let dir: string;
  const sox = new ExecSoxRunner();
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sox-runner-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it.each(['wav', 'mp3', 'ogg', 'flac'] as const)(
    'probes a %s file: rate, channels, duration',
    async (type) => {
      const file = synth(dir, `tone.${type}`, { seconds: 2 });
      const probe = await sox.probe(file, type);
      expect(probe).toMatchObject({ sampleRate: 44100, channels: 2 });
      expect(probe.durationSeconds).toBeGreaterThan(1.9);
      expect(probe.durationSeconds).toBeLessThan(2.2);
    },
  );

  it('probes raw u-law and a-law as 8 kHz mono when told their type', async () => {
    const file = synth(dir, 'tone.ul', { rate: 8000, channels: 1, seconds: 1 });
    await expect(sox.probe(file, 'ulaw')).resolves.toMatchObject({ sampleRate: 8000, channels: 1 });
  });

  it('refuses text posing as WAV with sox own reason', async () => {
    const file = path.join(dir, 'fake');
    await fs.writeFile(file, 'this is not audio at all, just text\n'.repeat(20));
    const error = await sox.probe(file, 'wav').catch((err: unknown) => err);
    expect(error).toBeInstanceOf(SoxError);
    expect((error as SoxError).reason).toMatch(/RIFF header not found/);
  });

  it('refuses random bytes posing as MP3', async () => {
    const file = path.join(dir, 'junk');
    await fs.writeFile(file, Buffer.alloc(4000, 0x5a));
    await expect(sox.probe(file, 'mp3')).rejects.toBeInstanceOf(SoxError);
  });

  it('stops a sox run at its timeout and says so', async () => {
    const slow = new ExecSoxRunner({ timeoutMs: 1 });
    const file = synth(dir, 'long.wav', { seconds: 30 });
    const error = await slow
      .convert({
        input: file,
        inputType: 'wav',
        output: path.join(dir, 'out.gsm'),
        outputArgs: ['-t', 'gsm', '-r', '8000', '-c', '1'],
        effects: [],
      })
      .catch((err: unknown) => err);
    expect(error).toBeInstanceOf(SoxError);
    expect((error as SoxError).reason).toMatch(/stopped/);
  });
});

describe('sox output parsing', () => {
  it('reads the fields of `sox --info`', () => {
    const info = [
      "Input File     : 'x.wav'",
      'Channels       : 2',
      'Sample Rate    : 44100',
      'Duration       : 00:00:02.00 = 88200 samples = 150 CDDA sectors',
      'Sample Encoding: 32-bit Signed Integer PCM',
    ].join('\n');
    expect(parseSoxInfo(info)).toEqual({
      sampleRate: 44100,
      channels: 2,
      durationSeconds: 2,
      encoding: '32-bit Signed Integer PCM',
    });
  });

  it('takes the last FAIL line as the reason', () => {
    expect(
      soxFailReason(
        "sox WARN x: y\nsox FAIL formats: can't open input file `a': WAVE: RIFF header not found\n",
      ),
    ).toBe("can't open input file `a': WAVE: RIFF header not found");
  });
});

describe('content sniffing', () => {
  it('recognises headers, not names', () => {
    expect(sniffAudioType(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toBe('wav');
    expect(sniffAudioType(Buffer.from('OggS\0\x02'))).toBe('ogg');
    expect(sniffAudioType(Buffer.from('fLaC\0\0'))).toBe('flac');
    expect(sniffAudioType(Buffer.from('ID3\x04\0'))).toBe('mp3');
    expect(sniffAudioType(Buffer.from([0xff, 0xfb, 0x90, 0x00]))).toBe('mp3');
    expect(sniffAudioType(Buffer.from('%PDF-1.7'))).toBeUndefined();
    expect(sniffAudioType(Buffer.from('<?php echo 1; ?>'))).toBeUndefined();
  });

  it('accepts raw GSM only with whole frames carrying the signature nibble', () => {
    const frames = Buffer.alloc(66, 0);
    frames[0] = 0xd8;
    frames[33] = 0xd2;
    expect(looksLikeRawGsm(frames, 66)).toBe(true);
    expect(looksLikeRawGsm(frames, 67)).toBe(false);
    expect(looksLikeRawGsm(Buffer.from('x'.repeat(66)), 66)).toBe(false);
    expect(rawDurationSeconds('gsm', 33 * 50)).toBeCloseTo(1);
    expect(rawDurationSeconds('ulaw', 16000)).toBe(2);
  });
});
