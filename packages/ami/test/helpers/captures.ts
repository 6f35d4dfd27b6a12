import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** ../shared/ami-captures beside the repository: real Asterisk 22 transcripts. */
export const CAPTURES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../../shared/ami-captures',
);

export interface CaptureIndexEntry {
  scenario: string;
  description: string;
  messagesIn: number;
  messagesOut: number;
  rawBytes: number;
  tcpReadSizes: number[];
  sequence: string[];
}

export interface CaptureRecord {
  t: number;
  dir: 'in' | 'out';
  data: string;
}

export function loadIndex(): CaptureIndexEntry[] {
  return JSON.parse(readFileSync(path.join(CAPTURES_DIR, 'index.json'), 'utf8')) as CaptureIndexEntry[];
}

export function loadRaw(scenario: string): Buffer {
  return readFileSync(path.join(CAPTURES_DIR, `${scenario}.raw`));
}

export function loadRecords(scenario: string): CaptureRecord[] {
  return readFileSync(path.join(CAPTURES_DIR, `${scenario}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as CaptureRecord);
}

/** Cuts `raw` at the given chunk sizes (the capture's own TCP reads). */
export function chunkBySizes(raw: Buffer, sizes: number[]): Buffer[] {
  const chunks: Buffer[] = [];
  let at = 0;
  for (const size of sizes) {
    chunks.push(raw.subarray(at, at + size));
    at += size;
  }
  if (at < raw.length) chunks.push(raw.subarray(at));
  return chunks;
}
