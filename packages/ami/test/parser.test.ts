import { describe, expect, it } from 'vitest';
import { AmiErrorCode, AmiParser, isAmiError, type AmiMessage } from '../src/index.js';

const BANNER = 'Asterisk Call Manager/11.0.0\r\n';

describe('AmiParser', () => {
  it('emits the banner as its own message, then whole messages', () => {
    const parser = new AmiParser();
    const out = parser.push(BANNER + 'Response: Success\r\nActionID: 1\r\nPing: Pong\r\n\r\n');
    expect(out.map((m) => [m.type, m.name])).toEqual([
      ['banner', 'Asterisk Call Manager/11.0.0'],
      ['response', 'Success'],
    ]);
    expect(out[1]!.get('Ping')).toBe('Pong');
  });

  it('reads a stream without banner when told not to expect one (server side)', () => {
    const parser = new AmiParser({ expectBanner: false });
    const [action] = parser.push('Action: Ping\r\nActionID: 7\r\n\r\n');
    expect(action!.type).toBe('action');
    expect(action!.name).toBe('Ping');
  });

  it('does not mistake a first header line for a banner', () => {
    const [first] = new AmiParser().push('Event: FullyBooted\r\nStatus: Fully Booted\r\n\r\n');
    expect(first!.type).toBe('event');
    expect(first!.get('Status')).toBe('Fully Booted');
  });

  it('keeps values verbatim: split on the first colon, leading/trailing spaces, empty values, colons', () => {
    const [, m] = new AmiParser().push(
      BANNER +
        'Event: X\r\nA:  two leading\r\nB: trailing   \r\nC: \r\nD:\r\nE: a: b: c\r\nF:no-space\r\n\r\n',
    );
    expect(m!.get('A')).toBe(' two leading');
    expect(m!.get('B')).toBe('trailing   ');
    expect(m!.get('C')).toBe('');
    expect(m!.get('D')).toBe('');
    expect(m!.get('E')).toBe('a: b: c');
    expect(m!.get('F')).toBe('no-space');
  });

  it('looks headers up case-insensitively and keeps their original case', () => {
    const [, m] = new AmiParser().push(BANNER + 'Event: Cdr\r\nUniqueID: 1.2\r\n\r\n');
    expect(m!.get('uniqueid')).toBe('1.2');
    expect(m!.get('UNIQUEID')).toBe('1.2');
    expect(m!.fields[2]).toBe('UniqueID');
    expect(m!.get('Missing')).toBeUndefined();
  });

  it('keeps every repeated header in order', () => {
    const [, m] = new AmiParser().push(
      BANNER +
        'Event: Newchannel\r\nChanVariable: A=1\r\nDestChanVariable: Z=9\r\nChanVariable: B=2\r\nchanvariable: C=3\r\n\r\n',
    );
    expect(m!.getAll('ChanVariable')).toEqual(['A=1', 'B=2', 'C=3']);
    expect(m!.toObject()).toEqual({
      Event: 'Newchannel',
      ChanVariable: ['A=1', 'B=2'],
      DestChanVariable: 'Z=9',
      chanvariable: 'C=3',
    });
  });

  it('tolerates bare LF line ends and blank lines between messages', () => {
    const out = new AmiParser().push(
      'Asterisk Call Manager/1.3\n\nEvent: A\nX: 1\n\n\r\nEvent: B\r\nY: 2\n\r\n',
    );
    expect(out.map((m) => m.name)).toEqual(['Asterisk Call Manager/1.3', 'A', 'B']);
    expect(out[1]!.get('X')).toBe('1');
    expect(out[2]!.get('Y')).toBe('2');
  });

  it('frames messages that use bare LF only, with no CR anywhere', () => {
    const parser = new AmiParser();
    const out = [
      ...parser.push('Asterisk Call Manager/1.1\nEvent: A\nX: 1\n\nEvent: B\nY:'),
      ...parser.push(' 2\n\n'),
    ];
    expect(out.map((m) => [m.name, m.fields])).toEqual([
      ['Asterisk Call Manager/1.1', []],
      ['A', ['Event', 'A', 'X', '1']],
      ['B', ['Event', 'B', 'Y', '2']],
    ]);
  });

  it('reads the `value\\n\\r\\n\\r\\n` that real Asterisk sends after PJSIP errors as one message', () => {
    const out = new AmiParser().push(
      BANNER +
        'Response: Error\r\nActionID: 3\r\nMessage: No Contacts found\n\r\n\r\nResponse: Success\r\nActionID: 4\r\n\r\n',
    );
    expect(out.map((m) => m.get('ActionID'))).toEqual([undefined, '3', '4']);
    expect(out[1]!.get('Message')).toBe('No Contacts found');
  });

  it('decodes UTF-8 characters split across chunks at every byte', () => {
    const text = BANNER + 'Event: UserEvent\r\nCallerIDName: Zoë Ångström 日本 🎉\r\n\r\n';
    const bytes = Buffer.from(text, 'utf8');
    for (let at = 1; at < bytes.length; at++) {
      const parser = new AmiParser();
      const out = [...parser.push(bytes.subarray(0, at)), ...parser.push(bytes.subarray(at))];
      expect(out[1]!.get('CallerIDName')).toBe('Zoë Ångström 日本 🎉');
    }
  });

  it('decodes UTF-8 after ASCII chunks, and an unfinished character before an ASCII chunk as U+FFFD', () => {
    const parser = new AmiParser({ expectBanner: false });
    const name = Buffer.from('Zoë', 'utf8');
    const out = [
      ...parser.push('Event: A\r\nX: plain\r\n\r\n'),
      ...parser.push(Buffer.concat([Buffer.from('Event: B\r\nX: '), name, Buffer.from('\r\n\r\n')])),
      ...parser.push(Buffer.concat([Buffer.from('Event: C\r\nX: '), name.subarray(0, 3)])),
      ...parser.push(Buffer.from('!\r\n\r\n')),
    ];
    expect(out.map((m) => m.get('X'))).toEqual(['plain', 'Zoë', 'Zo\uFFFD!']);
  });

  it('gives the same messages however a stream is cut, with reads both shorter and longer than 4 KB', () => {
    const output = Array.from({ length: 300 }, (_, i) => `line ${i} ${'-'.repeat(20)}`).join('\n');
    const stream =
      BANNER +
      'Event: Newchannel\r\nChannel: PJSIP/1001-00000001\r\nUniqueid: 1700000000.1\r\n\r\n' +
      `Event: UserEvent\r\nPayload: ${'p'.repeat(6000)}\r\n\r\n` +
      `Response: Follows\r\nPrivilege: Command\r\nActionID: 7\r\n${output}\n--END COMMAND--\r\n\r\n` +
      'Event: Bare\nX: lf only\n\n' +
      'Response: Error\r\nMessage: Unable to create channel\n\r\n\r\n' +
      `Event: Hangup\r\nChannel: PJSIP/1001-00000001\r\nCause: 16\r\n\r\n`.repeat(150);
    const signature = (messages: AmiMessage[]): string =>
      JSON.stringify(messages.map((m) => [m.name, m.fields]));
    const whole = new AmiParser().push(stream);
    expect(whole).toHaveLength(156);
    const expected = signature(whole);
    // First reads ending near every message end of the first 13 KB (and every 11th character between), then
    // a read of 5 or 9 KB, then the rest.
    const ends = [...stream.slice(0, 13_000).matchAll(/\n\r?\n/g)].map((m) => m.index);
    const firsts = new Set<number>();
    for (let at = 1; at < 13_000; at += 11) firsts.add(at);
    for (const end of ends) for (let d = -8; d <= 8; d++) if (end + d > 0) firsts.add(end + d);
    const wrong: string[] = [];
    for (const first of firsts) {
      for (const second of [5000, 9000]) {
        const parser = new AmiParser();
        const parts = [
          stream.slice(0, first),
          stream.slice(first, first + second),
          stream.slice(first + second),
        ];
        const got = parts.flatMap((part) => parser.push(Buffer.from(part, 'latin1')));
        if (signature(got) !== expected) wrong.push(`${first}+${second}`);
      }
    }
    expect(firsts.size).toBeGreaterThan(1000);
    expect(wrong).toEqual([]);
  });

  it('normalises legacy `Response: Follows ... --END COMMAND--` output to Output headers', () => {
    const legacy =
      'Response: Follows\r\nPrivilege: Command\r\nActionID: 9\r\n' +
      'Channel              Location\nSIP/100-0001  s@default:1   \n\nA: line with colon\n--END COMMAND--\r\n\r\n';
    const parser = new AmiParser();
    const out = [
      ...parser.push(BANNER + legacy.slice(0, 40)),
      ...parser.push(legacy.slice(40) + 'Event: Next\r\n\r\n'),
    ];
    const command = out[1]!;
    expect(command.type).toBe('response');
    expect(command.name).toBe('Follows');
    expect(command.get('ActionID')).toBe('9');
    expect(command.get('Privilege')).toBe('Command');
    expect(command.getAll('Output')).toEqual([
      'Channel              Location',
      'SIP/100-0001  s@default:1   ',
      '',
      'A: line with colon',
    ]);
    expect(out[2]!.name).toBe('Next');
  });

  it('keeps output that does not end with a newline before --END COMMAND--', () => {
    const [, m] = new AmiParser().push(
      BANNER + 'Response: Follows\r\nPrivilege: Command\r\nlast line--END COMMAND--\r\n\r\n',
    );
    expect(m!.getAll('Output')).toEqual(['last line']);
  });

  it('refuses a message that outgrows maxMessageSize, with a typed error, and stays failed', () => {
    const parser = new AmiParser({ maxMessageSize: 1024 });
    parser.push(BANNER + 'Event: Flood\r\n');
    let error: unknown;
    try {
      for (let i = 0; i < 100; i++) parser.push(`X${i}: ${'a'.repeat(50)}\r\n`);
    } catch (caught) {
      error = caught;
    }
    expect(isAmiError(error, AmiErrorCode.MessageTooLarge)).toBe(true);
    expect(() => parser.push('Event: Next\r\n\r\n')).toThrow(/exceeds 1024 bytes/);
  });

  it('accepts a big message under the bound even when it arrives in many chunks', () => {
    const parser = new AmiParser({ maxMessageSize: 1 << 20 });
    parser.push(BANNER + 'Response: Success\r\nMessage: Command output follows\r\n');
    const out = [];
    for (let i = 0; i < 2000; i++) out.push(...parser.push(`Output: line ${i}\r\n`));
    out.push(...parser.push('\r\n'));
    expect(out).toHaveLength(1);
    expect(out[0]!.getAll('Output')).toHaveLength(2000);
  });

  it('turns a "__proto__" header into data, not a prototype', () => {
    const [, m] = new AmiParser().push(
      BANNER + 'Event: X\r\n__proto__: polluted\r\n__proto__: again\r\n\r\n',
    );
    const obj = m!.toObject();
    expect(Object.getPrototypeOf(obj)).toBe(Object.prototype);
    expect(obj['__proto__']).toEqual(['polluted', 'again']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('keeps a line without a colon under the empty header name', () => {
    const [, m] = new AmiParser().push(BANNER + 'Event: X\r\njust text\r\n\r\n');
    expect(m!.getAll('')).toEqual(['just text']);
  });

  it('reset() drops a partial message and expects a new banner', () => {
    const parser = new AmiParser();
    parser.push(BANNER + 'Event: Partial\r\nA: 1\r\n');
    expect(parser.bufferedBytes).toBeGreaterThan(0);
    parser.reset();
    const out = parser.push(BANNER + 'Event: Whole\r\n\r\n');
    expect(out.map((m) => m.name)).toEqual(['Asterisk Call Manager/11.0.0', 'Whole']);
  });
});
