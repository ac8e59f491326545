/**
 * Encryption at rest for authentication secrets (the TOTP seeds), on the shared AES-256-GCM
 * core (functions/platform/aes-gcm.ts) with a key derived by HKDF-SHA256 from AUTH_SECRET,
 * so a copy of the database alone cannot mint second-factor codes. The account id is bound
 * as additional data, so a sealed secret moved to another row does not open. Stored as
 * `v1.<iv>.<ciphertext>` (base64url); the version names the key scheme, so the key can be
 * rotated later without guessing which one sealed a row.
 */
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";
import { aesGcmOpen, aesGcmSeal, deriveKey } from "../platform/aes-gcm";

const VERSION = "v1";
const keyFor = (authSecret: string) => deriveKey(authSecret, "staff-totp-secret/v1", "AES-GCM");

export async function sealSecret(authSecret: string, boundTo: string, plaintext: string): Promise<string> {
  const { iv, ciphertext } = await aesGcmSeal(await keyFor(authSecret), boundTo, new TextEncoder().encode(plaintext));
  return `${VERSION}.${encodeBase64urlNoPadding(iv)}.${encodeBase64urlNoPadding(ciphertext)}`;
}

/** The plaintext, or an error when the value was not sealed by this key for this account. */
export async function openSecret(authSecret: string, boundTo: string, stored: string): Promise<string> {
  const [version, iv, data] = stored.split(".");
  if (version !== VERSION || !iv || !data) throw new Error("unknown sealed-secret format");
  const plain = await aesGcmOpen(await keyFor(authSecret), boundTo, {
    iv: decodeBase64urlIgnorePadding(iv),
    ciphertext: decodeBase64urlIgnorePadding(data),
  });
  return new TextDecoder().decode(plain);
}
