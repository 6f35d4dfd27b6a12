/**
 * Flood-mode throughput: the simulator originates N calls/s to answer@test (the full answered-call sequence,
 * ~40 events per call with dialplan events) and one AMI client reads and parses everything over loopback.
 * A rate is "sustained" when the client has seen every call complete (two Hangup events) within 1 s of the
 * flood's end.
 */
import { connect } from 'node:net';
import { AmiParser } from '@switchboard/ami';
import { PbxSimulator } from '../src/index.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const RATES = (process.env.BENCH_RATES ?? '500,1000,2000,4000').split(',').map(Number);

interface Row {
  target: number;
  started: number;
  completed: number;
  callsPerSec: number;
  eventsPerSec: number;
  mbPerSec: number;
  sustained: boolean;
}

async function run(rate: number): Promise<Row> {
  // Speed 100: a 2.9 s answered call lasts 29 ms of real time, so the number of live calls stays bounded.
  const sim = await new PbxSimulator({ port: 0, speed: 100, seed: 1 }).start();
  const socket = connect(sim.port, '127.0.0.1');
  const parser = new AmiParser();
  let events = 0;
  let hangups = 0;
  let originated = 0;
  let bytes = 0;
  let loggedIn: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (loggedIn = resolve));
  socket.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    for (const m of parser.push(chunk)) {
      if (m.type === 'response') loggedIn();
      if (m.type !== 'event') continue;
      events++;
      if (m.name === 'Hangup') hangups++;
      else if (m.name === 'OriginateResponse') originated++;
    }
  });
  socket.write('Action: Login\r\nUsername: admin\r\nSecret: amp111\r\nEvents: on\r\n\r\n');
  await ready;
  const t0 = performance.now();
  sim.flood(rate);
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  sim.stopFlood();
  const started = sim.engine.processedCalls;
  const deadline = performance.now() + 1000;
  while (hangups < started * 2 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const elapsed = (performance.now() - t0) / 1000;
  socket.destroy();
  await sim.stop();
  const completed = Math.floor(hangups / 2);
  return {
    target: rate,
    started,
    completed,
    callsPerSec: Math.round(completed / elapsed),
    eventsPerSec: Math.round(events / elapsed),
    mbPerSec: Math.round((bytes / elapsed / 1e6) * 10) / 10,
    sustained: completed >= started && originated >= started,
  };
}

const rows: Row[] = [];
for (const rate of RATES) rows.push(await run(rate));
console.log(`\npbx-sim flood bench (${SECONDS} s per rate, one client over loopback, all events parsed)\n`);
console.table(
  rows.map((r) => ({
    'target calls/s': r.target,
    'calls started': r.started,
    'calls completed': r.completed,
    'calls/s': r.callsPerSec,
    'events/s': r.eventsPerSec,
    'MB/s': r.mbPerSec,
    sustained: r.sustained ? 'yes' : 'NO',
  })),
);
