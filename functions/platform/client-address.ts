/**
 * Who is asking, as far as the transport can tell: the address the rate limits count by
 * (SECURITY.md item 5; never stored raw, see middleware/rate-limit). On Node it is the
 * socket's peer (`getConnInfo`), or the first X-Forwarded-For hop only when the operator
 * says a proxy sets it (`TRUST_PROXY=1`): without a proxy that header is whatever the client
 * wrote. On Cloudflare it is `CF-Connecting-IP`, which Cloudflare sets and a client cannot.
 */
import type { Context } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";

export type ClientAddress = (req: Request, c?: Context) => string;

/** Used when the transport gives nothing (a request built in-process); all such requests share one bucket. */
export const UNKNOWN_ADDRESS = "unknown";

export function firstForwardedHop(header: string | null | undefined): string | undefined {
  const hop = header?.split(",")[0]?.trim();
  return hop ? hop : undefined;
}

export function nodeClientAddress(trustProxy: boolean): ClientAddress {
  return (req, c) => {
    if (trustProxy) {
      const forwarded = firstForwardedHop(req.headers.get("X-Forwarded-For"));
      if (forwarded) return forwarded;
    }
    if (!c) return UNKNOWN_ADDRESS;
    try {
      return getConnInfo(c).remote.address ?? UNKNOWN_ADDRESS;
    } catch {
      // No Node socket behind this request (app.request in-process).
      return UNKNOWN_ADDRESS;
    }
  };
}

export const workerClientAddress: ClientAddress = (req) => req.headers.get("CF-Connecting-IP")?.trim() || UNKNOWN_ADDRESS;
