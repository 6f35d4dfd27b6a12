/**
 * What the server will store for a typed name (mirrors sanitiseSoundName in apps/server/src/sounds/sound-paths.ts):
 * lower-case a-z, 0-9, - and _, at most 64 characters, an audio extension dropped. Empty when nothing usable.
 */
export function sanitiseSoundName(raw: string): string {
  return raw
    .trim()
    .replace(/\.(wav|mp3|ogg|oga|flac|gsm|ulaw|alaw|ul|al|sln|sln16|raw)$/i, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 64)
    .replace(/[-_]+$/g, '');
}

/** Why a typed name can not be used, or null when it can (its current name included). */
export function soundNameProblem(raw: string): string | null {
  if (raw.trim() === '') return 'Enter a name.';
  if (raw.length > 200) return 'At most 200 characters.';
  const name = sanitiseSoundName(raw);
  if (name === '') return 'Use letters or digits: a name needs at least one.';
  return null;
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** The description to store: trimmed, and null when blank (which clears it). */
export function storedDescription(raw: string): string | null {
  const trimmed = raw.trim();
  return trimmed === '' ? null : trimmed;
}

/** Why a typed description can not be used (the server's rules: one line, at most 500 characters), or null. */
export function descriptionProblem(raw: string): string | null {
  if (raw.trim().length > 500) return 'At most 500 characters.';
  if (CONTROL_CHARACTERS.test(raw)) return 'One line, without tabs or other control characters.';
  return null;
}
