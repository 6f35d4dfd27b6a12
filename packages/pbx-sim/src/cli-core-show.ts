import type { CallEngine } from './call-engine.js';
import type { CliOutput } from './cli-dialplan-show.js';

const pad = (text: string, width: number): string => text.padEnd(width).slice(0, width);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export const CORE_SHOW_VERSION =
  'Asterisk 22.10.1 built by root @ vm on a x86_64 running Linux on 2026-11-25 01:54:25 UTC';

function stateName(state: number): string {
  return state === 6 ? 'Up' : state === 5 ? 'Ringing' : state === 4 ? 'Ring' : state === 7 ? 'Busy' : 'Down';
}

/** `core show channels`: `%-64.64s %-32.32s %-7.7s %-30.30s` per channel, then the three totals. */
export function coreShowChannels(engine: CallEngine): CliOutput {
  const row = (a: string, b: string, c: string, d: string): string =>
    `${pad(a, 64)} ${pad(b, 32)} ${pad(c, 7)} ${pad(d, 30)}`;
  const lines = [row('Channel', 'Location', 'State', 'Application(Data)')];
  const channels = [...engine.channels.values()];
  for (const ch of channels) {
    const app = ch.application ? `${ch.application}(${ch.applicationData})` : '(None)';
    lines.push(row(ch.name, `${ch.exten}@${ch.context}:${ch.priority}`, stateName(ch.state), app));
  }
  lines.push(plural(channels.length, 'active channel'));
  lines.push(plural(engine.activeCalls(), 'active call'));
  lines.push(`${plural(engine.processedCalls, 'call')} processed`);
  return { ok: true, lines };
}

/** `core show channels concise`: one `!`-separated line per channel, nothing at all without channels. */
export function coreShowChannelsConcise(engine: CallEngine): CliOutput {
  return {
    ok: true,
    lines: [...engine.channels.values()].map((ch) =>
      [
        ...[ch.name, ch.context, ch.exten, ch.priority, stateName(ch.state), ch.application],
        ...[ch.applicationData, ch.callerIdNum, '', '', '3', '0', '(None)', ch.uniqueid],
      ].join('!'),
    ),
  };
}
