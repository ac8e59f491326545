/**
 * Field encryption and blind indexes for citizens' sensitive data (SECURITY.md data classes,
 * items 6 and 13): ID numbers, permit numbers, disability details, complainant contacts and
 * uploaded files are sealed with AES-256-GCM (the shared core in ./aes-gcm.ts) under a key
 * derived from DATA_KEY; `context` (e.g. "application:<id>:child.idNumber") is bound as
 * additional data so a value copied to another row or field does not open. Strings are
 * stored as "k1.<iv>.<ciphertext>" (base64url), bytes as "k1" + iv + ciphertext; "k1" names
 * the key version, so a later rotation can tell old rows from new. Blind indexes are
 * HMAC-SHA256 under a key derived from INDEX_KEY (a different secret, so the index key cannot
 * decrypt and the data key cannot enumerate), with the purpose mixed in so equal values under
 * two purposes never share an index.
 */
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { aesGcmOpen, aesGcmSeal, deriveKey, IV_LENGTH, plainBytes } from "./aes-gcm";

export { maskEmail, maskIdNumber, maskPhone } from "../../src/domain/masking";

export type FieldKeys = { dataKey: string /* base64 DATA_KEY */; indexKey: string /* base64 INDEX_KEY */ };

const VERSION = "k1";
const VERSION_BYTES = new TextEncoder().encode(VERSION);
const dataKeyOf = (keys: FieldKeys) => deriveKey(keys.dataKey, "field-data/k1", "AES-GCM");
const indexKeyOf = (keys: FieldKeys) => deriveKey(keys.indexKey, "blind-index/v1", "HMAC");

export async function sealField(keys: FieldKeys, context: string, plaintext: string): Promise<string> {
  const { iv, ciphertext } = await aesGcmSeal(await dataKeyOf(keys), context, new TextEncoder().encode(plaintext));
  return `${VERSION}.${encodeBase64urlNoPadding(iv)}.${encodeBase64urlNoPadding(ciphertext)}`;
}

/** The plaintext; throws when the value was sealed under another key or context, or was changed. */
export async function openField(keys: FieldKeys, context: string, stored: string): Promise<string> {
  const [version, iv, data] = stored.split(".");
  if (version !== VERSION || !iv || !data) throw new Error("unknown sealed-field format");
  const plain = await aesGcmOpen(await dataKeyOf(keys), context, {
    iv: decodeBase64urlIgnorePadding(iv),
    ciphertext: decodeBase64urlIgnorePadding(data),
  });
  return new TextDecoder().decode(plain);
}

export async function sealBytes(keys: FieldKeys, context: string, bytes: Uint8Array): Promise<Uint8Array> {
  const { iv, ciphertext } = await aesGcmSeal(await dataKeyOf(keys), context, bytes);
  const out = new Uint8Array(VERSION_BYTES.length + iv.length + ciphertext.length);
  out.set(VERSION_BYTES, 0);
  out.set(iv, VERSION_BYTES.length);
  out.set(ciphertext, VERSION_BYTES.length + iv.length);
  return out;
}

export async function openBytes(keys: FieldKeys, context: string, sealed: Uint8Array): Promise<Uint8Array> {
  const head = VERSION_BYTES.length;
  if (sealed.length < head + IV_LENGTH + 16 || new TextDecoder().decode(sealed.subarray(0, head)) !== VERSION) {
    throw new Error("unknown sealed-bytes format");
  }
  return aesGcmOpen(await dataKeyOf(keys), context, {
    iv: sealed.subarray(head, head + IV_LENGTH),
    ciphertext: sealed.subarray(head + IV_LENGTH),
  });
}

/**
 * The value as indexed: Unicode NFKC (full-width digits and letters become ASCII), spaces
 * removed, upper case (an ID number's check character "x" equals "X").
 */
export function normaliseForIndex(value: string): string {
  return value.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

/** Keyed HMAC-SHA256 (hex) of `purpose` and the normalised value. */
export async function blindIndex(keys: FieldKeys, purpose: string, value: string): Promise<string> {
  if (!purpose || purpose.includes("\u0000")) throw new Error("blind-index purpose must be a non-empty label");
  const message = new TextEncoder().encode(`${purpose}\u0000${normaliseForIndex(value)}`);
  const mac = await crypto.subtle.sign("HMAC", await indexKeyOf(keys), plainBytes(message));
  return encodeHexLowerCase(new Uint8Array(mac));
}

/** The field keys from the parsed configuration. */
export function fieldKeysOf(secrets: { DATA_KEY: string; INDEX_KEY: string }): FieldKeys {
  return { dataKey: secrets.DATA_KEY, indexKey: secrets.INDEX_KEY };
}
