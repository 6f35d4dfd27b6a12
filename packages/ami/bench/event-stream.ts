import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CAPTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/ami-captures',
);

/** The digest every consumer computes over the events it saw, so a wrong parse shows up as a mismatch. */
export interface Digest {
  events: number;
  checksum: number;
  /** Events whose checked headers were not plain strings (e.g. a Variable turned into an object). */
  bad: number;
}

/**
 * A value's contribution to the checksum: its length and three of its characters (first, middle, last), so a
 * value cut short, shifted by a character or taken from the wrong header changes the sum, at a cost of a few
 * operations per value for every consumer alike.
 */
function hashValue(value: string, weight: number): number {
  const n = value.length;
  if (n === 0) return weight;
  const sample = value.charCodeAt(0) * 131 + value.charCodeAt(n >> 1) * 31 + value.charCodeAt(n - 1);
  return weight * (n * 1_000_003 + sample);
}

/** Folds one event's checked headers into a digest (the same work for every consumer). */
export function fold(
  digest: Digest,
  name: unknown,
  uniqueid: unknown,
  channel: unknown,
  variable: unknown,
): void {
  digest.events++;
  if (typeof name !== 'string') digest.bad++;
  else digest.checksum += hashValue(name, 1);
  for (const value of [uniqueid, channel, variable]) {
    if (value === undefined) continue;
    if (typeof value === 'string') digest.checksum += hashValue(value, 1);
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      // A repeated header (Status items with several Variable headers): every value counts, in order.
      for (let i = 0; i < value.length; i++) digest.checksum += hashValue(value[i] as string, i + 2);
    } else digest.bad++;
  }
}

/**
 * A realistic event stream: every event of the real Asterisk 22 captures (Newexten, VarSet, Newchannel, Dial*,
 * Hangup, Cdr, ...), repeated in order to `count` events. Returns the bytes and the digest a correct parser gets.
 */
export function buildEventStream(count: number): { bytes: Buffer; expected: Digest; templates: number } {
  const templates: string[] = [];
  for (const file of readdirSync(CAPTURES).sort()) {
    if (!file.endsWith('.raw')) continue;
    for (const message of readFileSync(path.join(CAPTURES, file), 'latin1').split('\r\n\r\n')) {
      if (message.startsWith('Event: ')) templates.push(message + '\r\n\r\n');
    }
  }
  const expected: Digest = { events: 0, checksum: 0, bad: 0 };
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = templates[i % templates.length]!;
    parts.push(text);
    const header = (name: string): string | string[] | undefined => {
      const values = [...('\r\n' + text).matchAll(new RegExp(`\\r\\n${name}: ([^\\r\\n]*)`, 'g'))].map(
        (m) => m[1]!,
      );
      return values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
    };
    fold(expected, header('Event'), header('Uniqueid'), header('Channel'), header('Variable'));
  }
  return { bytes: Buffer.from(parts.join(''), 'latin1'), expected, templates: templates.length };
}
