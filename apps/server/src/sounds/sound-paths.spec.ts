import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, resolveInside, sanitiseSoundName, UnsafePathError } from './sound-paths.js';

describe('sanitiseSoundName', () => {
  it('keeps a readable, dialplan-safe name and drops an audio extension', () => {
    expect(sanitiseSoundName('Welcome Message (v2).MP3')).toBe('welcome-message-v2');
    expect(sanitiseSoundName('Crème brûlée.wav')).toBe('creme-brulee');
    expect(sanitiseSoundName('hold_music')).toBe('hold_music');
  });

  it.each([
    ['../../etc/passwd', 'etc-passwd'],
    ['%2e%2e%2fsecret', 'secret'],
    ['..%2F..%2Fboot', 'boot'],
    ['/etc/asterisk/extensions', 'etc-asterisk-extensions'],
    ['a\u0000b', 'a-b'],
    ['C:\\Windows\\system32', 'c-windows-system32'],
    ['line\r\nAction: Originate', 'line-action-originate'],
  ])('turns the hostile name %j into a plain one (%s)', (raw, expected) => {
    const name = sanitiseSoundName(raw);
    expect(name).toBe(expected);
    expect(name).toMatch(/^[a-z0-9][a-z0-9_-]*$/);
  });

  it.each(['..', '%2e%2e', '...', '/', '\u0000', '   ', '.wav'])(
    'refuses %j, which has nothing left',
    (raw) => {
      expect(() => sanitiseSoundName(raw)).toThrow(UnsafePathError);
    },
  );

  it('caps the length at 64 characters', () => {
    expect(sanitiseSoundName('x'.repeat(300))).toHaveLength(64);
  });
});

describe('resolveInside', () => {
  const root = path.resolve('/srv/sounds');

  it('joins paths inside the root', () => {
    expect(resolveInside(root, 'acme', 'hello.wav')).toBe(path.join(root, 'acme', 'hello.wav'));
    expect(resolveInside(root, '2026/01/02/x.wav')).toBe(path.join(root, '2026/01/02/x.wav'));
  });

  it.each([['../outside'], ['acme/../../outside'], ['..']])(
    'refuses %j, which leaves the root',
    (segment) => {
      expect(() => resolveInside(root, segment)).toThrow(UnsafePathError);
    },
  );

  it('refuses absolute segments and NUL', () => {
    expect(() => resolveInside(root, '/etc/passwd')).toThrow(/absolute/);
    expect(() => resolveInside(root, 'a\u0000.wav')).toThrow(/NUL/);
  });

  it('does not take a sibling folder with the same prefix for the root', () => {
    expect(() => resolveInside(root, '../sounds-evil/x')).toThrow(UnsafePathError);
    expect(isInside(root, `${root}-evil/x`)).toBe(false);
    expect(isInside(root, path.join(root, 'x'))).toBe(true);
  });
});
