#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { PbxSimulator } from './pbx-simulator.js';
import type { PbxSimOptions } from './pbx-sim-options.js';

const USAGE = `Usage: switchboard-pbx-sim [--port 5038] [--host 127.0.0.1] [--user admin --secret amp111]
       [--scenario file.json] [--speed 1] [--seed n] [--monitor-dir dir] [--sounds-dir dir]
       [--flood callsPerSecond] [--drop-after ms] [--silent-after ms] [--delay ms] [--restart-after ms]
       [--garbage-after ms] [--inbound-call from:to[:hangupAfterMs] ...] [--inbound-every ms]`;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5038' },
    host: { type: 'string', default: '127.0.0.1' },
    user: { type: 'string' },
    secret: { type: 'string' },
    scenario: { type: 'string' },
    speed: { type: 'string' },
    seed: { type: 'string' },
    'monitor-dir': { type: 'string' },
    'sounds-dir': { type: 'string' },
    flood: { type: 'string' },
    'drop-after': { type: 'string' },
    'silent-after': { type: 'string' },
    delay: { type: 'string' },
    'restart-after': { type: 'string' },
    'garbage-after': { type: 'string' },
    'inbound-call': { type: 'string', multiple: true },
    'inbound-every': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const options: PbxSimOptions = { port: Number(values.port), host: values.host };
if (values.user)
  options.users = { [values.user]: { secret: values.secret ?? '', read: 'all', write: 'all' } };
if (values.speed) options.speed = Number(values.speed);
if (values.seed) options.seed = Number(values.seed);
if (values['monitor-dir']) options.monitorDir = values['monitor-dir'];
if (values['sounds-dir']) options.soundsDir = values['sounds-dir'];

const sim = values.scenario
  ? PbxSimulator.fromScenarioFile(values.scenario, options)
  : new PbxSimulator(options);
await sim.start();
console.log(`switchboard-pbx-sim: AMI on ${values.host}:${sim.port} (speed ${sim.options.speed}x)`);

const at = (value: string | undefined, fn: () => void): void => {
  if (value !== undefined) setTimeout(fn, Number(value));
};
if (values.flood) sim.flood(Number(values.flood));
if (values.delay) sim.setResponseDelay(Number(values.delay));
at(values['drop-after'], () => sim.dropConnections());
at(values['silent-after'], () => sim.setSilent(true));
at(values['restart-after'], () => void sim.restart());
at(values['garbage-after'], () => sim.sendGarbage());

/** `--inbound-call sipp:service:3000`: that call arrives 1 s after start, or every `--inbound-every` ms. */
const inbound = (values['inbound-call'] ?? []).map((spec) => {
  const [from, to, hangupAfterMs] = spec.split(':');
  return { from, to, hangupAfterMs: hangupAfterMs === undefined ? undefined : Number(hangupAfterMs) };
});
const placeInbound = (): void => {
  for (const call of inbound) sim.inboundCall(call);
};
if (inbound.length > 0) {
  const every = Number(values['inbound-every'] ?? 0);
  if (every > 0) setInterval(placeInbound, every);
  else setTimeout(placeInbound, 1000);
}

const shutdown = (): void => {
  void sim.stop().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
