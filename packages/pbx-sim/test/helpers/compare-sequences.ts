import type { AmiMessage } from '@switchboard/ami';

const KEY_HEADERS = [
  'Response',
  'Message',
  'Reason',
  'Cause',
  'ChannelState',
  'DialStatus',
  'Disposition',
  'EventList',
];
const UNORDERED = new Set(['Newexten', 'VarSet', 'DeviceStateChange', 'Cdr']);

/**
 * Normalised view of a session's incoming stream, comparable between a capture and the simulator:
 * responses in order; per channel, the ordered non-dialplan events with their key headers; Cdr per channel as a
 * sorted list; each device's last DeviceStateChange. Channel suffixes and ids become stable names.
 */
export function normalise(messages: AmiMessage[]): Record<string, string[]> {
  const names = new Map<string, string>();
  const ids = new Map<string, string>();
  const chan = (raw: string | undefined): string => {
    if (!raw) return '-';
    const m = /^(.*)-([0-9a-f]{8})(;[12])?$/.exec(raw);
    if (!m) return raw;
    const base = `${m[1]}-${m[2]}`;
    if (!names.has(base))
      names.set(base, `${m[1]}#${[...names.keys()].filter((k) => k.startsWith(m[1]!)).length}`);
    return names.get(base)! + (m[3] ?? '');
  };
  for (const m of messages) {
    if (m.name === 'Newchannel') ids.set(m.get('Uniqueid')!, chan(m.get('Channel')));
  }
  // Ids of channels whose Newchannel the session did not see (filtered) are named by first appearance.
  const idName = (raw: string | undefined): string => {
    if (raw === undefined) return '';
    if (!ids.has(raw)) ids.set(raw, `id#${ids.size}`);
    return ids.get(raw)!;
  };
  const out: Record<string, string[]> = { responses: [] };
  const push = (key: string, line: string): void => {
    (out[key] ??= []).push(line);
  };
  const lastDevice = new Map<string, string>();
  for (const m of messages) {
    const keys = KEY_HEADERS.filter((h) => m.has(h)).map((h) => `${h}=${m.get(h)}`);
    if (m.type === 'response') {
      push('responses', keys.join(' '));
      continue;
    }
    if (m.name === 'DeviceStateChange') {
      lastDevice.set(m.get('Device')!, m.get('State')!);
      continue;
    }
    if (UNORDERED.has(m.name) && m.name !== 'Cdr') continue;
    const owner = chan(m.get('Channel') ?? m.get('DestChannel') ?? m.get('LocalOneChannel'));
    const rel = [
      m.has('Uniqueid') && m.get('Uniqueid') !== '<unknown>' ? `U=${idName(m.get('Uniqueid'))}` : '',
      m.has('Linkedid') ? `L=${idName(m.get('Linkedid'))}` : '',
      m.has('DestChannel') && m.has('Channel') ? `Dest=${chan(m.get('DestChannel'))}` : '',
      m.has('DestLinkedid') ? `DL=${idName(m.get('DestLinkedid'))}` : '',
    ].filter((x) => x !== '');
    const line = [m.name, ...keys, ...rel].join(' ');
    // OriginateResponse comes from the originate thread, not the channel: its place among the channel's
    // events differs from run to run in the captures (before Newstate, between Newstate and DialEnd, after).
    if (m.name === 'OriginateResponse') push('originate', line);
    else if (m.name === 'Cdr') push(`cdr ${owner}`, `${line} Dest=${chan(m.get('DestinationChannel'))}`);
    else if (m.name.startsWith('Bridge') && !m.has('Channel')) push('bridges', m.name);
    else push(owner === '-' ? 'global' : owner, line);
  }
  for (const [k, v] of Object.entries(out)) if (k.startsWith('cdr ')) v.sort();
  for (const [device, state] of [...lastDevice].sort()) push('devices', `${device}=${state}`);
  return out;
}
