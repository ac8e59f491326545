/**
 * Per-client rate limits as route middleware (SECURITY.md item 5): counts the request in the
 * database (services/rate-limit) under an HMAC of the client's address, before the body is
 * parsed or any password hashed, and answers 429 with Retry-After and a Chinese message once
 * the rule's limit for the window is spent. `key` lets a rule count by something other than
 * the address (it is hashed the same way).
 */
import type { Context, MiddlewareHandler } from "hono";
import { DomainError } from "../../src/domain/errors";
import type { AppEnv } from "../app-env";
import { rateLimitClientKey } from "../services/rate-limit/internal/client-key";
import { consumeRateLimit, type RateLimitRule } from "../services/rate-limit/internal/consume-rate-limit";

export { consumeRateLimit, type RateLimitRule } from "../services/rate-limit/internal/consume-rate-limit";
export { rateLimitClientKey } from "../services/rate-limit/internal/client-key";

export const RATE_LIMITED_MESSAGE = "操作太频繁，请稍后再试。";
const rateLimitedMessage = (seconds: number) => `操作太频繁，请在${waitWords(seconds)}后再试。`;

/** Suggested rules (SECURITY.md item 5); features choose their own buckets. Receipt lookups take theirs from services/receipt's policy. */
export const RATE_LIMITS = {
  submission: { limit: 10, windowSeconds: 60 * 60 },
  /** Saving a no-JS draft: a family may correct and save again, a bot without the cookie adds a row each time. */
  draft: { limit: 20, windowSeconds: 60 * 60 },
  /**
   * The no-JS form's group pages (issue 16 item 6): one application is 8 pages plus
   * corrections, 上一步 and changes; only the last page of a good draft stores a row.
   */
  draftStep: { limit: 30, windowSeconds: 60 * 60 },
  /** "忘记查询码": each accepted request may send an SMS, so few per client (each reference has its own daily cap too). */
  recovery: { limit: 5, windowSeconds: 60 * 60 },
  staffSignIn: { bucket: "staff-sign-in", limit: 20, windowSeconds: 15 * 60 },
} as const;

/** `Retry-After` in words for the message: minutes when it is a minute or more. */
function waitWords(seconds: number): string {
  return seconds >= 60 ? `${Math.ceil(seconds / 60)}分钟` : `${seconds}秒`;
}

export function rateLimit(rule: RateLimitRule & { key?: (c: Context<AppEnv>) => string }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { deps } = c.var;
    const value = rule.key ? rule.key(c) : deps.clientAddress(c.req.raw, c);
    const clientKey = await rateLimitClientKey(deps.config.secrets.INDEX_KEY, value);
    const result = await consumeRateLimit(deps, rule, clientKey);
    if (!result.allowed) {
      throw new DomainError("rate_limited", rateLimitedMessage(result.retryAfterSeconds), {
        retryAfter: result.retryAfterSeconds,
      });
    }
    await next();
  };
}
