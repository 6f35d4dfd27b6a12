import type { CallEngine } from './call-engine.js';
import { setVariable } from './dialplan-runner.js';
import type { SimChannel } from './sim-channel.js';

/** What app_dial clears on the caller as it starts (dial-* captures, in this order). */
const RESET = [
  'DIALSTATUS',
  'DIALEDPEERNUMBER',
  'DIALEDPEERNAME',
  'ANSWEREDTIME',
  'ANSWEREDTIME_MS',
  'DIALEDTIME',
  'DIALEDTIME_MS',
  'RINGTIME',
  'RINGTIME_MS',
  'PROGRESSTIME',
  'PROGRESSTIME_MS',
];

export function resetDialVariables(engine: CallEngine, caller: SimChannel): void {
  for (const name of RESET) setVariable(engine, caller, name, '');
}

/** `RINGTIME` / `RINGTIME_MS` when the callee starts ringing. */
export function setRingTime(engine: CallEngine, caller: SimChannel, sinceMs: number): void {
  const ms = Math.max(0, Math.round(engine.clock.now() - sinceMs));
  setVariable(engine, caller, 'RINGTIME', String(Math.floor(ms / 1000)));
  setVariable(engine, caller, 'RINGTIME_MS', String(ms));
}

/** After an answered dial ends: talk and dial durations, then the status. */
export function setAnsweredTimes(
  engine: CallEngine,
  caller: SimChannel,
  answeredAt: number,
  dialedAt: number,
): void {
  const answered = Math.max(0, Math.round(engine.clock.now() - answeredAt));
  const dialed = Math.max(0, Math.round(engine.clock.now() - dialedAt));
  setVariable(engine, caller, 'ANSWEREDTIME', String(Math.floor(answered / 1000)));
  setVariable(engine, caller, 'ANSWEREDTIME_MS', String(answered));
  setVariable(engine, caller, 'DIALEDTIME', String(Math.floor(dialed / 1000)));
  setVariable(engine, caller, 'DIALEDTIME_MS', String(dialed));
  setVariable(engine, caller, 'DIALSTATUS', 'ANSWER');
}
