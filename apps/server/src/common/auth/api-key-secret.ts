import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Characters of the key shown in listings; enough to tell keys apart, far too few to guess the rest. */
const PREFIX_LENGTH = 12;

/** A new key: `sb_` + 256 random bits (base64url). Only its SHA-256 is stored. */
export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = `sb_${randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, PREFIX_LENGTH), hash: hashApiKey(key) };
}

/** SHA-256 is enough here: the input is 256 random bits, so there is nothing for a slow hash to protect. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(Buffer.from(hashApiKey(a), 'hex'), Buffer.from(hashApiKey(b), 'hex'));
}
