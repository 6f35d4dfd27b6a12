import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CallEngine } from './call-engine.js';
import { CORE_SOUNDS } from './default-dialplan.js';
import { queueFromChannel } from './queue-app.js';
import { getVariable } from './status-fields.js';
import type { DialplanStep } from './route-table.js';
import { ChannelState, type SimChannel } from './sim-channel.js';
import { wavDurationMs, writeWav } from './wav-writer.js';

/** What a running dialplan tells the call it belongs to. */
export interface DialplanHooks {
  ringing(ch: SimChannel): void;
  answer(ch: SimChannel): void;
  reject(ch: SimChannel, kind: 'busy' | 'congestion'): void;
  /** The Hangup app, or the dialplan ran out of steps. */
  hangup(ch: SimChannel, cause: number): void;
  /** The Dial app; resolves when the dialplan may go on. */
  dial(ch: SimChannel, data: string): Promise<unknown>;
}

const ANSWER_SETTLE_MS = 500;
const DEFAULT_SOUND_MS = 1000;
const SOUND_EXTENSIONS = ['.wav', '.gsm', '.ulaw', '.alaw', '.sln', '.g722'];

/**
 * Runs dialplan steps on a channel, raising Newexten (unless `announce` is false, as for an originated
 * Application) and the events of each application, until the steps end, the channel hangs up or is redirected.
 */
export async function runDialplan(
  engine: CallEngine,
  ch: SimChannel,
  steps: readonly DialplanStep[],
  hooks: DialplanHooks,
  announce = true,
): Promise<void> {
  let current = steps;
  for (let i = 0; i < current.length && !ch.hungUp; i++) {
    const [app, rawData = ''] = current[i]!;
    const data = rawData.includes('${') ? expandVariables(engine, ch, rawData) : rawData;
    if (announce) ch.priority = i + 1;
    ch.application = app;
    ch.applicationData = data;
    ch.lastApp = app;
    ch.lastData = data;
    if (announce) emitNewexten(engine, ch, app, data);
    await runApp(engine, ch, app, data, hooks);
    if (ch.redirectTo && !ch.hungUp) {
      const target = ch.redirectTo;
      ch.redirectTo = undefined;
      ch.context = target.context;
      ch.exten = target.exten;
      current = engine.lookup(target.context, target.exten) ?? [];
      i = target.priority - 2;
      announce = true;
    }
  }
  if (!ch.hungUp) hooks.hangup(ch, 16);
}

async function runApp(
  engine: CallEngine,
  ch: SimChannel,
  app: string,
  data: string,
  hooks: DialplanHooks,
): Promise<void> {
  switch (app.toLowerCase()) {
    case 'answer':
      if (ch.state !== ChannelState.Up) {
        hooks.answer(ch);
        await engine.sleep(ch, ANSWER_SETTLE_MS);
      }
      return;
    case 'ringing':
      hooks.ringing(ch);
      return;
    case 'wait':
      await engine.sleep(ch, Number(data) * 1000 || 0);
      return;
    case 'musiconhold': {
      const seconds = Number(data.split(',')[1]);
      await engine.sleep(ch, seconds > 0 ? seconds * 1000 : 86_400_000);
      return;
    }
    case 'echo':
      await engine.sleep(ch, 86_400_000);
      return;
    case 'playback':
      await playback(engine, ch, data);
      return;
    case 'hangup':
      hooks.hangup(ch, Number(data) || 16);
      return;
    case 'busy':
    case 'congestion':
      ch.state = ChannelState.Busy;
      engine.emitChannel('Newstate', ch);
      hooks.reject(ch, app.toLowerCase() === 'busy' ? 'busy' : 'congestion');
      await engine.sleep(ch, (Number(data) || 10) * 1000);
      return;
    case 'set': {
      const eq = data.indexOf('=');
      if (eq > 0) setVariable(engine, ch, data.slice(0, eq), data.slice(eq + 1));
      return;
    }
    case 'mixmonitor':
      startMixMonitor(engine, ch, data.split(',')[0] || `${ch.uniqueid}.wav`);
      return;
    case 'stopmixmonitor':
      stopMixMonitor(engine, ch);
      return;
    case 'userevent': {
      const [name = '', ...pairs] = data.split(',');
      const body = ch.snapshot();
      body.push('UserEvent', name);
      for (const pair of pairs) {
        const colon = pair.indexOf(':');
        if (colon > 0) body.push(pair.slice(0, colon).trim(), pair.slice(colon + 1).trim());
      }
      engine.emit('UserEvent', 'user', body);
      return;
    }
    case 'senddtmf': {
      const [digits = '', ms = '100'] = data.split(',');
      for (const digit of digits) {
        await engine.sleep(ch, Number(ms) || 100);
        if (ch.hungUp) return;
        engine.emitChannel('DTMFEnd', ch, ['Digit', digit, 'DurationMs', ms, 'Direction', 'Sent'], 'dtmf');
      }
      return;
    }
    case 'dial':
      // A bridged call that ended returns -1 from Dial(): the caller hangs up, the next priority never runs
      // (dial-answer has no Newexten for its Hangup(); dial-busy has).
      if ((await hooks.dial(ch, data)) === 'answered' && !ch.hungUp) hooks.hangup(ch, 16);
      return;
    case 'queue':
      await queueFromChannel(
        engine,
        ch,
        data,
        () => hooks.answer(ch),
        () => hooks.ringing(ch),
      );
      return;
    default:
      return;
  }
}

/**
 * `Event: Newexten` for the application a channel runs now. Asterisk raises it only when the channel's context,
 * extension or priority changed since the last one (hangup-action: `Local/long@test;1` sent to `long@test`
 * priority 1 shows no Newexten for that first NoOp, its AppDial2 was already at test,long,1).
 */
export function emitNewexten(engine: CallEngine, ch: SimChannel, app: string, data: string): void {
  const location = `${ch.context}\u0000${ch.exten}\u0000${ch.priority}`;
  if (location === ch.announcedLocation) return;
  ch.announcedLocation = location;
  engine.emitChannel(
    'Newexten',
    ch,
    ['Extension', ch.exten, 'Application', app, 'AppData', data],
    'dialplan',
  );
}

/** `${NAME}` in application data: channel variables, UNIQUEID, EXTEN, CALLERID(all|num|name), globals. */
export function expandVariables(engine: CallEngine, ch: SimChannel, data: string): string {
  return data.replace(/\$\{([^}]+)\}/g, (_m, name: string) => {
    if (name === 'EXTEN') return ch.exten;
    if (name === 'CALLERID(all)') return `"${ch.callerIdName}" <${ch.callerIdNum}>`;
    return getVariable(engine, ch, name);
  });
}

export function setVariable(engine: CallEngine, ch: SimChannel, name: string, value: string): void {
  ch.vars.set(name, value);
  engine.emitChannel('VarSet', ch, ['Variable', name, 'Value', value], 'dialplan');
}

async function playback(engine: CallEngine, ch: SimChannel, data: string): Promise<void> {
  const files = data.split(',')[0]!.split('&');
  let ok = true;
  for (const file of files) {
    const ms = soundDuration(engine, file);
    if (ms === undefined) {
      ok = false;
      break;
    }
    ch.playing = true;
    const played = await engine.sleep(ch, ms);
    ch.playing = false;
    if (!played) break;
    ch.mediaMs += ms;
  }
  if (ch.hungUp) return;
  setVariable(engine, ch, 'PLAYBACKSTATUS', ok ? 'SUCCESS' : 'FAILED');
}

/**
 * How long a sound plays, or undefined if the PBX has no such file. `custom/<name>` is looked up in the
 * sounds folder (with or without a language directory, any usual format), as Asterisk would; core sounds come
 * from a built-in list.
 */
export function soundDuration(engine: CallEngine, name: string): number | undefined {
  if (!name.startsWith('custom/')) return CORE_SOUNDS[name] ?? DEFAULT_SOUND_MS;
  for (const dir of [engine.config.soundsDir, path.join(engine.config.soundsDir, 'en')]) {
    for (const ext of SOUND_EXTENSIONS) {
      const file = path.join(dir, name + ext);
      if (!existsSync(file)) continue;
      if (ext !== '.wav') return DEFAULT_SOUND_MS;
      return wavDurationMs(readFileSync(file)) ?? DEFAULT_SOUND_MS;
    }
  }
  return undefined;
}

interface Recording {
  file: string;
  startedAt: number;
}
const recordings = new WeakMap<SimChannel, Recording>();

export function startMixMonitor(engine: CallEngine, ch: SimChannel, file: string): string {
  const full = path.isAbsolute(file) ? file : path.join(engine.config.monitorDir, file);
  recordings.set(ch, { file: full, startedAt: engine.clock.now() });
  setVariable(engine, ch, 'MIXMONITOR_FILENAME', full);
  engine.emitChannel('MixMonitorStart', ch);
  return full;
}

/** Ends a recording (StopMixMonitor or hangup) and writes the WAV; false when none was running. */
export function stopMixMonitor(engine: CallEngine, ch: SimChannel): boolean {
  const rec = recordings.get(ch);
  if (!rec) return false;
  recordings.delete(ch);
  writeWav(rec.file, engine.clock.now() - rec.startedAt);
  engine.emitChannel('MixMonitorStop', ch);
  return true;
}
