/**
 * One benchmark consumer, run in its own process (so CPU time and peak RSS are its own):
 *   node --import tsx --conditions=@switchboard/source bench-consumers.ts <variant> <port> <events> <bytes>
 * Prints one JSON line: { elapsedMs, cpuMs, maxRssMb, digest }.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { AmiClient, AmiParser, buildEvent } from '@switchboard/ami';
import { fold, type Digest } from './event-stream.js';

const [variant, portText, eventsText, bytesText] = process.argv.slice(2);
const port = Number(portText);
const total = Number(eventsText);
const totalBytes = Number(bytesText);
const digest: Digest = { events: 0, checksum: 0, bad: 0 };
let first = 0;
let last = 0;
let idle: NodeJS.Timeout | undefined;

function tick(): void {
  // Clock reads only every 1000 events: the harness should cost the consumers as little as possible.
  if (digest.events % 1000 === 1) {
    last = performance.now();
    if (digest.events === 1) first = last;
    armIdle();
  } else if (digest.events === total) {
    last = performance.now();
    finish();
  }
}

/** A consumer that loses events never reaches the total: stop 2 s after the stream dries up. */
function armIdle(): void {
  if (idle) clearTimeout(idle);
  idle = setTimeout(() => (performance.now() - last > 1500 ? finish() : armIdle()), 2000);
}

function finish(): void {
  if (idle) clearTimeout(idle);
  const elapsedMs = last - first;
  const usage = process.resourceUsage();
  // ru_maxrss survives exec (it would report the parent's peak); VmHWM is this address space's own peak.
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  process.stdout.write(
    JSON.stringify({
      elapsedMs,
      cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      maxRssMb: hwm ? Number(hwm[1]) / 1024 : NaN,
      digest,
    }) + '\n',
    () => process.exit(0),
  );
}

const credentials = { username: 'bench', secret: 'bench' };

async function switchboard(): Promise<void> {
  const client = new AmiClient({ port, ...credentials, keepalive: false, reconnect: false });
  client.subscribe((e) => {
    fold(digest, e.Event, e.Uniqueid, e.Channel, e.Variable);
    tick();
  });
  await client.connect();
}

function asteriskManager(): void {
  const require = createRequire(import.meta.url);
  const factory = require('asterisk-manager') as (
    port: number,
    host: string,
    user: string,
    secret: string,
    events: boolean,
  ) => { on(event: string, listener: (e: Record<string, unknown>) => void): void };
  const ami = factory(port, '127.0.0.1', credentials.username, credentials.secret, true);
  ami.on('managerevent', (e) => {
    fold(digest, e['event'], e['uniqueid'], e['channel'], e['variable']);
    tick();
  });
}

/** The careful hand-written loop: split messages on the blank line, lines on CRLF, headers on ': '. */
function splitParse(): void {
  const socket = net.connect(port, '127.0.0.1');
  let rest = '';
  let loggedIn = false;
  socket.setEncoding('utf8');
  socket.write(`Action: Login\r\nUsername: ${credentials.username}\r\nSecret: ${credentials.secret}\r\n\r\n`);
  socket.on('data', (chunk: string) => {
    const blocks = (rest + chunk).split('\r\n\r\n');
    rest = blocks.pop()!;
    for (const block of blocks) {
      const headers: Record<string, string | string[]> = {};
      for (const line of block.split('\r\n')) {
        const at = line.indexOf(': ');
        if (at === -1) continue;
        const key = line.slice(0, at);
        const value = line.slice(at + 2);
        const prev = headers[key];
        headers[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
      }
      if (!loggedIn) {
        loggedIn = headers['Response'] === 'Success';
        continue;
      }
      if (headers['Event'] === undefined) continue;
      fold(digest, headers['Event'], headers['Uniqueid'], headers['Channel'], headers['Variable']);
      tick();
    }
  });
}

/** The ceiling: read the bytes and do nothing with them. */
function rawRead(): void {
  const socket = net.connect(port, '127.0.0.1');
  let streamBytes = 0;
  let loggedIn = false;
  socket.write(`Action: Login\r\nUsername: ${credentials.username}\r\nSecret: ${credentials.secret}\r\n\r\n`);
  socket.on('data', (chunk: Buffer) => {
    if (!loggedIn) {
      // The server sends the stream 100 ms after the login reply, so the reply arrives in chunks of its own.
      loggedIn = chunk.includes('Authentication accepted');
      return;
    }
    last = performance.now();
    if (streamBytes === 0) first = last;
    streamBytes += chunk.length;
    if (streamBytes >= totalBytes) {
      digest.events = total;
      finish();
    }
  });
}

/** Diagnostic: the parser and event objects on a bare socket, no client. */
function parserOnly(): void {
  const socket = net.connect(port, '127.0.0.1');
  const parser = new AmiParser();
  socket.write(`Action: Login\r\nUsername: ${credentials.username}\r\nSecret: ${credentials.secret}\r\n\r\n`);
  socket.on('data', (chunk: Buffer) => {
    for (const m of parser.push(chunk)) {
      if (m.type !== 'event') continue;
      const e = buildEvent(m, 'x');
      fold(digest, e.Event, e.Uniqueid, e.Channel, e.Variable);
      tick();
    }
  });
}

switch (variant) {
  case 'parser-only':
    parserOnly();
    break;
  case 'switchboard':
    await switchboard();
    break;
  case 'asterisk-manager':
    asteriskManager();
    break;
  case 'split-parse':
    splitParse();
    break;
  case 'raw':
    rawRead();
    break;
  default:
    throw new Error(`unknown variant ${variant}`);
}
