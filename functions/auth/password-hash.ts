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
 * A hash of a random password, verified against when the e-mail is unknown so that an
 * unknown account costs the same time as a wrong password (no account enumeration).
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(encodeBase64NoPadding(crypto.getRandomValues(new Uint8Array(18))));
  return decoy;
}
