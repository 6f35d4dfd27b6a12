import { describe, expect, it } from 'vitest';
import { AmiParser, buildEvent } from '../src/index.js';
import { EventShapeCache } from '../src/events/event-shapes.js';

const parse = (text: string) => new AmiParser({ expectBanner: false }).push(text)[0]!;

describe('buildEvent', () => {
  it('builds the same object through a compiled shape as the generic path, in header order', () => {
    const shapes = new EventShapeCache();
    const text = 'Event: Hangup\r\nPrivilege: call,all\r\nChannel: Local/a;1\r\nCause: 16\r\n\r\n';
    const first = buildEvent(parse(text), 'pbx', shapes);
    const second = buildEvent(parse(text.replace('16', '17')), 'pbx', shapes);
    expect(first).toEqual({
      Event: 'Hangup',
      Privilege: 'call,all',
      Channel: 'Local/a;1',
      Cause: '16',
      $server: 'pbx',
    });
    expect(Object.keys(second)).toEqual(['Event', 'Privilege', 'Channel', 'Cause', '$server']);
    expect(second.Cause).toBe('17');
  });

  it('keeps every value of a repeated header (such shapes are never compiled)', () => {
    const shapes = new EventShapeCache();
    for (let i = 0; i < 3; i++) {
      const e = buildEvent(
        parse('Event: Newchannel\r\nChanVariable: A=1\r\nChanVariable: B=2\r\n\r\n'),
        'pbx',
        shapes,
      );
      expect(e.ChanVariable).toEqual(['A=1', 'B=2']);
    }
  });

  it('tells shapes apart when another event of the same name has other headers', () => {
    const shapes = new EventShapeCache();
    buildEvent(
      parse('Event: VarSet\r\nChannel: none\r\nUniqueid: none\r\nVariable: G\r\nValue: 1\r\n\r\n'),
      'p',
      shapes,
    );
    const e = buildEvent(
      parse(
        'Event: VarSet\r\nChannel: X\r\nLinkedid: 1.1\r\nUniqueid: 1.1\r\nVariable: V\r\nValue: 2\r\n\r\n',
      ),
      'p',
      shapes,
    );
    expect(e).toEqual({
      Event: 'VarSet',
      Channel: 'X',
      Linkedid: '1.1',
      Uniqueid: '1.1',
      Variable: 'V',
      Value: '2',
      $server: 'p',
    });
  });

  it('makes a "__proto__" header plain data every time, never the prototype', () => {
    const shapes = new EventShapeCache();
    for (let i = 0; i < 3; i++) {
      const e = buildEvent(parse('Event: X\r\n__proto__: polluted\r\n\r\n'), 'pbx', shapes);
      expect(Object.getPrototypeOf(e)).toBe(Object.prototype);
      expect(Object.getOwnPropertyDescriptor(e, '__proto__')?.value).toBe('polluted');
    }
  });

  it('does not let a peer header overwrite $server', () => {
    const e = buildEvent(parse('Event: X\r\n$server: forged\r\n\r\n'), 'real', new EventShapeCache());
    expect(e.$server).toBe('real');
  });
});
