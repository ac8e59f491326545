/**
 * Who is asking, as far as the transport can tell: the address the rate limits count by
 * (SECURITY.md item 5; never stored raw, see middleware/rate-limit). On Node it is the
 * socket's peer (`getConnInfo`), or an X-Forwarded-For hop read from the right when the
 * operator says which proxies to trust (`TRUST_PROXY`, platform/trust-proxy): without a proxy
 * that header is whatever the client wrote, and behind an appending proxy its left end still
 * is. On Cloudflare it is `CF-Connecting-IP`, which Cloudflare sets and a client cannot.
 */
import type { Context } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import { clientFromForwarded, type TrustProxy } from "./trust-proxy";

export type ClientAddress = (req: Request, c?: Context) => string;

/** Used when the transport gives nothing (a request built in-process); all such requests share one bucket. */
export const UNKNOWN_ADDRESS = "unknown";

function peerOf(c: Context | undefined): string {
  if (!c) return UNKNOWN_ADDRESS;
  try {
    return getConnInfo(c).remote.address ?? UNKNOWN_ADDRESS;
  } catch {
    // No Node socket behind this request (app.request in-process).
    return UNKNOWN_ADDRESS;
  }
}

export function nodeClientAddress(trust: TrustProxy): ClientAddress {
  return (req, c) => clientFromForwarded(trust, peerOf(c), req.headers.get("X-Forwarded-For"));
}

export const workerClientAddress: ClientAddress = (req) => req.headers.get("CF-Connecting-IP")?.trim() || UNKNOWN_ADDRESS;
