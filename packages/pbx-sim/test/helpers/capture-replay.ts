import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AmiParser, type AmiMessage } from '@switchboard/ami';

export const CAPTURES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../../shared/ami-captures',
);

interface CaptureRecord {
  t: number;
  dir: 'in' | 'out';
  data: string;
}

export function loadRecords(scenario: string): CaptureRecord[] {
  return readFileSync(path.join(CAPTURES_DIR, `${scenario}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as CaptureRecord);
}

/** The capture's incoming bytes (its `.raw` file). */
export function loadRaw(scenario: string): string {
  return readFileSync(path.join(CAPTURES_DIR, `${scenario}.raw`), 'latin1');
}

export function parseCaptureIn(scenario: string): AmiMessage[] {
  const parser = new AmiParser();
  const out: AmiMessage[] = [];
  for (const r of loadRecords(scenario)) if (r.dir === 'in') out.push(...parser.push(r.data));
  return out.filter((m) => m.type !== 'banner');
}

/** Messages that drive the pacing of a replay: what a client waits for (not the variable-count ones). */
const isKey = (m: AmiMessage): boolean =>
  m.type === 'response' || !['Newexten', 'VarSet', 'DeviceStateChange', 'Cdr'].includes(m.name);

/** A raw AMI client: socket + AmiParser, with event-driven waits. */
export class RawClient {
  readonly messages: AmiMessage[] = [];
  /** Every byte received, as text (latin1), for byte-exact comparisons. */
  raw = '';
  closed = false;
  private readonly parser = new AmiParser();
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.raw += chunk.toString('latin1');
      this.messages.push(...this.parser.push(chunk));
      this.notify();
    });
    socket.on('close', () => {
      this.closed = true;
      this.notify();
    });
    socket.on('error', () => undefined);
  }

  static open(port: number): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new RawClient(socket)));
      socket.once('error', reject);
    });
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  send(text: string): void {
    this.socket.write(text);
  }

  async waitFor(pred: (msgs: AmiMessage[]) => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pred(this.messages)) {
      if (this.closed || Date.now() > deadline) throw new Error('waitFor: condition not met');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  waitClosed(timeoutMs = 5000): Promise<void> {
    return this.waitFor(() => this.closed, timeoutMs).catch(() => {
      if (!this.closed) throw new Error('connection not closed');
    });
  }

  close(): void {
    this.socket.destroy();
  }
}

/**
 * Sends a capture's `out` records verbatim, each once the simulator has sent at least as many key messages
 * as the capture had before that record, and the capture's own (scaled) time has passed.
 */
export async function replay(
  port: number,
  scenario: string,
  speed: number,
  beforeRecord?: (data: string, client: RawClient) => Promise<void>,
): Promise<RawClient> {
  const records = loadRecords(scenario);
  const client = await RawClient.open(port);
  const parser = new AmiParser();
  let keyBefore = 0;
  const start = Date.now();
  for (const r of records) {
    if (r.dir === 'in') {
      keyBefore += parser.push(r.data).filter((m) => m.type !== 'banner' && isKey(m)).length;
      continue;
    }
    await beforeRecord?.(r.data, client);
    const need = keyBefore;
    await client.waitFor((msgs) => msgs.filter(isKey).length >= need, 8000);
    const due = start + r.t / speed - Date.now();
    if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
    client.send(r.data);
  }
  await client.waitClosed(8000);
  return client;
}

/** The suffix of the capture's first Local channel (`-00000013;1` -> 0x13), so replayed names match. */
export function firstSuffix(scenario: string): number {
  for (const m of parseCaptureIn(scenario)) {
    const name = m.name === 'Newchannel' ? m.get('Channel') : undefined;
    const hex = name && /-([0-9a-f]{8});1$/.exec(name)?.[1];
    if (hex) return parseInt(hex, 16);
  }
  return 0;
}
