import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { isInside, resolveInside, UnsafePathError } from './sound-paths.js';

export interface SavedFile {
  path: string;
  size: number;
  sha256: string;
}

export interface ListedFile {
  /** Path relative to the listed root, with `/` separators. */
  relativePath: string;
  size: number;
  modifiedAt: Date;
}

/**
 * Every file-system touch of sounds and recordings. Each call names the root it works in, and every path is
 * checked twice: lexically (no `..`, absolute or NUL) and against the real path, so a symlink planted in a
 * folder can not lead a write or delete outside it. Symlinks are never followed when listing or deleting.
 */
@Injectable()
export class SoundFileStore {
  /** Creates `root/segments...` (each level refused if it is a symlink) and returns its real path. */
  async ensureDir(root: string, ...segments: string[]): Promise<string> {
    await fs.mkdir(root, { recursive: true });
    const realRoot = await fs.realpath(root);
    let current = realRoot;
    for (const segment of segments) {
      current = resolveInside(current, segment);
      await fs.mkdir(current).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'EEXIST') throw err;
      });
      const stat = await fs.lstat(current);
      if (stat.isSymbolicLink() || !stat.isDirectory()) {
        throw new UnsafePathError(`${segment} is not a plain folder`);
      }
    }
    const real = await fs.realpath(current);
    if (!isInside(realRoot, real)) throw new UnsafePathError('the folder leaves its root');
    return real;
  }

  /** A fresh temporary folder inside `root` (same file system, so renames out of it are atomic). */
  async tempDir(root: string): Promise<string> {
    const realRoot = await this.ensureDir(root);
    return fs.mkdtemp(path.join(realRoot, '.tmp-'));
  }

  /** Streams `source` to `dir/name` without holding it in memory, hashing as it goes. */
  async save(source: Readable, dir: string, name: string): Promise<SavedFile> {
    const target = resolveInside(dir, name);
    const hash = createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    const sink = createWriteStream(target, { flags: 'wx', mode: 0o640 });
    let created = false;
    sink.once('open', () => (created = true));
    try {
      await pipeline(source, tap, sink);
    } catch (err) {
      if (created) await fs.rm(target, { force: true });
      throw err;
    }
    return { path: target, size, sha256: hash.digest('hex') };
  }

  async readHead(file: string, bytes: number): Promise<Buffer> {
    const handle = await fs.open(file, 'r');
    try {
      const buffer = Buffer.alloc(bytes);
      const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  readFile(file: string): Promise<Buffer> {
    return fs.readFile(file);
  }

  async size(file: string): Promise<number> {
    return (await fs.stat(file)).size;
  }

  copy(from: string, to: string): Promise<void> {
    return fs.copyFile(from, to);
  }

  /**
   * Moves each file into `root/<dir>/<name>` with rename(2), so Asterisk sees the old file or the new one,
   * never half of one. The destination folder is created and checked like ensureDir.
   */
  async publish(root: string, dir: string, moves: Array<{ from: string; name: string }>): Promise<string[]> {
    const target = await this.ensureDir(root, dir);
    const done: string[] = [];
    for (const move of moves) {
      const to = resolveInside(target, move.name);
      await fs.rename(move.from, to);
      done.push(to);
    }
    return done;
  }

  /** Deletes `root/segments...` if it is a file or a symlink (never what a link points to); missing is fine. */
  async remove(root: string, ...segments: string[]): Promise<boolean> {
    const realRoot = await fs.realpath(root).catch(() => undefined);
    if (!realRoot) return false;
    const target = resolveInside(realRoot, ...segments);
    const parent = await fs.realpath(path.dirname(target)).catch(() => undefined);
    if (!parent || !isInside(realRoot, parent)) return false;
    const stat = await fs.lstat(path.join(parent, path.basename(target))).catch(() => undefined);
    if (!stat || stat.isDirectory()) return false;
    await fs.unlink(path.join(parent, path.basename(target)));
    return true;
  }

  /**
   * Renames the plain folder `root/<from>` to `root/<to>` (both single names inside `root`). False when there is
   * no such folder; an empty `root/<to>` is replaced, one with files is refused (ENOTEMPTY), never merged.
   */
  async renameDir(root: string, from: string, to: string): Promise<boolean> {
    const realRoot = await fs.realpath(root).catch(() => undefined);
    if (!realRoot) return false;
    const source = resolveInside(realRoot, from);
    const target = resolveInside(realRoot, to);
    if (path.dirname(source) !== realRoot || path.dirname(target) !== realRoot) {
      throw new UnsafePathError('a tenant folder is one name inside the root');
    }
    const stat = await fs.lstat(source).catch(() => undefined);
    if (!stat) return false;
    if (stat.isSymbolicLink() || !stat.isDirectory())
      throw new UnsafePathError(`${from} is not a plain folder`);
    // rename(2) replaces an empty folder and fails with ENOTEMPTY on one that holds anything.
    await fs.rename(source, target);
    return true;
  }

  /** Removes a folder this store created (a temp folder or a version archive) inside `root`. */
  async removeDir(root: string, dir: string): Promise<void> {
    const realRoot = await fs.realpath(root).catch(() => undefined);
    if (!realRoot) return;
    const real = await fs.realpath(dir).catch(() => undefined);
    if (!real || real === realRoot || !isInside(realRoot, real)) return;
    await fs.rm(real, { recursive: true, force: true });
  }

  /**
   * The regular file at `root/relativePath`, refusing `..`, absolute paths, NUL and anything whose real path
   * is outside `root` (a symlink out); undefined when there is no such file.
   */
  async resolveFile(root: string, relativePath: string): Promise<{ path: string; size: number } | undefined> {
    const realRoot = await fs.realpath(root).catch(() => undefined);
    if (!realRoot) return undefined;
    const target = resolveInside(realRoot, relativePath);
    const real = await fs.realpath(target).catch(() => undefined);
    if (!real || !isInside(realRoot, real)) return undefined;
    const stat = await fs.stat(real);
    return stat.isFile() ? { path: real, size: stat.size } : undefined;
  }

  openRead(file: string, range?: { start: number; end: number }): ReadStream {
    return createReadStream(file, range);
  }

  /** The folders directly inside `root` (not symlinks), with their modification time. */
  async folders(root: string): Promise<Array<{ path: string; name: string; modifiedAt: Date }>> {
    const realRoot = await fs.realpath(root).catch(() => undefined);
    if (!realRoot) return [];
    const entries = await fs.readdir(realRoot, { withFileTypes: true });
    const found = [];
    for (const entry of entries.filter((e) => e.isDirectory())) {
      const full = path.join(realRoot, entry.name);
      const stat = await fs.lstat(full).catch(() => undefined);
      if (stat) found.push({ path: full, name: entry.name, modifiedAt: stat.mtime });
    }
    return found;
  }

  /** Every regular file under `root`, recursively; symlinks are skipped, not followed. */
  async list(root: string): Promise<ListedFile[]> {
    const realRoot = await fs.realpath(root).catch(() => undefined);
    if (!realRoot) return [];
    const found: ListedFile[] = [];
    const walk = async (dir: string): Promise<void> => {
      const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          await walk(full);
        } else if (entry.isFile()) {
          const stat = await fs.stat(full).catch(() => undefined);
          if (!stat) continue;
          found.push({
            relativePath: path.relative(realRoot, full).split(path.sep).join('/'),
            size: stat.size,
            modifiedAt: stat.mtime,
          });
        }
      }
    };
    await walk(realRoot);
    return found;
  }
}
