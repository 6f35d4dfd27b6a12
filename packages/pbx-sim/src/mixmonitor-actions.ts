import type { AmiMessage } from '@switchboard/ami';
import type { AmiSession } from './ami-session.js';
import { startMixMonitor, stopMixMonitor } from './dialplan-runner.js';
import type { PbxSimulator } from './pbx-simulator.js';
import type { SimChannel } from './sim-channel.js';

type Handler = (sim: PbxSimulator, s: AmiSession, msg: AmiMessage) => void;

/** The channel a (Stop)MixMonitor action names, or undefined after answering its error. */
function mixMonitorTarget(sim: PbxSimulator, s: AmiSession, msg: AmiMessage): SimChannel | undefined {
  const name = msg.get('Channel') ?? '';
  if (name === '') {
    s.respond(msg, 'Error', ['Message', 'No channel specified']);
    return undefined;
  }
  const ch = sim.engine.channels.get(name);
  if (!ch) s.respond(msg, 'Error', ['Message', 'No such channel']);
  return ch;
}

export const MIXMONITOR_HANDLERS: Record<string, Handler> = {
  // app_mixmonitor.c manager_mixmonitor / manager_stop_mixmonitor: Success carries no Message.
  mixmonitor: (sim, s, msg) => {
    const ch = mixMonitorTarget(sim, s, msg);
    if (!ch) return;
    const file = msg.get('File') ?? '';
    if (file === '') {
      s.respond(msg, 'Error', ['Message', 'Could not start monitoring channel']);
      return;
    }
    startMixMonitor(sim.engine, ch, file);
    s.respond(msg, 'Success');
  },
  stopmixmonitor: (sim, s, msg) => {
    const ch = mixMonitorTarget(sim, s, msg);
    if (!ch) return;
    if (!stopMixMonitor(sim.engine, ch)) {
      s.respond(msg, 'Error', ['Message', 'Could not stop monitoring channel']);
      return;
    }
    s.respond(msg, 'Success');
  },
};
