/**
 * The key a rate limit counts by: HMAC-SHA256 of the address (or of another value a rule
 * names) under INDEX_KEY, separated by a purpose label, so the counters table never holds an
 * IP address (personal information under PIPL) and a copy of it cannot be reversed without
 * the key. WebCrypto, so the same code runs on Node and on Workers; keys are imported once.
 */
const imported = new Map<string, Promise<CryptoKey>>();

function hmacKey(indexKey: string): Promise<CryptoKey> {
  let key = imported.get(indexKey);
  if (!key) {
    const raw = Uint8Array.from(atob(indexKey), (ch) => ch.charCodeAt(0));
    key = crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    imported.set(indexKey, key);
  }
  return key;
}

export async function rateLimitClientKey(indexKey: string, value: string): Promise<string> {
  const mac = await crypto.subtle.sign("HMAC", await hmacKey(indexKey), new TextEncoder().encode(`rate-limit\u0000${value}`));
  return Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, "0")).join("");
}
