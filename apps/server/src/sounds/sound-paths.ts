import path from 'node:path';

/** A path that would leave its root, or a name that can not be made safe. */
export class UnsafePathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafePathError';
  }
}

const MAX_NAME = 64;

/**
 * The file-system name of a sound: lower-case letters, digits, `-` and `_` only, so it is the same on every
 * file system, needs no quoting in the dialplan and can never be `..`, absolute, or contain `/`, `\` or NUL.
 * Percent-encoding is decoded first so `%2e%2e` is judged as `..`. An extension the uploader left on is dropped.
 */
export function sanitiseSoundName(raw: string): string {
  let text = raw;
  try {
    text = decodeURIComponent(raw);
  } catch {
    // not percent-encoded; judge it as given
  }
  const base = text.replace(/\.(wav|mp3|ogg|oga|flac|gsm|ulaw|alaw|ul|al|sln|sln16|raw)$/i, '');
  const name = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, MAX_NAME)
    .replace(/[-_]+$/g, '');
  if (name === '') throw new UnsafePathError(`"${raw}" has no usable characters for a sound name`);
  return name;
}

/**
 * `segments` joined under `root`, refusing anything that would land outside it (`..`, absolute segments, NUL).
 * Lexical only: symlinks are checked by the file store against the real path.
 */
export function resolveInside(root: string, ...segments: string[]): string {
  for (const segment of segments) {
    if (segment.includes('\0')) throw new UnsafePathError('a path may not contain NUL');
    if (path.isAbsolute(segment)) throw new UnsafePathError('an absolute path is not allowed here');
  }
  const base = path.resolve(root);
  const target = path.resolve(base, ...segments);
  if (target !== base && !target.startsWith(base + path.sep)) {
    throw new UnsafePathError('the path leaves its folder');
  }
  return target;
}

/** True when `target` is `root` or inside it (both already resolved, e.g. by realpath). */
export function isInside(root: string, target: string): boolean {
  return target === root || target.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}
