/**
 * `purgeRateLimitCounters({ ctx })`: rate-limit counters are only useful during their window
 * (at most hours); keyed hashes of addresses are still personal data, so rows older than a
 * day are deleted.
 */
import { deleteExpiredCounters } from "../rate-limit/internal/consume-rate-limit";
import type { PurgeCounts, PurgeCtx } from "./internal/purger";

export const RATE_LIMIT_COUNTER_RETENTION_MS = 24 * 60 * 60 * 1000;

export async function purgeRateLimitCounters({ ctx: { db, clock } }: { ctx: PurgeCtx }): Promise<PurgeCounts> {
  const before = new Date(clock.now().getTime() - RATE_LIMIT_COUNTER_RETENTION_MS);
  return { deleted: await deleteExpiredCounters(db, before), anonymised: 0 };
}
