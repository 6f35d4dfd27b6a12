import type { CallEngine } from './call-engine.js';
import { STATE_DESC, type SimChannel } from './sim-channel.js';

function hms(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h, m, s].map((n) => String(n).padStart(2, '0')).join(':');
}

function ageSeconds(engine: CallEngine, ch: SimChannel): number {
  return Math.floor((engine.clock.now() - ch.createdAt) / 1000);
}

/** A CoreShowChannel item after its ActionID. */
export function coreShowChannelFields(engine: CallEngine, ch: SimChannel): string[] {
  return [
    ...ch.snapshot(),
    'Application',
    ch.application,
    'ApplicationData',
    ch.applicationData,
    'Duration',
    hms(ageSeconds(engine, ch)),
    'BridgeId',
    ch.bridgeId,
  ];
}

/** A Status item, before its Variable headers and ActionID. */
export function channelStatusFields(engine: CallEngine, ch: SimChannel): string[] {
  return [
    ...ch.snapshot(),
    ...['Type', ch.tech, 'DNID', '', 'EffectiveConnectedLineNum', ch.connectedNum || '<unknown>'],
    ...[
      'EffectiveConnectedLineName',
      ch.connectedName || '<unknown>',
      'TimeToHangup',
      '0',
      'BridgeID',
      ch.bridgeId,
    ],
    ...['Application', ch.application, 'Data', ch.applicationData, 'Nativeformats', '(slin)'],
    ...['Readformat', 'slin', 'Readtrans', '', 'Writeformat', 'slin', 'Writetrans', ''],
    ...['Callgroup', '0', 'Pickupgroup', '0', 'Seconds', String(ageSeconds(engine, ch))],
  ];
}

/** Getvar / Status Variables: channel variables, a few functions, globals. */
export function getVariable(engine: CallEngine, ch: SimChannel | undefined, name: string): string {
  const global = /^GLOBAL\((.*)\)$/.exec(name)?.[1];
  if (global !== undefined) return engine.globals.get(global) ?? '';
  if (!ch) return engine.globals.get(name) ?? '';
  switch (name) {
    case 'CHANNEL(state)':
      return STATE_DESC[ch.state] ?? '';
    case 'CHANNEL(name)':
      return ch.name;
    case 'CHANNEL(language)':
      return ch.language;
    case 'CALLERID(num)':
      return ch.callerIdNum;
    case 'CALLERID(name)':
      return ch.callerIdName;
    case 'UNIQUEID':
      return ch.uniqueid;
    default:
      return ch.vars.get(name) ?? engine.globals.get(name) ?? '';
  }
}
