/**
 * A key's fingerprint: HMAC-SHA256 under a key derived (HKDF, its own label) from the
 * configured secret, over a fixed message, cut to 128 bits of hex. It names a key without
 * revealing it (one-way, and a different derivation from any key that encrypts), so the
 * database can record which keys sealed its data and a start with other keys is refused
 * before it writes anything (services/keys/check-keys.ts). Backups carry it too.
 */
import { encodeHexLowerCase } from "@oslojs/encoding";
import { deriveKey } from "./aes-gcm";

const MESSAGE = new TextEncoder().encode("balance-portal key fingerprint v1");

/** `purpose` names the key's role: "data:k1", "index", "auth". */
export async function keyFingerprint(secretBase64: string, purpose: string): Promise<string> {
  const key = await deriveKey(secretBase64, `key-fingerprint/${purpose}`, "HMAC");
  const mac = await crypto.subtle.sign("HMAC", key, MESSAGE);
  return encodeHexLowerCase(new Uint8Array(mac)).slice(0, 32);
}
