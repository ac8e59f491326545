/**
 * Encryption at rest for authentication secrets (the TOTP seeds): AES-256-GCM through
 * WebCrypto (the same API on Node and in workerd), with a key derived by HKDF-SHA256 from
 * AUTH_SECRET, so a copy of the database alone cannot mint second-factor codes. The
 * account id is bound as additional data, so a sealed secret moved to another row does not
 * open. Stored as `v1.<iv>.<ciphertext>` (base64url); the version names the key scheme,
 * so the key can be rotated later without guessing which one sealed a row.
 */
import { decodeBase64, decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from "@oslojs/encoding";

const VERSION = "v1";

/** A copy on a plain ArrayBuffer, the only kind WebCrypto's types accept. */
const bytes = (view: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(view);
const keys = new Map<string, Promise<CryptoKey>>();

function keyFor(authSecret: string): Promise<CryptoKey> {
  let key = keys.get(authSecret);
  if (!key) {
    key = crypto.subtle
      .importKey("raw", bytes(decodeBase64(authSecret)), "HKDF", false, ["deriveKey"])
      .then((master) =>
        crypto.subtle.deriveKey(
          { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(32), info: new TextEncoder().encode("staff-totp-secret/v1") },
          master,
          { name: "AES-GCM", length: 256 },
          false,
          ["encrypt", "decrypt"],
        ),
      );
    keys.set(authSecret, key);
  }
  return key;
}

export async function sealSecret(authSecret: string, boundTo: string, plaintext: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(boundTo) },
    await keyFor(authSecret),
    new TextEncoder().encode(plaintext),
  );
  return `${VERSION}.${encodeBase64urlNoPadding(iv)}.${encodeBase64urlNoPadding(new Uint8Array(sealed))}`;
}

/** The plaintext, or an error when the value was not sealed by this key for this account. */
export async function openSecret(authSecret: string, boundTo: string, stored: string): Promise<string> {
  const [version, iv, data] = stored.split(".");
  if (version !== VERSION || !iv || !data) throw new Error("unknown sealed-secret format");
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: bytes(decodeBase64urlIgnorePadding(iv)), additionalData: new TextEncoder().encode(boundTo) },
    await keyFor(authSecret),
    bytes(decodeBase64urlIgnorePadding(data)),
  );
  return new TextDecoder().decode(plain);
}
