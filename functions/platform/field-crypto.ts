/**
 * Field encryption and blind indexes for citizens' sensitive data (SECURITY.md data classes,
 * items 6 and 13): ID numbers, permit numbers, disability details, complainant contacts and
 * uploaded files are sealed with AES-256-GCM (the shared core in ./aes-gcm.ts) under a key
 * derived from DATA_KEY; `context` (e.g. "application:<id>:child.idNumber") is bound as
 * additional data so a value copied to another row or field does not open. Strings are
 * stored as "k1.<iv>.<ciphertext>" (base64url), bytes as "k1" + iv + ciphertext; "k1" names
 * the key version. The keys form a ring: values are sealed under the current version
 * (DATA_KEY, labelled DATA_KEY_VERSION) and opened under whichever version their prefix names
 * (DATA_KEY_PREVIOUS keeps the older ones during a rotation, functions/cli/keys-rotate.ts).
 * Each version's AES key is derived with its own label, so k1 derives as it always did. Blind indexes are
 * HMAC-SHA256 under a key derived from INDEX_KEY (a different secret, so the index key cannot
 * decrypt and the data key cannot enumerate), with the purpose mixed in so equal values under
 * two purposes never share an index.
 */
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { parseDataKeyRing } from "../config";
import { aesGcmOpen, aesGcmSeal, deriveKey, IV_LENGTH, plainBytes } from "./aes-gcm";

export { maskEmail, maskIdNumber, maskPhone } from "../../src/domain/masking";

export type FieldKeys = {
  dataKey: string /* base64 DATA_KEY */;
  indexKey: string /* base64 INDEX_KEY */;
  /** The version DATA_KEY seals under; k1 when absent. */
  dataKeyVersion?: string;
  /** Older data keys by version, for opening values sealed before a rotation. */
  previousDataKeys?: Readonly<Record<string, string>>;
};

/** Every version label is two ASCII bytes (k1 … k9, config.ts), so sealed bytes have a fixed header. */
const VERSION_LENGTH = 2;
export const currentVersion = (keys: FieldKeys) => keys.dataKeyVersion ?? "k1";

/** The AES key for a version, or an error naming the version (never the key) when the ring lacks it. */
function dataKeyFor(keys: FieldKeys, version: string): Promise<CryptoKey> {
  const secret = version === currentVersion(keys) ? keys.dataKey : keys.previousDataKeys?.[version];
  if (!secret) throw new Error(`sealed with data key ${version}, which is not configured`);
  return deriveKey(secret, `field-data/${version}`, "AES-GCM");
}

/** The key version a sealed string or sealed bytes were written under ("k1"), or undefined when it is not sealed. */
export function sealedVersionOf(stored: string | Uint8Array): string | undefined {
  const head = typeof stored === "string" ? stored.split(".")[0]! : new TextDecoder().decode(stored.subarray(0, VERSION_LENGTH));
  return /^k[1-9]$/.test(head) ? head : undefined;
}

const indexKeyOf = (keys: FieldKeys) => deriveKey(keys.indexKey, "blind-index/v1", "HMAC");

export async function sealField(keys: FieldKeys, context: string, plaintext: string): Promise<string> {
  const version = currentVersion(keys);
  const { iv, ciphertext } = await aesGcmSeal(await dataKeyFor(keys, version), context, new TextEncoder().encode(plaintext));
  return `${version}.${encodeBase64urlNoPadding(iv)}.${encodeBase64urlNoPadding(ciphertext)}`;
}

/** The plaintext; throws when the value was sealed under another key or context, or was changed. */
export async function openField(keys: FieldKeys, context: string, stored: string): Promise<string> {
  const [version, iv, data] = stored.split(".");
  if (!version || sealedVersionOf(version) !== version || !iv || !data) throw new Error("unknown sealed-field format");
  const plain = await aesGcmOpen(await dataKeyFor(keys, version), context, {
    iv: decodeBase64urlIgnorePadding(iv),
    ciphertext: decodeBase64urlIgnorePadding(data),
  });
  return new TextDecoder().decode(plain);
}

export async function sealBytes(keys: FieldKeys, context: string, bytes: Uint8Array): Promise<Uint8Array> {
  const version = currentVersion(keys);
  const { iv, ciphertext } = await aesGcmSeal(await dataKeyFor(keys, version), context, bytes);
  const out = new Uint8Array(VERSION_LENGTH + iv.length + ciphertext.length);
  out.set(new TextEncoder().encode(version), 0);
  out.set(iv, VERSION_LENGTH);
  out.set(ciphertext, VERSION_LENGTH + iv.length);
  return out;
}

export async function openBytes(keys: FieldKeys, context: string, sealed: Uint8Array): Promise<Uint8Array> {
  const head = VERSION_LENGTH;
  const version = sealedVersionOf(sealed);
  if (sealed.length < head + IV_LENGTH + 16 || !version) throw new Error("unknown sealed-bytes format");
  return aesGcmOpen(await dataKeyFor(keys, version), context, {
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

/** The field keys from the parsed configuration (DATA_KEY_PREVIOUS was checked by parseConfig). */
export function fieldKeysOf(secrets: { DATA_KEY: string; INDEX_KEY: string; DATA_KEY_VERSION?: string; DATA_KEY_PREVIOUS?: string }): FieldKeys {
  return {
    dataKey: secrets.DATA_KEY,
    indexKey: secrets.INDEX_KEY,
    dataKeyVersion: secrets.DATA_KEY_VERSION ?? "k1",
    previousDataKeys: parseDataKeyRing(secrets.DATA_KEY_PREVIOUS).keys,
  };
}
