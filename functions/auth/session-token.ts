/**
 * Session tokens as the Copenhagen Book / Lucia guide describes them: 20 bytes from the
 * CSPRNG (160 bits) in lower-case base32 go into the cookie; only their SHA-256 is stored,
 * so a leaked database or backup holds no usable session.
 */
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

export function newSessionToken(): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

export function sessionIdOf(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Ids for accounts: 120 random bits, URL-safe. */
export function newUserId(): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(15)));
}

/** A one-time initial password: 15 random bytes, base32 (24 characters, about 120 bits). */
export function newInitialPassword(): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(15)));
}
