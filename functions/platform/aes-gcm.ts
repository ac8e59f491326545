/**
 * The one AES-256-GCM core (WebCrypto, the same API on Node and in workerd) behind every
 * value the app encrypts at rest: staff TOTP seeds (functions/auth/secret-box.ts) and
 * citizens' sensitive fields and uploaded files (functions/platform/field-crypto.ts). Keys
 * are derived with HKDF-SHA256 from a configured base64 secret and a purpose label, so one
 * configured secret never serves two purposes with the same key. A fresh random 96-bit IV
 * per seal; the caller's context is bound as additional data, so a sealed value copied to
 * another row or field does not open.
 */
import { decodeBase64 } from "@oslojs/encoding";

/** A copy on a plain ArrayBuffer, the only kind WebCrypto's types accept. */
export const plainBytes = (view: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(view);

const IV_BYTES = 12;
const derived = new Map<string, Promise<CryptoKey>>();

/** HKDF-SHA256(secret, info) → a non-extractable key; cached per (secret, info, usage). */
export function deriveKey(secretBase64: string, info: string, algorithm: "AES-GCM" | "HMAC"): Promise<CryptoKey> {
  const cacheKey = `${algorithm}\u0000${info}\u0000${secretBase64}`;
  let key = derived.get(cacheKey);
  if (!key) {
    key = crypto.subtle
      .importKey("raw", plainBytes(decodeBase64(secretBase64)), "HKDF", false, ["deriveKey"])
      .then((master) =>
        crypto.subtle.deriveKey(
          { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(32), info: new TextEncoder().encode(info) },
          master,
          algorithm === "AES-GCM" ? { name: "AES-GCM", length: 256 } : { name: "HMAC", hash: "SHA-256", length: 256 },
          false,
          algorithm === "AES-GCM" ? ["encrypt", "decrypt"] : ["sign"],
        ),
      );
    derived.set(cacheKey, key);
  }
  return key;
}

export type Sealed = { iv: Uint8Array; ciphertext: Uint8Array };

export async function aesGcmSeal(key: CryptoKey, context: string, plaintext: Uint8Array): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ciphertext = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(context) },
    key,
    plainBytes(plaintext),
  );
  return { iv, ciphertext: new Uint8Array(ciphertext) };
}

/** The plaintext; throws when the key, the context or any byte differs from the seal. */
export async function aesGcmOpen(key: CryptoKey, context: string, sealed: Sealed): Promise<Uint8Array> {
  if (sealed.iv.length !== IV_BYTES) throw new Error("unknown sealed-value format");
  const plain = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: plainBytes(sealed.iv), additionalData: new TextEncoder().encode(context) },
    key,
    plainBytes(sealed.ciphertext),
  );
  return new Uint8Array(plain);
}

export const IV_LENGTH = IV_BYTES;
