/**
 * Receipt (access) codes for tracking an application or a complaint (SECURITY.md item 14):
 * drawn from the CSPRNG, written in Crockford base32 (no I, L, O, U, so what a family reads
 * aloud or copies from paper survives), grouped by four with dashes. 80 bits for
 * applications (16 characters); 130 bits for anonymous complaints (26 characters, ≥ 128).
 * Only the SHA-256 of the normalised code is stored: codes are high-entropy random values,
 * so a slow password hash would add cost and no protection.
 */
import { encodeHexLowerCase } from "@oslojs/encoding";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function newReceiptCode(bits: 80 | 130): string {
  const chars = Math.ceil(bits / 5);
  const random = crypto.getRandomValues(new Uint8Array(chars));
  // Each byte's low 5 bits: 256 is a multiple of 32, so every symbol is equally likely.
  const code = Array.from(random, (b) => ALPHABET[b & 31]).join("");
  return code.match(/.{1,4}/g)!.join("-");
}

/** Upper case, without spaces or dashes, with O→0 and I/L→1 as Crockford decoding reads them. */
export function normaliseReceiptCode(input: string): string {
  return input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\-_]+/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
}

export async function hashReceiptCode(code: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(normaliseReceiptCode(code)));
  return encodeHexLowerCase(new Uint8Array(digest));
}
