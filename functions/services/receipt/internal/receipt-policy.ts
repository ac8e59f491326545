/**
 * How receipt lookups are throttled, as data (issue 22 item 1). Nothing here ever refuses
 * the right code: a third party who knows a reference (they are sequential and public) must
 * not be able to lock its owner out. Two rules per tracking flow:
 * - `perClient`: every lookup of the flow from one client (the rate-limit service, keyed by
 *   the HMAC of the address exactly as the route limiter derives it) counts against a fixed
 *   window; past the limit that client, and only that client, gets 429 with Retry-After.
 * - `perReference`: wrong codes for one reference (known or not) in the current window only
 *   slow every later lookup of that reference by a bounded delay, applied before the code is
 *   compared, so a guesser cannot cut the wait short and the owner waits at most `maxDelayMs`.
 * Change the numbers here, nowhere else.
 */
import type { RateLimitRule } from "../../rate-limit/internal/consume-rate-limit";

export type ReferenceSlowing = {
  /** Names the per-reference counter in the rate-limit table. */
  bucket: string;
  windowSeconds: number;
  /** Wrong codes in the window before any delay. */
  freeFailures: number;
  /** Delay added per wrong code past the free ones. */
  stepMs: number;
  /** The bound: the right code never waits longer than this. */
  maxDelayMs: number;
};

export type ReceiptPolicy = {
  /** What the audit rows of refused lookups are named by: `<objectType>.track_refused`. */
  objectType: "complaint" | "application";
  perClient: RateLimitRule;
  perReference: ReferenceSlowing;
};

const FIFTEEN_MINUTES = 15 * 60;
const slowing = (bucket: string): ReferenceSlowing => ({ bucket, windowSeconds: FIFTEEN_MINUTES, freeFailures: 3, stepMs: 500, maxDelayMs: 5000 });

export const RECEIPT_POLICY = {
  /** Complaint codes are 130-bit and application codes 80-bit: the throttles are defence in depth. */
  complaint: {
    objectType: "complaint",
    perClient: { bucket: "complaint-lookup", limit: 20, windowSeconds: FIFTEEN_MINUTES },
    perReference: slowing("complaint-receipt-reference"),
  },
  application: {
    objectType: "application",
    perClient: { bucket: "enrol-track", limit: 20, windowSeconds: FIFTEEN_MINUTES },
    perReference: slowing("application-receipt-reference"),
  },
} as const satisfies Record<string, ReceiptPolicy>;

/** The delay before comparing a code, given the reference's wrong codes in the current window. */
export function referenceDelayMs(rule: ReferenceSlowing, recentFailures: number): number {
  return Math.min(rule.maxDelayMs, Math.max(0, recentFailures - rule.freeFailures) * rule.stepMs);
}

/** The one reply to an unknown reference or a wrong code. */
export const RECEIPT_NOT_FOUND = "受理编号或查询码不正确。请核对收据后重试；如需帮助，请联系区教育局。";
