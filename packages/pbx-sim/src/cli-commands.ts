import type { PbxSimulator } from './pbx-simulator.js';

export interface CommandResult {
  ok: boolean;
  lines: string[];
  /** The command reloads modules: a `Reload` event follows the response. */
  reload?: boolean;
}

const pad = (text: string, width: number): string => text.padEnd(width);

/** The CLI commands a manager `Command` action can run here, with Asterisk 22's output layout. */
export function runCommand(sim: PbxSimulator, command: string): CommandResult {
  const cmd = command.trim().replace(/\s+/g, ' ');
  switch (cmd) {
    case 'core show version':
      return {
        ok: true,
        lines: ['Asterisk 22.10.1 built by root @ vm on a x86_64 running Linux on 2026-11-25 01:54:25 UTC'],
      };
    case 'core show channels': {
      const channels = [...sim.engine.channels.values()];
      const lines = [
        pad('Channel', 64) +
          ' ' +
          pad('Location', 32) +
          ' ' +
          pad('State', 7) +
          ' ' +
          pad('Application(Data)', 30),
      ];
      for (const ch of channels) {
        const app = ch.application ? `${ch.application}(${ch.applicationData})` : '(None)';
        lines.push(
          pad(ch.name, 64) +
            ' ' +
            pad(`${ch.exten}@${ch.context}:${ch.priority}`, 32) +
            ' ' +
            pad(stateName(ch.state), 7) +
            ' ' +
            pad(app, 30),
        );
      }
      lines.push(`${channels.length} active channel${channels.length === 1 ? '' : 's'}`);
      const calls = sim.engine.activeCalls();
      lines.push(`${calls} active call${calls === 1 ? '' : 's'}`);
      lines.push(`${sim.engine.processedCalls} call${sim.engine.processedCalls === 1 ? '' : 's'} processed`);
      return { ok: true, lines };
    }
    case 'core show channels concise':
      return {
        ok: true,
        lines: [...sim.engine.channels.values()].map((ch) =>
          [
            ch.name,
            ch.context,
            ch.exten,
            ch.priority,
            stateName(ch.state),
            ch.application,
            ch.applicationData,
            ch.callerIdNum,
            '',
            '',
            '3',
            '0',
            '(None)',
            ch.uniqueid,
          ].join('!'),
        ),
      };
    case 'module reload':
    case 'reload':
      return { ok: true, lines: [], reload: true };
    case 'dialplan reload':
      return { ok: true, lines: ['Dialplan reloaded.'] };
    case 'manager reload':
      return { ok: true, lines: [] };
    case 'core restart now':
    case 'core restart gracefully':
      setImmediate(() => void sim.restart());
      return { ok: true, lines: [] };
    default: {
      const words = cmd.split(' ');
      return {
        ok: false,
        lines: [
          `No such command '${cmd}' (type 'core show help ${words.slice(0, 2).join(' ')}' for other possible commands)`,
        ],
      };
    }
  }
}

function stateName(state: number): string {
  return state === 6 ? 'Up' : state === 5 ? 'Ringing' : state === 4 ? 'Ring' : state === 7 ? 'Busy' : 'Down';
}
