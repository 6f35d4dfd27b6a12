import type { AmiMessage } from '@switchboard/ami';

/** Per event name (and per response), every distinct header-name sequence: header order, nothing else. */
export function headerShapes(messages: AmiMessage[]): Record<string, string[]> {
  const out: Record<string, Set<string>> = {};
  for (const m of messages) {
    if (m.type === 'banner') continue;
    const key = m.type === 'response' ? 'Response' : m.name;
    (out[key] ??= new Set()).add(m.fields.filter((_v, i) => i % 2 === 0).join(','));
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort()]));
}

/**
 * The dialplan-class story of each channel (random suffix dropped): its Newexten applications and the
 * variables its VarSets name, in order. The replay comparison leaves these out; this one keeps them.
 */
export function dialplanStories(messages: AmiMessage[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of messages) {
    if (m.name !== 'Newexten' && m.name !== 'VarSet') continue;
    const channel = (m.get('Channel') ?? '').replace(/-[0-9a-f]{8}(;[12])?$/, '$1');
    (out[channel] ??= []).push(m.name === 'Newexten' ? `${m.get('Application')}` : `${m.get('Variable')}=`);
  }
  return out;
}
