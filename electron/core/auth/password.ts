/**
 * Password hashes: scrypt (Node's crypto) with N = 2^17, r = 8, p = 1 (OWASP's choice where
 * Argon2id is not at hand), a 16-byte random salt, 32-byte key. Stored with its parameters —
 * `scrypt$N$r$p$salt$hash` (base64) — so stronger settings later still verify old hashes.
 * Compared in constant time.
 */
import crypto from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}
export const SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LEN = 32;

function derive(password: string, salt: Buffer, { N, r, p }: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    crypto.scrypt(password.normalize('NFC'), salt, KEY_LEN, { N, r, p, maxmem: 256 * N * r }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string, params: ScryptParams = SCRYPT): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (![N, r, p].every((n) => Number.isInteger(n) && n > 0) || N > 2 ** 20 || r > 32 || p > 16) return false;
  const salt = Buffer.from(parts[4], 'base64');
  const want = Buffer.from(parts[5], 'base64');
  if (want.length !== KEY_LEN) return false;
  const got = await derive(password, salt, { N, r, p });
  return crypto.timingSafeEqual(got, want);
}

/** A hash of nothing: an unknown login costs the same time as a wrong password. */
let dummy: Promise<string> | undefined;
export async function burnTime(password: string): Promise<void> {
  dummy ??= hashPassword('not a password of anyone');
  await verifyPassword(password, await dummy);
}
