/**
 * AMI ingest benchmark: a realistic event stream (the real Asterisk 22 captures' events, repeated) sent over
 * loopback TCP to four consumers, each in its own process, interleaved over several rounds; medians reported.
 *   switchboard       @switchboard/ami AmiClient, one subscriber reading Event/Uniqueid/Channel/Variable
 *   asterisk-manager  the npm package (devDependency baseline)
 *   split-parse       a careful hand-written split-and-parse loop
 *   raw               socket read only (the ceiling)
 * Usage: npm run bench -w @switchboard/ami [-- --events 200000 --rounds 5]
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AmiParser } from '@switchboard/ami';
import { buildEventStream, type Digest } from './event-stream.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const EVENTS = arg('events', 200_000);
const ROUNDS = arg('rounds', 5);
const VARIANTS = (process.env.AMI_BENCH_VARIANTS?.split(',') ?? [
  'switchboard',
  'asterisk-manager',
  'split-parse',
  'raw',
]) as readonly Variant[];
/** Extra node flags for the consumer processes, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile them. */
const NODE_FLAGS = process.env.AMI_BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
type Variant = 'switchboard' | 'asterisk-manager' | 'split-parse' | 'raw' | 'parser-only' | 'onread64';

interface RunResult {
  elapsedMs: number;
  cpuMs: number;
  maxRssMb: number;
  digest: Digest;
}

const { bytes, expected, templates } = buildEventStream(EVENTS);

/** Serves: banner, any Login accepted, then (100 ms later) the whole stream with backpressure. */
function startServer(): Promise<net.Server> {
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.write('Asterisk Call Manager/11.0.0\r\n');
    const parser = new AmiParser({ expectBanner: false });
    socket.on('data', (chunk) => {
      for (const action of parser.push(chunk)) {
        if (action.name.toLowerCase() !== 'login') continue;
        const id = action.get('ActionID');
        socket.write(
          `Response: Success\r\n${id ? `ActionID: ${id}\r\n` : ''}Message: Authentication accepted\r\n\r\n`,
        );
        setTimeout(() => stream(socket), 100);
      }
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function stream(socket: net.Socket): void {
  const CHUNK = 64 * 1024;
  let at = 0;
  const pump = (): void => {
    while (at < bytes.length) {
      const ok = socket.write(bytes.subarray(at, at + CHUNK));
      at += CHUNK;
      if (!ok) {
        socket.once('drain', pump);
        return;
      }
    }
  };
  pump();
}

function runConsumer(variant: Variant, port: number): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...NODE_FLAGS,
        '--import',
        'tsx',
        '--conditions=@switchboard/source',
        path.join(here, 'bench-consumers.ts'),
        variant,
        String(port),
        String(EVENTS),
        String(bytes.length),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    const timer = setTimeout(() => child.kill(), 120_000);
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0 || !out) reject(new Error(`${variant} exited with ${code}`));
      else resolve(JSON.parse(out) as RunResult);
    });
  });
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const server = await startServer();
const port = (server.address() as net.AddressInfo).port;
const results = new Map<Variant, RunResult[]>(VARIANTS.map((v) => [v, []]));
const mb = bytes.length / 1024 / 1024;
console.log(
  `AMI ingest: ${EVENTS} events (${templates} real event templates), ${mb.toFixed(1)} MB, ${ROUNDS} rounds, interleaved`,
);
for (let round = 0; round < ROUNDS; round++) {
  // Rotate the order each round so no variant always runs first.
  const rates: string[] = [];
  for (let i = 0; i < VARIANTS.length; i++) {
    const variant = VARIANTS[(i + round) % VARIANTS.length]!;
    const run = await runConsumer(variant, port);
    results.get(variant)!.push(run);
    rates.push(`${variant} ${Math.round(EVENTS / run.elapsedMs).toLocaleString('en-US')}k`);
  }
  process.stdout.write(`  round ${round + 1}/${ROUNDS} (events/s): ${rates.join(', ')}\n`);
}
server.close();

const rows = VARIANTS.map((variant) => {
  const runs = results.get(variant)!;
  const seconds = median(runs.map((r) => r.elapsedMs)) / 1000;
  const wrong = runs.filter(
    (r) =>
      variant !== 'raw' &&
      (r.digest.checksum !== expected.checksum || r.digest.bad !== 0 || r.digest.events !== expected.events),
  ).length;
  return {
    variant,
    eventsPerSec: EVENTS / seconds,
    mbPerSec: mb / seconds,
    cpuSec: median(runs.map((r) => r.cpuMs)) / 1000,
    rssMb: median(runs.map((r) => r.maxRssMb)),
    correct: variant === 'raw' ? 'n/a' : wrong === 0 ? 'yes' : `NO (${wrong}/${runs.length} runs wrong)`,
  };
});
const ours = rows.find((r) => r.variant === 'switchboard')!.eventsPerSec;
console.log('');
console.log(
  '| consumer | events/s | MB/s | CPU s (process) | peak RSS MB | every event correct | switchboard is |',
);
console.log('|---|---:|---:|---:|---:|---|---:|');
for (const r of rows) {
  const ratio = r.variant === 'switchboard' ? '-' : `${(ours / r.eventsPerSec).toFixed(2)}x`;
  console.log(
    `| ${r.variant} | ${Math.round(r.eventsPerSec).toLocaleString('en-US')} | ${r.mbPerSec.toFixed(1)} | ${r.cpuSec.toFixed(2)} | ${r.rssMb.toFixed(0)} | ${r.correct} | ${ratio} |`,
  );
}
console.log(`\nNode ${process.version}, ${process.platform}/${process.arch}; medians of ${ROUNDS} runs.`);
