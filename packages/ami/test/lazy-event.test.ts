import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { AmiParser, buildEvent, fieldsToObject, type AmiMessage } from '../src/index.js';
import * as headerText from '../src/protocol/header-text.js';
import { loadIndex, loadRaw } from './helpers/captures.js';

vi.mock('../src/protocol/header-text.js', { spy: true });

const parse = (text: string): AmiMessage => new AmiParser({ expectBanner: false }).push(text)[0]!;
const event = (text: string): Record<string, unknown> => buildEvent(parse(text), 'pbx');
/** A property read that lint does not take for a method reference. */
const read = (e: object, key: string): unknown => Reflect.get(e, key);
/** What the event must equal in every respect: the plain object of its headers, plus $server. */
const plainOf = (m: AmiMessage): Record<string, unknown> => ({ ...fieldsToObject(m.fields), $server: 'pbx' });

const captureEvents: AmiMessage[] = [];
for (const entry of loadIndex()) {
  for (const m of new AmiParser().push(loadRaw(entry.scenario)))
    if (m.type === 'event') captureEvents.push(m);
}

describe('events over the message text', () => {
  it('answers the right header while a thousand distinct names churn the lookup cache', () => {
    const names = Array.from({ length: 1000 }, (_, i) => `H${i.toString(36)}`);
    const m = parse(`Event: UserEvent\r\n${names.map((n) => `${n}: v-${n}`).join('\r\n')}\r\n\r\n`);
    const e = (): Record<string, unknown> => buildEvent(m, 'pbx');
    const wrong: string[] = [];
    for (let i = 0; i < names.length; i++) {
      // Fresh events, so every read is answered from the text; names that share a cache slot alternate.
      const a = names[i]!;
      const b = names[(i * 7919) % names.length]!;
      for (const name of [a, b, a, 'Missing' + a]) {
        const got = read(e(), name);
        if (got !== (name.startsWith('Missing') ? undefined : `v-${name}`)) wrong.push(name);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('equal the plain object of their headers for every event of the captures', () => {
    expect(captureEvents.length).toBeGreaterThan(600);
    for (const m of captureEvents) {
      const expected = plainOf(m);
      // Each header read first, on an event not parsed in full yet.
      for (const key of Object.keys(expected)) expect(buildEvent(m, 'pbx')[key]).toEqual(expected[key]);
      const e = buildEvent(m, 'pbx');
      expect(Object.keys(e)).toEqual(Object.keys(expected));
      expect(JSON.stringify(e)).toBe(JSON.stringify(expected));
      expect({ ...e }).toEqual(expected);
      expect(Object.entries(e)).toEqual(Object.entries(expected));
    }
  });

  it('slice only the headers read; keys, spread or JSON parse the message once', () => {
    const parseAll = vi.mocked(headerText.parseHeaderText);
    const e = event('Event: Hangup\r\nChannel: PJSIP/a-1\r\nUniqueid: 1.5\r\nCause: 16\r\n\r\n');
    parseAll.mockClear();
    expect(e['Event']).toBe('Hangup');
    expect(e['Channel']).toBe('PJSIP/a-1');
    expect(e['Missing']).toBeUndefined();
    expect(parseAll).not.toHaveBeenCalled();
    expect(Object.keys(e)).toEqual(['Event', 'Channel', 'Uniqueid', 'Cause', '$server']);
    expect(JSON.stringify(e)).toContain('"Cause":"16"');
    expect(parseAll).toHaveBeenCalledTimes(1);
  });

  it('read values verbatim, repeated headers as arrays, exact-case names, first colon only', () => {
    const e = event(
      'Event: VarSet\r\nA:  two\r\nB: trailing  \r\nC:\r\nD: a: b\r\nVariable: X=1\nvariable: lower\r\n' +
        'Variable: Y=2\r\nKey:Value\r\n\r\n',
    );
    expect(e['A']).toBe(' two');
    expect(e['B']).toBe('trailing  ');
    expect(e['C']).toBe('');
    expect(e['D']).toBe('a: b');
    expect(e['Variable']).toEqual(['X=1', 'Y=2']);
    expect(e['Variable']).toBe(e['Variable']);
    expect(e['variable']).toBe('lower');
    expect(e['Key']).toBe('Value');
    expect(e['D: a']).toBeUndefined();
    expect(e['a']).toBeUndefined();
  });

  it('never take a name that only appears inside a value or across lines for a header', () => {
    const e = event('Event: UserEvent\r\nData: Uniqueid: 9\r\nX\r\nY: 1\r\n\r\n');
    expect(e['Uniqueid']).toBeUndefined();
    expect(e['X\r\nY']).toBeUndefined();
    expect(e['']).toBe('X');
    expect(e['Y']).toBe('1');
  });

  it('answer non-header keys from Object.prototype, and header names that shadow it with the header', () => {
    const plain = event('Event: X\r\nA: 1\r\n\r\n');
    expect(read(plain, 'toString')).toBe(
      Object.getOwnPropertyDescriptor(Object.prototype, 'toString')?.value,
    );
    expect(Object.prototype.toString.call(plain)).toBe('[object Object]');
    expect(plain['then']).toBeUndefined();
    expect(plain['$server']).toBe('pbx');
    const shadowing = event('Event: X\r\ntoString: mine\r\nhasOwnProperty: 1\r\n\r\n');
    expect(read(shadowing, 'toString')).toBe('mine');
    expect(read(shadowing, 'hasOwnProperty')).toBe('1');
    expect(Object.hasOwn(shadowing, 'hasOwnProperty')).toBe(true);
  });

  it('keep a peer-sent __proto__ header as data and $server as the PBX name', () => {
    const e = event('Event: X\r\n__proto__: polluted\r\n$server: forged\r\n\r\n');
    expect(Object.getPrototypeOf(e)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(e, '__proto__')?.value).toBe('polluted');
    expect(e['$server']).toBe('pbx');
  });

  it('behave as ordinary objects for in, assignment, delete, freeze and inspect', () => {
    const e = event('Event: Newstate\r\nChannel: PJSIP/a\r\nChannelState: 6\r\n\r\n');
    expect('Channel' in e).toBe(true);
    expect('Nope' in e).toBe(false);
    e['Extra'] = 'x';
    delete e['ChannelState'];
    expect(Object.keys(e)).toEqual(['Event', 'Channel', '$server', 'Extra']);
    expect(Object.isFrozen(Object.freeze(e))).toBe(true);
    expect(() => {
      'use strict';
      e['Channel'] = 'y';
    }).toThrow(TypeError);
    const unread = event('Event: Newstate\r\nChannel: PJSIP/a\r\n\r\n');
    expect(inspect(unread)).toBe(inspect({ Event: 'Newstate', Channel: 'PJSIP/a', $server: 'pbx' }));
    expect(e instanceof Object).toBe(true);
  });

  it('read the same values after many reads as before (then the event is parsed in full)', () => {
    const e = event('Event: X\r\nA: 1\r\nB: 2\r\n\r\n');
    for (let i = 0; i < 20; i++) {
      expect(e['A']).toBe('1');
      expect(e['B']).toBe('2');
      expect(e['C']).toBeUndefined();
    }
  });
});
