/**
 * `TRUST_PROXY`, parsed: which part of `X-Forwarded-For` the Node entry may believe. A proxy
 * that appends (nginx's `$proxy_add_x_forwarded_for`) keeps whatever the client wrote on the
 * left and adds the address it saw on the right, so only hops counted from the right, written
 * by proxies the operator runs, can be trusted. Either a number of trusted hops (`0` ignores
 * the header, `1` is one proxy in front: the rightmost entry is the client) or a
 * comma-separated list of the proxies' own addresses (the client is the first address, read
 * from the right starting at the socket's peer, that is not one of them). Pure, so the
 * config parser (which also runs on Workers) can use it.
 */

export type TrustProxy = { hops: number } | { proxies: readonly string[] };

export const MAX_TRUSTED_HOPS = 10;

/** Loose IPv4 / IPv6 shape: enough to refuse host names, ports and garbage. */
export const looksLikeIp = (s: string) => /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*)$/.test(s);

/** `::ffff:192.0.2.1` (an IPv4 peer on a dual-stack socket) compares as `192.0.2.1`. */
export const normaliseIp = (s: string) => s.trim().replace(/^::ffff:(?=\d+\.)/i, "").toLowerCase();

/** The parsed setting, or a message naming what is wrong. */
export function parseTrustProxy(value: string): TrustProxy | string {
  const v = value.trim();
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return hops <= MAX_TRUSTED_HOPS ? { hops } : `at most ${MAX_TRUSTED_HOPS} trusted hops`;
  }
  const proxies = v.split(",").map(normaliseIp);
  const bad = proxies.filter((p) => !looksLikeIp(p));
  if (bad.length > 0 || proxies.length === 0) return "a number of trusted proxy hops (0, 1, 2…) or a comma-separated list of the proxies' IP addresses";
  return { proxies };
}

/**
 * The client's address given the socket's peer and the X-Forwarded-For header, or the peer
 * itself when the header may not be believed (or names no usable address).
 */
export function clientFromForwarded(trust: TrustProxy, peer: string, header: string | null | undefined): string {
  const hops = (header ?? "").split(",").map(normaliseIp).filter(Boolean);
  if ("hops" in trust) {
    if (trust.hops === 0 || hops.length === 0) return peer;
    // N proxies wrote the N rightmost entries; fewer entries than that means the farthest one we have.
    const pick = hops[Math.max(0, hops.length - trust.hops)]!;
    return looksLikeIp(pick) ? pick : peer;
  }
  const trusted = new Set(trust.proxies);
  if (!trusted.has(normaliseIp(peer))) return peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!looksLikeIp(hop)) return peer;
    if (!trusted.has(hop)) return hop;
  }
  return hops[0] ?? peer;
}
