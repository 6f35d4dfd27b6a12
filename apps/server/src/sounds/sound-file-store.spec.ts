import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SoundFileStore } from './sound-file-store.js';
import { UnsafePathError } from './sound-paths.js';

describe('SoundFileStore', () => {
  const store = new SoundFileStore();
  let base: string;
  let root: string;
  let outside: string;
  beforeEach(async () => {
    base = await fs.mkdtemp(path.join(os.tmpdir(), 'file-store-'));
    root = path.join(base, 'sounds');
    outside = path.join(base, 'outside');
    await fs.mkdir(root);
    await fs.mkdir(outside);
    await fs.writeFile(path.join(outside, 'precious.txt'), 'keep me');
  });
  afterEach(async () => {
    await fs.rm(base, { recursive: true, force: true });
  });

  it('streams to disk with size and sha256, and never overwrites an existing file', async () => {
    const saved = await store.save(Readable.from([Buffer.from('abc'), Buffer.from('def')]), root, 'original');
    expect(saved).toMatchObject({
      size: 6,
      sha256: 'bef57ec7f53a6d40beb640a780a639c83bc29ac8a9816f1fc6c5c6dcd93c4721',
    });
    await expect(store.save(Readable.from([Buffer.from('x')]), root, 'original')).rejects.toThrow(/EEXIST/);
    expect(await fs.readFile(path.join(root, 'original'), 'utf8')).toBe('abcdef');
  });

  it('refuses to create a tenant folder through a symlink that leads outside', async () => {
    await fs.symlink(outside, path.join(root, 'acme'));
    await expect(store.ensureDir(root, 'acme')).rejects.toThrow(UnsafePathError);
    await expect(store.publish(root, 'acme', [])).rejects.toThrow(UnsafePathError);
  });

  it.each(['../outside', '%2e%2e', '/tmp', 'a\u0000b'])('refuses the folder segment %j', async (segment) => {
    // '%2e%2e' is a plain (odd) folder name at this level: names are decoded and sanitised before they get here.
    if (segment === '%2e%2e') {
      await expect(store.ensureDir(root, segment)).resolves.toBe(path.join(await fs.realpath(root), segment));
      return;
    }
    await expect(store.ensureDir(root, segment)).rejects.toThrow(UnsafePathError);
  });

  it('publishes files by rename into the folder and replaces a planted symlink instead of writing through it', async () => {
    await fs.mkdir(path.join(root, 'acme'));
    await fs.symlink(path.join(outside, 'precious.txt'), path.join(root, 'acme', 'hello.wav'));
    const temp = await store.tempDir(root);
    await fs.writeFile(path.join(temp, 'sound.wav'), 'new audio');
    await store.publish(root, 'acme', [{ from: path.join(temp, 'sound.wav'), name: 'hello.wav' }]);
    expect(await fs.readFile(path.join(outside, 'precious.txt'), 'utf8')).toBe('keep me');
    expect((await fs.lstat(path.join(root, 'acme', 'hello.wav'))).isSymbolicLink()).toBe(false);
    expect(await fs.readFile(path.join(root, 'acme', 'hello.wav'), 'utf8')).toBe('new audio');
  });

  it('deletes a symlink, never its target, and nothing outside the root', async () => {
    await fs.symlink(path.join(outside, 'precious.txt'), path.join(root, 'link.wav'));
    expect(await store.remove(root, 'link.wav')).toBe(true);
    expect(await fs.readFile(path.join(outside, 'precious.txt'), 'utf8')).toBe('keep me');
    await expect(store.remove(root, '../outside/precious.txt')).rejects.toThrow(UnsafePathError);
    await expect(store.remove(root, path.join(outside, 'precious.txt'))).rejects.toThrow(UnsafePathError);
    await fs.symlink(outside, path.join(root, 'dirlink'));
    expect(await store.remove(root, 'dirlink/precious.txt')).toBe(false);
    expect(await fs.readFile(path.join(outside, 'precious.txt'), 'utf8')).toBe('keep me');
  });

  it('resolves files for reading only inside the root (no .., NUL, absolute or symlink out)', async () => {
    await fs.mkdir(path.join(root, '2026', '01', '02'), { recursive: true });
    await fs.writeFile(path.join(root, '2026', '01', '02', 'rec.wav'), 'rec');
    await fs.symlink(path.join(outside, 'precious.txt'), path.join(root, 'leak.wav'));
    expect(await store.resolveFile(root, '2026/01/02/rec.wav')).toMatchObject({ size: 3 });
    expect(await store.resolveFile(root, 'leak.wav')).toBeUndefined();
    expect(await store.resolveFile(root, 'missing.wav')).toBeUndefined();
    await expect(store.resolveFile(root, '../outside/precious.txt')).rejects.toThrow(UnsafePathError);
    await expect(store.resolveFile(root, 'rec\u0000.wav')).rejects.toThrow(UnsafePathError);
    await expect(store.resolveFile(root, '/etc/passwd')).rejects.toThrow(UnsafePathError);
  });

  it('lists files recursively and skips symlinks', async () => {
    await fs.mkdir(path.join(root, '2026', '01', '02'), { recursive: true });
    await fs.writeFile(path.join(root, '2026', '01', '02', 'a.wav'), 'a');
    await fs.writeFile(path.join(root, 'b.wav'), 'bb');
    await fs.symlink(outside, path.join(root, 'out'));
    await fs.symlink(path.join(outside, 'precious.txt'), path.join(root, 'p.wav'));
    const listed = (await store.list(root)).map((f) => [f.relativePath, f.size]).sort();
    expect(listed).toEqual([
      ['2026/01/02/a.wav', 1],
      ['b.wav', 2],
    ]);
  });

  it('removes only folders inside its root', async () => {
    const temp = await store.tempDir(root);
    await store.removeDir(root, outside);
    await store.removeDir(root, root);
    expect(await fs.readFile(path.join(outside, 'precious.txt'), 'utf8')).toBe('keep me');
    await store.removeDir(root, temp);
    await expect(fs.stat(temp)).rejects.toThrow(/ENOENT/);
  });
});
