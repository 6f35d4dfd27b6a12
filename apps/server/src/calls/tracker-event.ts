import type { AmiEventBase } from '@switchboard/ami';
import type { CallTrailEntry } from './call-status.js';

/** An AMI event as the client delivers it: header name -> value (array when repeated). */
export type TrackerEvent = AmiEventBase & { [header: string]: string | string[] | undefined };

/** The events that make a call's trail; the rest (Newexten, VarSet, DeviceStateChange...) are noise here. */
export const TRAIL_EVENTS: ReadonlySet<string> = new Set([
  'Newchannel',
  'Newstate',
  'LocalBridge',
  'DialBegin',
  'DialState',
  'DialEnd',
  'OriginateResponse',
  'BridgeEnter',
  'BridgeLeave',
  'HangupRequest',
  'SoftHangupRequest',
  'Hangup',
  'Cdr',
  'MixMonitorStart',
  'MixMonitorStop',
]);

/** A header's value (the first, when repeated). */
export const text = (event: TrackerEvent, header: string): string | undefined => {
  const value = event[header];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * A trail entry: the event's headers as JSON, without the client's `$server` tag. The client's events are
 * proxies over the message text: `Reflect.ownKeys` plus one read per key costs half of `Object.entries` (which
 * also asks every key's descriptor), and this runs for every event of every call.
 */
export function toTrailEntry(event: TrackerEvent, at: Date): CallTrailEntry {
  const headers: Record<string, string | string[]> = {};
  for (const key of Reflect.ownKeys(event)) {
    if (typeof key !== 'string' || key === '$server') continue;
    const value = event[key];
    if (value !== undefined) headers[key] = value;
  }
  return { name: event.Event, at, headers };
}
