import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AmiParser, buildEvent, type GenericAmiEvent } from '@switchboard/ami';

/** ../shared/ami-captures: real Asterisk 22 AMI transcripts (see its README). */
export const CAPTURES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../../shared/ami-captures',
);

export interface CapturedEvent {
  /** ms since the capture's TCP connect (time of the read that completed the message). */
  t: number;
  event: GenericAmiEvent;
}

export interface CapturedOriginate {
  t: number;
  headers: Record<string, string | string[]>;
  actionId: string;
  /** The dial string as sent (`Local/busy@test`). */
  channel: string;
  /** Uniqueid of the `;1` channel this Originate created (what a pre-set ChannelId would be), if any. */
  channelId: string | undefined;
}

export interface Capture {
  events: CapturedEvent[];
  originates: CapturedOriginate[];
}

interface CaptureRecord {
  t: number;
  dir: 'in' | 'out';
  data: string;
}

function parseAction(data: string): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const line of data.split('\r\n')) {
    const colon = line.indexOf(': ');
    if (colon < 0) continue;
    const key = line.slice(0, colon);
    const value = line.slice(colon + 2);
    const existing = headers[key];
    headers[key] =
      existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return headers;
}

/** A capture's events (parsed with AmiParser and built with buildEvent, as the client does) and Originates. */
export function loadCapture(scenario: string, server = 'capture'): Capture {
  const records = readFileSync(path.join(CAPTURES_DIR, `${scenario}.jsonl`), 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as CaptureRecord);
  const parser = new AmiParser();
  const events: CapturedEvent[] = [];
  const originates: CapturedOriginate[] = [];
  for (const record of records) {
    if (record.dir === 'out') {
      const headers = parseAction(record.data);
      if (headers.Action === 'Originate' && typeof headers.Channel === 'string') {
        originates.push({
          t: record.t,
          headers,
          actionId: String(headers.ActionID),
          channel: headers.Channel,
          channelId: undefined,
        });
      }
      continue;
    }
    for (const message of parser.push(record.data)) {
      if (message.type === 'event') events.push({ t: record.t, event: buildEvent(message, server) });
    }
  }
  for (const originate of originates) {
    const created = events.find(
      ({ t, event }) =>
        t >= originate.t &&
        event.Event === 'Newchannel' &&
        typeof event.Channel === 'string' &&
        event.Channel.startsWith(`${originate.channel}-`) &&
        event.Channel.endsWith(';1'),
    );
    originate.channelId = created?.event.Uniqueid as string | undefined;
  }
  return { events, originates };
}

/** The channel an event belongs to, for per-channel comparisons (what is stable across Asterisk runs). */
export function channelKey(event: GenericAmiEvent): string {
  const pick = (header: string) => (typeof event[header] === 'string' ? event[header] : undefined);
  if (event.Event === 'OriginateResponse') return `action:${pick('ActionID')}`;
  if (event.Event.startsWith('Dial')) return pick('DestUniqueid') ?? 'none';
  if (event.Event === 'LocalBridge') return pick('LocalOneUniqueid') ?? 'none';
  return pick('Uniqueid') ?? pick('UniqueID') ?? 'global';
}
