import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const RATE = 8000;

/**
 * A playable 8 kHz, 16-bit, mono PCM WAV of `durationMs`: a quiet 425 Hz tone (the European ringback pitch),
 * so a listener hears that something was recorded, as MixMonitor's `<Uniqueid>.wav` would hold the call audio.
 */
export function wavBytes(durationMs: number): Buffer {
  const samples = Math.max(0, Math.round((durationMs / 1000) * RATE));
  const dataBytes = samples * 2;
  const buf = Buffer.alloc(44 + dataBytes);
  buf.write('RIFF', 0, 'ascii');
  buf.writeUInt32LE(36 + dataBytes, 4);
  buf.write('WAVE', 8, 'ascii');
  buf.write('fmt ', 12, 'ascii');
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(RATE, 24);
  buf.writeUInt32LE(RATE * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36, 'ascii');
  buf.writeUInt32LE(dataBytes, 40);
  for (let i = 0; i < samples; i++) {
    buf.writeInt16LE(Math.round(3000 * Math.sin((2 * Math.PI * 425 * i) / RATE)), 44 + i * 2);
  }
  return buf;
}

export function writeWav(file: string, durationMs: number): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, wavBytes(durationMs));
}

/** Playing time of a PCM WAV file from its header, or undefined when it is not one. */
export function wavDurationMs(bytes: Buffer): number | undefined {
  if (
    bytes.length < 44 ||
    bytes.toString('ascii', 0, 4) !== 'RIFF' ||
    bytes.toString('ascii', 8, 12) !== 'WAVE'
  ) {
    return undefined;
  }
  const byteRate = bytes.readUInt32LE(28);
  let at = 12;
  while (at + 8 <= bytes.length) {
    const id = bytes.toString('ascii', at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    if (id === 'data')
      return byteRate > 0 ? (Math.min(size, bytes.length - at - 8) / byteRate) * 1000 : undefined;
    at += 8 + size + (size % 2);
  }
  return undefined;
}
