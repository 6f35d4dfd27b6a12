import { describe, expect, it } from 'vitest';
import { AmiParser, type AmiMessage } from '../src/index.js';
import { chunkBySizes, loadIndex, loadRaw, loadRecords } from './helpers/captures.js';

interface Plain {
  type: string;
  name: string;
  fields: readonly string[];
}

const plain = (m: AmiMessage): Plain => ({ type: m.type, name: m.name, fields: m.fields });

/** An independent, deliberately naive reading of one jsonl `in` record, used as the expected result. */
function referenceParse(data: string, isFirst: boolean): Plain {
  if (isFirst && !data.includes(':')) return { type: 'banner', name: data.replace(/\r?\n$/, ''), fields: [] };
  const fields: string[] = [];
  for (const line of data.replace(/\r\n\r\n$/, '').split(/\r?\n/)) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    let value = line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    fields.push(line.slice(0, colon), value);
  }
  const first = fields[0];
  const type = first === 'Event' ? 'event' : first === 'Response' ? 'response' : 'unknown';
  return { type, name: fields[1] ?? '', fields };
}

function parseChunks(chunks: Iterable<Uint8Array>): Plain[] {
  const parser = new AmiParser();
  const out: Plain[] = [];
  for (const chunk of chunks) for (const m of parser.push(chunk)) out.push(plain(m));
  expect(parser.bufferedBytes).toBe(0);
  return out;
}

function* bytewise(raw: Buffer): Generator<Buffer> {
  for (let i = 0; i < raw.length; i++) yield raw.subarray(i, i + 1);
}

const index = loadIndex();

describe('AmiParser replays every real Asterisk capture', () => {
  it('covers every capture listed in index.json', () => {
    expect(index.length).toBeGreaterThanOrEqual(26);
  });

  for (const entry of index) {
    describe(entry.scenario, () => {
      const raw = loadRaw(entry.scenario);
      const expected = loadRecords(entry.scenario)
        .filter((r) => r.dir === 'in')
        .map((r, i) => referenceParse(r.data, i === 0));

      it('matches the recorded messages when fed whole, and the count matches index.json', () => {
        expect(raw.length).toBe(entry.rawBytes);
        const got = parseChunks([raw]);
        expect(got).toHaveLength(entry.messagesIn);
        expect(got).toEqual(expected);
      });

      it('gives identical messages at the recorded TCP read sizes', () => {
        expect(parseChunks(chunkBySizes(raw, entry.tcpReadSizes))).toEqual(expected);
      });

      it('gives identical messages fed one byte at a time', () => {
        expect(parseChunks(bytewise(raw))).toEqual(expected);
      });

      it('gives identical messages split in two at every byte offset', () => {
        const whole = JSON.stringify(expected);
        for (let at = 1; at < raw.length; at++) {
          const got = JSON.stringify(parseChunks([raw.subarray(0, at), raw.subarray(at)]));
          if (got !== whole) expect.fail(`split at byte ${at} gave different messages`);
        }
        // Tens of thousands of parses for the larger captures: seconds of work, more on a loaded 2-core machine.
      }, 120_000);
    });
  }

  it('keeps every repeated Output header of a Command response, trailing column padding included', () => {
    const messages = new AmiParser().push(loadRaw('command-output'));
    const command = messages.find(
      (m) => m.get('Message') === 'Command output follows' && m.getAll('Output').length > 3,
    );
    expect(command).toBeDefined();
    const outputs = command!.getAll('output');
    expect(outputs.length).toBeGreaterThan(3);
    expect(outputs.some((line) => line.endsWith(' '))).toBe(true);
  });

  it('reads the PJSIP error whose Message ends with a bare LF before the blank line', () => {
    const messages = new AmiParser().push(loadRaw('pjsip-register'));
    const error = messages.find((m) => m.type === 'response' && m.name === 'Error');
    expect(error?.get('Message')).toBe('No Contacts found');
    expect(messages.every((m) => m.type !== 'unknown')).toBe(true);
  });
});
