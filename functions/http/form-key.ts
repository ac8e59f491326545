/**
 * The idempotency key of a plain HTML form post (issue 22 item 4), so a reload of the
 * answer or a double tap files once. A form the server rendered carries a one-time token in
 * a hidden field (`FORM_TOKEN_FIELD`, a fresh random value per render); the key is that
 * token. The prerendered form page cannot carry a per-visitor token (it is the same static
 * file for everyone), so a post without one is keyed by a digest of the client (the HMAC
 * the rate limiter uses, never the address) and the exact content: the same person posting
 * the same complaint twice gets the first receipt back, anyone else files their own.
 */
import type { Context } from "hono";
import type { AppEnv } from "../app-env";
import { rateLimitClientKey } from "../services/rate-limit/internal/client-key";
import { canonicalJson, IDEMPOTENCY_KEY_PATTERN } from "../services/idempotency/internal/with-idempotency";

export const FORM_TOKEN_FIELD = "formToken";

export async function formPostKey(c: Context<AppEnv>, token: unknown, fields: Record<string, unknown>, files: readonly File[]): Promise<string> {
  if (typeof token === "string" && IDEMPOTENCY_KEY_PATTERN.test(token)) return `form:${token}`;
  const { deps } = c.var;
  const client = await rateLimitClientKey(deps.config.secrets.INDEX_KEY, deps.clientAddress(c.req.raw, c));
  const content = canonicalJson({ fields, files: files.map((f) => [f.name, f.size, f.type]) });
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${client}\u0000${content}`));
  return `content:${Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("")}`;
}
