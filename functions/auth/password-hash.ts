/**
 * Password hashing at OWASP ASVS 5.0 Appendix C parameters: argon2id, m = 19 MiB, t = 2,
 * p = 1, 16-byte random salt, stored as a PHC string. `@noble/hashes` is audited pure
 * JavaScript, so the very same code runs on Node and in the Cloudflare Worker (workerd
 * forbids compiling WebAssembly from bytes at run time, which rules out the WASM builds,
 * and Node's native argon2 arrives only in Node 24). Verification reads the parameters
 * from the stored string, so they can be raised later without breaking old hashes.
 */
import { argon2idAsync } from "@noble/hashes/argon2.js";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { decodeBase64IgnorePadding, encodeBase64NoPadding } from "@oslojs/encoding";

export const ARGON2_PARAMS = { m: 19456, t: 2, p: 1 } as const;
const DK_LEN = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await argon2idAsync(password, salt, { ...ARGON2_PARAMS, dkLen: DK_LEN });
  const { m, t, p } = ARGON2_PARAMS;
  return `$argon2id$v=19$m=${m},t=${t},p=${p}$${encodeBase64NoPadding(salt)}$${encodeBase64NoPadding(hash)}`;
}

const PHC = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  const match = PHC.exec(stored);
  if (!match) return false;
  const [, m, t, p, salt, hash] = match as unknown as [string, string, string, string, string, string];
  const expected = decodeBase64IgnorePadding(hash);
  const actual = await argon2idAsync(password, decodeBase64IgnorePadding(salt), {
    m: Number(m),
    t: Number(t),
    p: Number(p),
    dkLen: expected.length,
  });
  return constantTimeEqual(actual, expected);
}

/**
 * An argon2id hash (same parameters) of a random password nobody kept, verified against
 * when the e-mail is unknown, so an unknown account costs exactly what a wrong password
 * costs (no account enumeration by timing). Fixed, so even the first such request does
 * not pay for computing it.
 */
export const DECOY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$vRctcUINKyQQykI5eyo9qw$3n1E9csnYD+Dwe+K1NBHX9tS34FwABGjp4CJEuZVfbw";
