import { coreShowChannels, coreShowChannelsConcise, CORE_SHOW_VERSION } from './cli-core-show.js';
import { dialplanShow } from './cli-dialplan-show.js';
import { managerShowConnected } from './cli-manager-show.js';
import type { PbxSimulator } from './pbx-simulator.js';

export interface CommandResult {
  ok: boolean;
  lines: string[];
  /** The command reloads modules: a `Reload` event follows the response. */
  reload?: boolean;
}

/** The CLI commands a manager `Command` action can run here, with Asterisk 22's output, from live state. */
export function runCommand(sim: PbxSimulator, command: string): CommandResult {
  const cmd = command.trim().replace(/\s+/g, ' ');
  const words = cmd.split(' ');
  if (words[0] === 'dialplan' && words[1] === 'show' && words.length <= 3) {
    return dialplanShow(sim.engine, words[2]);
  }
  switch (cmd) {
    case 'core show version':
      return { ok: true, lines: [CORE_SHOW_VERSION] };
    case 'core show channels':
      return coreShowChannels(sim.engine);
    case 'core show channels concise':
      return coreShowChannelsConcise(sim.engine);
    case 'manager show connected':
      return managerShowConnected(sim);
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
    default:
      return {
        ok: false,
        lines: [
          `No such command '${cmd}' (type 'core show help ${words.slice(0, 2).join(' ')}' for other possible commands)`,
        ],
      };
  }
}
