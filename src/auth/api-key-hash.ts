import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Prefix of generated keys, so a leaked one is recognisable by secret scanners and in support tickets. */
const API_KEY_PREFIX = 'wgg_';
const SECRET_BYTES = 32; // 256 bits: a key cannot be guessed, so a fast hash is enough (no scrypt needed)

/** Lower-case hex SHA-256 of the key, as the key file stores it. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** A fresh random key (`wgg_` + 43 base64url characters) and a suggested id for it. */
export function generateApiKey(): { key: string; id: string } {
  return {
    key: `${API_KEY_PREFIX}${randomBytes(SECRET_BYTES).toString('base64url')}`,
    id: `key_${randomBytes(6).toString('hex')}`,
  };
}

/** Compares two SHA-256 digests (hex) in constant time; anything not a 64-hex digest compares unequal. */
export function digestsEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
