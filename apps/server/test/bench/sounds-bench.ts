/**
 * Sound benchmark: `npm run bench -w @switchboard/server` (builds first).
 *
 * 1. Converts a 3-minute 44.1 kHz stereo WAV to the five Asterisk formats, each alone (sequentially), then all
 *    at once through SoundConverter, and compares the parallel wall time with the slowest single conversion
 *    (target <= 1.3x).
 * 2. Starts the built server (node dist/main.js, embedded PGlite, simulated PBX) as a child process, uploads a
 *    50 MB WAV over HTTP, and samples the server's RSS from /proc while the upload runs (target growth <= 64 MB).
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUTPUT_FORMATS, OUTPUT_SPECS } from '../../src/sounds/audio-formats.js';
import { SoundConverter } from '../../src/sounds/sound-converter.js';
import { SoundFileStore } from '../../src/sounds/sound-file-store.js';
import { ExecSoxRunner } from '../../src/sounds/sox-runner.js';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function table(rows: Array<[string, string]>): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`| ${k.padEnd(width)} | ${v.padStart(12)} |`);
}

async function conversionBench(dir: string): Promise<void> {
  const input = path.join(dir, 'three-minutes.wav');
  execFileSync('sox', [
    '-n',
    '-r',
    '44100',
    '-c',
    '2',
    '-b',
    '16',
    input,
    'synth',
    '180',
    'sine',
    '300-3000',
  ]);
  const sox = new ExecSoxRunner();
  const rows: Array<[string, string]> = [];
  let slowest = 0;
  for (const format of OUTPUT_FORMATS) {
    const { extension, args } = OUTPUT_SPECS[format];
    const start = process.hrtime.bigint();
    await sox.convert({
      input,
      inputType: 'wav',
      output: path.join(dir, `single.${extension}`),
      outputArgs: args,
      effects: [],
    });
    const took = ms(start);
    slowest = Math.max(slowest, took);
    rows.push([`single ${format}`, `${took.toFixed(0)} ms`]);
  }
  const converter = new SoundConverter(sox, new SoundFileStore(), os.availableParallelism());
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = process.hrtime.bigint();
    const conversion = await converter.convert(path.join(dir, 'out'), input, 'wav', {
      normalise: false,
      trim: false,
    });
    runs.push(ms(start));
    await fs.rm(conversion.tempDir, { recursive: true, force: true });
  }
  const wall = Math.min(...runs);
  rows.push(['all five in parallel (best of 3)', `${wall.toFixed(0)} ms`]);
  rows.push(['slowest single', `${slowest.toFixed(0)} ms`]);
  rows.push(['parallel / slowest single', `${(wall / slowest).toFixed(2)}x`]);
  rows.push(['CPUs used', String(os.availableParallelism())]);
  console.log(`\nConversion of a 3-minute 44.1 kHz stereo WAV (${mb(statSync(input).size)} MB)\n`);
  table(rows);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

function request(port: number, method: string, url: string, key: string, body?: unknown): Promise<any> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: url,
        headers: {
          authorization: `Bearer ${key}`,
          ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode, body: JSON.parse(Buffer.concat(chunks).toString() || 'null') }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Streams `file` as a multipart upload from disk, so the bench process holds only small buffers. */
function uploadFile(port: number, key: string, tenantId: string, file: string): Promise<number> {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.wav"\r\nContent-Type: audio/wav\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/sounds?tenantId=${tenantId}`,
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': head.length + statSync(file).size + tail.length,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.write(head);
    const stream = createReadStream(file);
    stream.on('end', () => req.end(tail));
    stream.pipe(req, { end: false });
  });
}

async function uploadBench(dir: string): Promise<void> {
  const big = path.join(dir, 'fifty-mb.wav');
  // 44.1 kHz stereo 16-bit is 176 400 B/s: 297 s is ~50 MB, under the 10-minute limit.
  execFileSync('sox', ['-n', '-r', '44100', '-c', '2', '-b', '16', big, 'synth', '297', 'sine', '440']);
  const port = await freePort();
  const key = `bench-${randomBytes(16).toString('hex')}`;
  const child = spawn(process.execPath, [path.join(serverDir, 'dist/main.js')], {
    cwd: dir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DATA_DIR: path.join(dir, 'data'),
      ADMIN_API_KEY: key,
      SOUNDS_MAX_UPLOAD_MB: '60',
    },
    stdio: 'ignore',
  });
  try {
    for (let i = 0; ; i++) {
      const up = await request(port, 'GET', '/api/health', key).catch(() => undefined);
      if (up?.status === 200) break;
      if (i > 200) throw new Error('server did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const tenant = await request(port, 'POST', '/api/tenants', key, { name: 'Bench', slug: 'bench' });
    const small = path.join(dir, 'warm.wav');
    execFileSync('sox', ['-n', '-r', '8000', '-c', '1', small, 'synth', '1', 'sine', '440']);
    await uploadFile(port, key, tenant.body.id, small);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const baseline = rssBytes(child.pid!);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(child.pid!))), 5);
    const start = process.hrtime.bigint();
    const status = await uploadFile(port, key, tenant.body.id, big);
    const took = ms(start);
    clearInterval(sampler);
    console.log(
      `\nServer RSS during a ${mb(statSync(big).size)} MB upload (streamed multipart, answered ${status})\n`,
    );
    table([
      ['RSS before', `${mb(baseline)} MB`],
      ['RSS peak during upload', `${mb(peak)} MB`],
      ['growth', `${mb(peak - baseline)} MB`],
      ['upload time', `${took.toFixed(0)} ms`],
    ]);
  } finally {
    child.kill('SIGTERM');
  }
}

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sounds-bench-'));
try {
  await conversionBench(dir);
  await uploadBench(dir);
} finally {
  await fs.rm(dir, { recursive: true, force: true });
}
