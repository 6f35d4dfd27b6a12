import { describe, expect, it } from 'vitest';
import { AmiErrorCode, AmiParser, isAmiError, serializeAction, type AmiAction } from '../src/index.js';

function expectInvalid(action: AmiAction, header?: string): void {
  let error: unknown;
  try {
    serializeAction(action);
  } catch (caught) {
    error = caught;
  }
  expect(isAmiError(error, AmiErrorCode.InvalidValue)).toBe(true);
  if (header !== undefined) expect((error as { header?: string }).header).toBe(header);
}

describe('serializeAction', () => {
  it('writes Action first, then headers in order, repeated headers from arrays, CRLF and a blank line', () => {
    const text = serializeAction({
      Action: 'Originate',
      ActionID: 'a-1',
      Channel: 'Local/answer@test',
      Priority: 1,
      Async: true,
      Skipped: undefined,
      Variable: ['a=1', 'b=2'],
    });
    expect(text).toBe(
      'Action: Originate\r\nActionID: a-1\r\nChannel: Local/answer@test\r\nPriority: 1\r\nAsync: true\r\n' +
        'Variable: a=1\r\nVariable: b=2\r\n\r\n',
    );
  });

  it('round-trips through the parser', () => {
    const [m] = new AmiParser({ expectBanner: false }).push(
      serializeAction({ Action: 'Setvar', Variable: 'X', Value: ' spaced: value ' }),
    );
    expect(m!.get('Value')).toBe(' spaced: value ');
  });

  const attacks = [
    '\r',
    '\n',
    '\0',
    '\r\n',
    '\r\nAction: Originate\r\nChannel: Local/1@x',
    'a\nAction: Command',
  ];
  const positions: [string, (bad: string) => AmiAction][] = [
    ['Action', (bad) => ({ Action: `Ping${bad}` })],
    ['ActionID', (bad) => ({ Action: 'Ping', ActionID: `id${bad}` })],
    ['Channel', (bad) => ({ Action: 'Originate', Channel: `Local/1@x${bad}` })],
    ['Variable', (bad) => ({ Action: 'Originate', Variable: ['ok=1', `x=${bad}`] })],
    ['CallerID', (bad) => ({ Action: 'Originate', CallerID: `${bad}"Evil" <1>` })],
    ['name', (bad) => ({ Action: 'Ping', [`X${bad}`]: 'v' })],
  ];
  for (const [where, make] of positions) {
    for (const bad of attacks) {
      it(`refuses ${JSON.stringify(bad)} in ${where}`, () => expectInvalid(make(bad)));
    }
  }

  it('refuses malformed header names and a second Action header', () => {
    expectInvalid({ Action: 'Ping', 'Bad Name': 'x' });
    expectInvalid({ Action: 'Ping', 'Colon:': 'x' });
    expectInvalid({ Action: 'Ping', '': 'x' });
    expectInvalid({ Action: 'Ping', action: 'Originate' }, 'action');
    expectInvalid({ Action: '' }, 'Action');
  });

  it('refuses a line longer than Asterisk reads (1024 bytes with CRLF), counting UTF-8 bytes', () => {
    expect(() =>
      serializeAction({ Action: 'Setvar', Value: 'a'.repeat(1024 - 'Value: \r\n'.length) }),
    ).not.toThrow();
    expectInvalid({ Action: 'Setvar', Value: 'a'.repeat(1024 - 'Value: \r\n'.length + 1) }, 'Value');
    // 400 three-byte characters: 1200 bytes though only 400 UTF-16 units.
    expectInvalid({ Action: 'Setvar', Value: '日'.repeat(400) }, 'Value');
  });

  it('refuses more headers than Asterisk keeps (128)', () => {
    const variables = Array.from({ length: 127 }, (_, i) => `v${i}=1`);
    expect(() => serializeAction({ Action: 'Originate', Variable: variables })).not.toThrow();
    expectInvalid({ Action: 'Originate', Variable: [...variables, 'one=too many'] });
  });

  it('names the header but never echoes a raw control character in the message', () => {
    try {
      serializeAction({ Action: 'Ping', ['X\r\nInjected']: 'v' });
      expect.fail('should throw');
    } catch (error) {
      expect((error as Error).message).not.toMatch(/[\r\n]/);
    }
  });
});
