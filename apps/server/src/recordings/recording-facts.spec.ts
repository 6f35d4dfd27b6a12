import { describe, expect, it } from 'vitest';
import {
  decodeRecordingId,
  encodeRecordingId,
  isPcmWav,
  isRecordingFile,
  recordingFacts,
  recordingInputType,
  wavDurationSeconds,
} from './recording-facts.js';

function wavHeader(dataBytes: number, byteRate = 16000): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVEfmt ', 8, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(byteRate, 28);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

describe('recording facts', () => {
  it('reads the time and Uniqueid from FreePBX names and the date from YYYY/MM/DD folders', () => {
    expect(recordingFacts('2026/03/01/out-5551234-1001-20260301-101500-1772000001.7.wav')).toEqual({
      recordedAt: new Date('2026-03-01T10:15:00Z'),
      keys: ['1772000001.7'],
    });
    expect(recordingFacts('2026/03/02/custom.wav').recordedAt).toEqual(new Date('2026-03-02T00:00:00Z'));
    expect(recordingFacts('C2B3F0E1-0000-4000-8000-000000000001.wav').keys).toEqual([
      'c2b3f0e1-0000-4000-8000-000000000001',
    ]);
    expect(recordingFacts('plain.wav')).toEqual({ recordedAt: undefined, keys: [] });
  });

  it('computes WAV duration from the header, or from the file size while still being written', () => {
    expect(wavDurationSeconds(wavHeader(32000), 44 + 32000)).toBe(2);
    expect(wavDurationSeconds(wavHeader(0), 44 + 8000)).toBe(0.5);
    expect(wavDurationSeconds(Buffer.from('not a wav file at all'), 100)).toBeUndefined();
  });

  it('round-trips ids and refuses malformed ones', () => {
    expect(decodeRecordingId(encodeRecordingId('2026/03/01/a.wav'))).toBe('2026/03/01/a.wav');
    expect(decodeRecordingId('../etc')).toBeUndefined();
    expect(decodeRecordingId('')).toBeUndefined();
    expect(isRecordingFile('a.WAV')).toBe(true);
    expect(isRecordingFile('a.txt')).toBe(false);
  });

  it('tells PCM WAV (browser-playable) from GSM-in-WAV and others', () => {
    expect(isPcmWav(wavHeader(10))).toBe(true);
    const gsm = wavHeader(10);
    gsm.writeUInt16LE(0x31, 20);
    expect(isPcmWav(gsm)).toBe(false);
    expect(isPcmWav(Buffer.from('OggS'))).toBe(false);
    expect(recordingInputType('a.WAV49')).toBe('wav');
    expect(recordingInputType('a.gsm')).toBe('gsm');
    expect(recordingInputType('a.sln16')).toBeUndefined();
  });
});
