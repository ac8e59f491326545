/**
 * Counts one request against a rate-limit rule in the database (SECURITY.md item 5). Fixed
 * windows aligned to the epoch; the count is one upsert (`insert … on conflict do update …
 * returning count`), a single statement and therefore atomic in SQLite and libSQL: parallel
 * requests each get a distinct count, so exactly `limit` of them pass, on the Node entry and
 * on Turso alike, with no read-then-write race and no transaction to hold.
 */
import { and, eq, sql } from "drizzle-orm";
import { rateLimitCounters } from "../../../../db/schema";
import type { ServiceCtx } from "../../context";

export type RateLimitRule = {
  /** Names the counter; rules with the same bucket share it. */
  bucket: string;
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
};

export type RateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

/** Start (ms since epoch) of the window holding `now`. */
export function windowStartOf(now: Date, windowSeconds: number): number {
  const size = windowSeconds * 1000;
  return Math.floor(now.getTime() / size) * size;
}

/**
 * Books one request for `clientKey`, which must already be a keyed hash (rateLimitClientKey),
 * never a raw address or a reference. `retryAfterSeconds` is 0 when allowed.
 */
export async function consumeRateLimit(ctx: Pick<ServiceCtx, "db" | "clock">, rule: RateLimitRule, clientKey: string): Promise<RateLimitResult> {
  const now = ctx.clock.now();
  const start = windowStartOf(now, rule.windowSeconds);
  const t = rateLimitCounters;
  const rows = await ctx.db
    .insert(t)
    .values({ bucket: rule.bucket, clientKey, windowStart: new Date(start).toISOString(), count: 1 })
    .onConflictDoUpdate({ target: [t.bucket, t.clientKey, t.windowStart], set: { count: sql`${t.count} + 1` } })
    .returning({ count: t.count });
  const count = Number(rows[0]?.count ?? Number.POSITIVE_INFINITY);
  if (count <= rule.limit) return { allowed: true, count, retryAfterSeconds: 0 };
  const retryAfterSeconds = Math.max(1, Math.ceil((start + rule.windowSeconds * 1000 - now.getTime()) / 1000));
  return { allowed: false, count, retryAfterSeconds };
}

/** The count already booked for `clientKey` in the current window, without booking one. */
export async function peekRateLimit(ctx: Pick<ServiceCtx, "db" | "clock">, rule: Pick<RateLimitRule, "bucket" | "windowSeconds">, clientKey: string): Promise<number> {
  const start = new Date(windowStartOf(ctx.clock.now(), rule.windowSeconds)).toISOString();
  const t = rateLimitCounters;
  const row = await ctx.db
    .select({ count: t.count })
    .from(t)
    .where(and(eq(t.bucket, rule.bucket), eq(t.clientKey, clientKey), eq(t.windowStart, start)))
    .get();
  return Number(row?.count ?? 0);
}

/** Deletes counters of windows that ended before `before` (retention purge). */
export async function deleteExpiredCounters(db: ServiceCtx["db"], before: Date): Promise<number> {
  // A window's start is before its end; the longest rule window bounds how far back to keep.
  const rows = await db.delete(rateLimitCounters).where(sql`${rateLimitCounters.windowStart} < ${before.toISOString()}`).returning({ b: rateLimitCounters.bucket });
  return rows.length;
}
